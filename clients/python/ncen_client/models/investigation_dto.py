from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.investigation_status import InvestigationStatus
from ..models.outcome import Outcome
from ..models.standing_code import StandingCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.investigation_counts import InvestigationCounts
    from ..models.member_dto import MemberDto
    from ..models.named import Named


T = TypeVar("T", bound="InvestigationDto")


@_attrs_define
class InvestigationDto:
    """An investigation as its team sees it (`ETag`: its version).

    Attributes:
        counts (InvestigationCounts): Counts of what the investigation holds.
        created_at (datetime.datetime):
        created_by (Named): A user or unit named on an alert, a merge, a review.
        id (UUID):
        legal_basis (str):
        members (list[MemberDto]):
        next_statuses (list[InvestigationStatus]): The statuses the caller may move it to now.
        offence_types (list[str]):
        opened_on (datetime.date):
        overdue (bool): Open and past its due date.
        priority (str):
        reference (str): `<country>-INV-<year>-<sequence>`.
        standing (StandingCode): What the caller is to this investigation: `member` of the team, its `lead`, or a
            `supervisor` of the supervising unit.
        status (InvestigationStatus): `opened` (recorded, no lead yet) → `assigned` (a lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        summary (str):
        title (str):
        unit (Named): A user or unit named on an alert, a merge, a review.
        updated_at (datetime.datetime):
        version (int):
        closed_at (datetime.datetime | None | Unset):
        due_date (datetime.date | None | Unset):
        lead (Named | None | Unset):
        outcome (None | Outcome | Unset):
        suspended_from (InvestigationStatus | None | Unset):
    """

    counts: InvestigationCounts
    created_at: datetime.datetime
    created_by: Named
    id: UUID
    legal_basis: str
    members: list[MemberDto]
    next_statuses: list[InvestigationStatus]
    offence_types: list[str]
    opened_on: datetime.date
    overdue: bool
    priority: str
    reference: str
    standing: StandingCode
    status: InvestigationStatus
    summary: str
    title: str
    unit: Named
    updated_at: datetime.datetime
    version: int
    closed_at: datetime.datetime | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    lead: Named | None | Unset = UNSET
    outcome: None | Outcome | Unset = UNSET
    suspended_from: InvestigationStatus | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        id = str(self.id)

        legal_basis = self.legal_basis

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        next_statuses = []
        for next_statuses_item_data in self.next_statuses:
            next_statuses_item = next_statuses_item_data.value
            next_statuses.append(next_statuses_item)

        offence_types = self.offence_types

        opened_on = self.opened_on.isoformat()

        overdue = self.overdue

        priority = self.priority

        reference = self.reference

        standing = self.standing.value

        status = self.status.value

        summary = self.summary

        title = self.title

        unit = self.unit.to_dict()

        updated_at = self.updated_at.isoformat()

        version = self.version

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

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

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        suspended_from: None | str | Unset
        if isinstance(self.suspended_from, Unset):
            suspended_from = UNSET
        elif isinstance(self.suspended_from, InvestigationStatus):
            suspended_from = self.suspended_from.value
        else:
            suspended_from = self.suspended_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "legal_basis": legal_basis,
                "members": members,
                "next_statuses": next_statuses,
                "offence_types": offence_types,
                "opened_on": opened_on,
                "overdue": overdue,
                "priority": priority,
                "reference": reference,
                "standing": standing,
                "status": status,
                "summary": summary,
                "title": title,
                "unit": unit,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if lead is not UNSET:
            field_dict["lead"] = lead
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if suspended_from is not UNSET:
            field_dict["suspended_from"] = suspended_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.investigation_counts import InvestigationCounts  # noqa: PLC0415
        from ..models.member_dto import MemberDto  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        counts = InvestigationCounts.from_dict(d.pop("counts"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = Named.from_dict(d.pop("created_by"))

        id = UUID(d.pop("id"))

        legal_basis = d.pop("legal_basis")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = MemberDto.from_dict(members_item_data)

            members.append(members_item)

        next_statuses = []
        _next_statuses = d.pop("next_statuses")
        for next_statuses_item_data in _next_statuses:
            next_statuses_item = InvestigationStatus(next_statuses_item_data)

            next_statuses.append(next_statuses_item)

        offence_types = cast(list[str], d.pop("offence_types"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        overdue = d.pop("overdue")

        priority = d.pop("priority")

        reference = d.pop("reference")

        standing = StandingCode(d.pop("standing"))

        status = InvestigationStatus(d.pop("status"))

        summary = d.pop("summary")

        title = d.pop("title")

        unit = Named.from_dict(d.pop("unit"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

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

        def _parse_outcome(data: object) -> None | Outcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = Outcome(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_suspended_from(data: object) -> InvestigationStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_from_type_1 = InvestigationStatus(data)

                return suspended_from_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InvestigationStatus | None | Unset, data)

        suspended_from = _parse_suspended_from(d.pop("suspended_from", UNSET))

        investigation_dto = cls(
            counts=counts,
            created_at=created_at,
            created_by=created_by,
            id=id,
            legal_basis=legal_basis,
            members=members,
            next_statuses=next_statuses,
            offence_types=offence_types,
            opened_on=opened_on,
            overdue=overdue,
            priority=priority,
            reference=reference,
            standing=standing,
            status=status,
            summary=summary,
            title=title,
            unit=unit,
            updated_at=updated_at,
            version=version,
            closed_at=closed_at,
            due_date=due_date,
            lead=lead,
            outcome=outcome,
            suspended_from=suspended_from,
        )

        investigation_dto.additional_properties = d
        return investigation_dto

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
