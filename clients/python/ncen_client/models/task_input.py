from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_item import ChecklistItem


T = TypeVar("T", bound="TaskInput")


@_attrs_define
class TaskInput:
    """A task as written (create: `title` required; correct: JSON merge patch with `If-Match`).

    Attributes:
        title (str):
        assignee_id (None | Unset | UUID): A member of the team (the lead, a member, or a user of a member unit).
        checklist (list[ChecklistItem] | None | Unset):
        description (None | str | Unset):
        due_date (datetime.date | None | Unset): Not before the investigation was opened.
        status (None | TaskStatus | Unset):
    """

    title: str
    assignee_id: None | Unset | UUID = UNSET
    checklist: list[ChecklistItem] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    status: None | TaskStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        elif isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        checklist: list[dict[str, Any]] | None | Unset
        if isinstance(self.checklist, Unset):
            checklist = UNSET
        elif isinstance(self.checklist, list):
            checklist = []
            for checklist_type_0_item_data in self.checklist:
                checklist_type_0_item = checklist_type_0_item_data.to_dict()
                checklist.append(checklist_type_0_item)

        else:
            checklist = self.checklist

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, TaskStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id
        if checklist is not UNSET:
            field_dict["checklist"] = checklist
        if description is not UNSET:
            field_dict["description"] = description
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_item import ChecklistItem  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_assignee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)

                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))

        def _parse_checklist(data: object) -> list[ChecklistItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                checklist_type_0 = []
                _checklist_type_0 = data
                for checklist_type_0_item_data in _checklist_type_0:
                    checklist_type_0_item = ChecklistItem.from_dict(checklist_type_0_item_data)

                    checklist_type_0.append(checklist_type_0_item)

                return checklist_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChecklistItem] | None | Unset, data)

        checklist = _parse_checklist(d.pop("checklist", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_status(data: object) -> None | TaskStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = TaskStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TaskStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        task_input = cls(
            title=title,
            assignee_id=assignee_id,
            checklist=checklist,
            description=description,
            due_date=due_date,
            status=status,
        )

        return task_input
