from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.investigation_status import InvestigationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="InvestigationSummary")


@_attrs_define
class InvestigationSummary:
    """
    Attributes:
        id (UUID):
        open_tasks (int):
        overdue (bool):
        priority (str):
        reference (str):
        status (InvestigationStatus): `opened` (recorded, no lead yet) → `assigned` (a lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        title (str):
        unit (Named): A user or unit named on an alert, a merge, a review.
        updated_at (datetime.datetime):
        due_date (datetime.date | None | Unset):
        lead (Named | None | Unset):
    """

    id: UUID
    open_tasks: int
    overdue: bool
    priority: str
    reference: str
    status: InvestigationStatus
    title: str
    unit: Named
    updated_at: datetime.datetime
    due_date: datetime.date | None | Unset = UNSET
    lead: Named | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        id = str(self.id)

        open_tasks = self.open_tasks

        overdue = self.overdue

        priority = self.priority

        reference = self.reference

        status = self.status.value

        title = self.title

        unit = self.unit.to_dict()

        updated_at = self.updated_at.isoformat()

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        lead: dict[str, Any] | None | Unset
        if isinstance(self.lead, Unset):
            lead = UNSET
        elif isinstance(self.lead, Named):
            lead = self.lead.to_dict()
        else:
            lead = self.lead

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "open_tasks": open_tasks,
                "overdue": overdue,
                "priority": priority,
                "reference": reference,
                "status": status,
                "title": title,
                "unit": unit,
                "updated_at": updated_at,
            }
        )
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if lead is not UNSET:
            field_dict["lead"] = lead

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        open_tasks = d.pop("open_tasks")

        overdue = d.pop("overdue")

        priority = d.pop("priority")

        reference = d.pop("reference")

        status = InvestigationStatus(d.pop("status"))

        title = d.pop("title")

        unit = Named.from_dict(d.pop("unit"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_lead(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lead_type_1 = Named.from_dict(data)

                return lead_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        lead = _parse_lead(d.pop("lead", UNSET))

        investigation_summary = cls(
            id=id,
            open_tasks=open_tasks,
            overdue=overdue,
            priority=priority,
            reference=reference,
            status=status,
            title=title,
            unit=unit,
            updated_at=updated_at,
            due_date=due_date,
            lead=lead,
        )

        investigation_summary.additional_properties = d
        return investigation_summary

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
