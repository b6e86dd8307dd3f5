from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status import TaskStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.checklist_item import ChecklistItem
    from ..models.named import Named


T = TypeVar("T", bound="TaskDto")


@_attrs_define
class TaskDto:
    """
    Attributes:
        checklist (list[ChecklistItem]):
        created_at (datetime.datetime):
        created_by (Named): A user or unit named on an alert, a merge, a review.
        description (str):
        id (UUID):
        overdue (bool): Open or in progress, and past its due date.
        status (TaskStatus):
        title (str):
        updated_at (datetime.datetime):
        version (int):
        assignee (Named | None | Unset):
        completed_at (datetime.datetime | None | Unset):
        due_date (datetime.date | None | Unset):
        template (None | str | Unset): The `task_templates` code it was made from.
    """

    checklist: list[ChecklistItem]
    created_at: datetime.datetime
    created_by: Named
    description: str
    id: UUID
    overdue: bool
    status: TaskStatus
    title: str
    updated_at: datetime.datetime
    version: int
    assignee: Named | None | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    template: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        checklist = []
        for checklist_item_data in self.checklist:
            checklist_item = checklist_item_data.to_dict()
            checklist.append(checklist_item)

        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        description = self.description

        id = str(self.id)

        overdue = self.overdue

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        assignee: dict[str, Any] | None | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        elif isinstance(self.assignee, Named):
            assignee = self.assignee.to_dict()
        else:
            assignee = self.assignee

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        template: None | str | Unset
        if isinstance(self.template, Unset):
            template = UNSET
        else:
            template = self.template

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checklist": checklist,
                "created_at": created_at,
                "created_by": created_by,
                "description": description,
                "id": id,
                "overdue": overdue,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if template is not UNSET:
            field_dict["template"] = template

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checklist_item import ChecklistItem  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        checklist = []
        _checklist = d.pop("checklist")
        for checklist_item_data in _checklist:
            checklist_item = ChecklistItem.from_dict(checklist_item_data)

            checklist.append(checklist_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = Named.from_dict(d.pop("created_by"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        overdue = d.pop("overdue")

        status = TaskStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_assignee(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                assignee_type_1 = Named.from_dict(data)

                return assignee_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        assignee = _parse_assignee(d.pop("assignee", UNSET))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

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

        def _parse_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        template = _parse_template(d.pop("template", UNSET))

        task_dto = cls(
            checklist=checklist,
            created_at=created_at,
            created_by=created_by,
            description=description,
            id=id,
            overdue=overdue,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            assignee=assignee,
            completed_at=completed_at,
            due_date=due_date,
            template=template,
        )

        task_dto.additional_properties = d
        return task_dto

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
