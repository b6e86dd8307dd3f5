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
    from ..models.named import Named


T = TypeVar("T", bound="WorkItem")


@_attrs_define
class WorkItem:
    """An open task with the investigation it belongs to.

    Attributes:
        id (UUID):
        investigation_id (UUID):
        investigation_title (str):
        overdue (bool):
        reference (str):
        status (TaskStatus):
        title (str):
        updated_at (datetime.datetime):
        assignee (Named | None | Unset):
        due_date (datetime.date | None | Unset):
    """

    id: UUID
    investigation_id: UUID
    investigation_title: str
    overdue: bool
    reference: str
    status: TaskStatus
    title: str
    updated_at: datetime.datetime
    assignee: Named | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        id = str(self.id)

        investigation_id = str(self.investigation_id)

        investigation_title = self.investigation_title

        overdue = self.overdue

        reference = self.reference

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        assignee: dict[str, Any] | None | Unset
        if isinstance(self.assignee, Unset):
            assignee = UNSET
        elif isinstance(self.assignee, Named):
            assignee = self.assignee.to_dict()
        else:
            assignee = self.assignee

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "investigation_id": investigation_id,
                "investigation_title": investigation_title,
                "overdue": overdue,
                "reference": reference,
                "status": status,
                "title": title,
                "updated_at": updated_at,
            }
        )
        if assignee is not UNSET:
            field_dict["assignee"] = assignee
        if due_date is not UNSET:
            field_dict["due_date"] = due_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        investigation_id = UUID(d.pop("investigation_id"))

        investigation_title = d.pop("investigation_title")

        overdue = d.pop("overdue")

        reference = d.pop("reference")

        status = TaskStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        work_item = cls(
            id=id,
            investigation_id=investigation_id,
            investigation_title=investigation_title,
            overdue=overdue,
            reference=reference,
            status=status,
            title=title,
            updated_at=updated_at,
            assignee=assignee,
            due_date=due_date,
        )

        work_item.additional_properties = d
        return work_item

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
