from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_status import AlertStatus
from ..models.requested_action import RequestedAction
from ..models.risk_level import RiskLevel
from ..models.subject_kind import SubjectKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hit_counts import HitCounts
    from ..models.named import Named


T = TypeVar("T", bound="AlertDto")


@_attrs_define
class AlertDto:
    """An alert in full, as its unit sees it.

    Attributes:
        created_at (datetime.datetime):
        created_by (Named): A user or unit named on an alert, a merge, a review.
        hits (HitCounts):
        id (UUID):
        owner (Named): A user or unit named on an alert, a merge, a review.
        reason (str):
        reference (str): `<country>-ALR-<year>-<sequence>`.
        requested_action (RequestedAction): What an officer who meets the subject is asked to do: `inform_owner` (let it
            go, and
            tell the alert's owner), `discreet_check` (check without the subject noticing),
            `control` (control the subject and goods), `detain` (hold the subject or goods and call
            the owner).
        risk_level (RiskLevel):
        status (AlertStatus): `draft` (being written; matches nothing) → `active` (a supervisor of the owning unit
            activated it; data entering nCEN is checked against it) → `expired` (past its
            `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
        subject_kind (SubjectKind): What the alert watches: a register record, or a bare identifier.
        subject_label (str): The subject as a list shows it (a name with the date of birth, a company with its
            country, a conveyance or identifier with its kind).
        unit (Named): A user or unit named on an alert, a merge, a review.
        updated_at (datetime.datetime):
        valid_from (datetime.date):
        valid_until (datetime.date):
        version (int):
        activated_at (datetime.datetime | None | Unset):
        activated_by (Named | None | Unset):
        closed_at (datetime.datetime | None | Unset):
        closed_by (Named | None | Unset):
        closing_reason (None | str | Unset):
        company_id (None | Unset | UUID):
        conveyance_id (None | Unset | UUID):
        handling_instructions (None | str | Unset):
        identifier (None | str | Unset):
        identifier_kind (None | str | Unset):
        person_id (None | Unset | UUID):
    """

    created_at: datetime.datetime
    created_by: Named
    hits: HitCounts
    id: UUID
    owner: Named
    reason: str
    reference: str
    requested_action: RequestedAction
    risk_level: RiskLevel
    status: AlertStatus
    subject_kind: SubjectKind
    subject_label: str
    unit: Named
    updated_at: datetime.datetime
    valid_from: datetime.date
    valid_until: datetime.date
    version: int
    activated_at: datetime.datetime | None | Unset = UNSET
    activated_by: Named | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    closed_by: Named | None | Unset = UNSET
    closing_reason: None | str | Unset = UNSET
    company_id: None | Unset | UUID = UNSET
    conveyance_id: None | Unset | UUID = UNSET
    handling_instructions: None | str | Unset = UNSET
    identifier: None | str | Unset = UNSET
    identifier_kind: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        hits = self.hits.to_dict()

        id = str(self.id)

        owner = self.owner.to_dict()

        reason = self.reason

        reference = self.reference

        requested_action = self.requested_action.value

        risk_level = self.risk_level.value

        status = self.status.value

        subject_kind = self.subject_kind.value

        subject_label = self.subject_label

        unit = self.unit.to_dict()

        updated_at = self.updated_at.isoformat()

        valid_from = self.valid_from.isoformat()

        valid_until = self.valid_until.isoformat()

        version = self.version

        activated_at: None | str | Unset
        if isinstance(self.activated_at, Unset):
            activated_at = UNSET
        elif isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        activated_by: dict[str, Any] | None | Unset
        if isinstance(self.activated_by, Unset):
            activated_by = UNSET
        elif isinstance(self.activated_by, Named):
            activated_by = self.activated_by.to_dict()
        else:
            activated_by = self.activated_by

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        closed_by: dict[str, Any] | None | Unset
        if isinstance(self.closed_by, Unset):
            closed_by = UNSET
        elif isinstance(self.closed_by, Named):
            closed_by = self.closed_by.to_dict()
        else:
            closed_by = self.closed_by

        closing_reason: None | str | Unset
        if isinstance(self.closing_reason, Unset):
            closing_reason = UNSET
        else:
            closing_reason = self.closing_reason

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        elif isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        conveyance_id: None | str | Unset
        if isinstance(self.conveyance_id, Unset):
            conveyance_id = UNSET
        elif isinstance(self.conveyance_id, UUID):
            conveyance_id = str(self.conveyance_id)
        else:
            conveyance_id = self.conveyance_id

        handling_instructions: None | str | Unset
        if isinstance(self.handling_instructions, Unset):
            handling_instructions = UNSET
        else:
            handling_instructions = self.handling_instructions

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        identifier_kind: None | str | Unset
        if isinstance(self.identifier_kind, Unset):
            identifier_kind = UNSET
        else:
            identifier_kind = self.identifier_kind

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "hits": hits,
                "id": id,
                "owner": owner,
                "reason": reason,
                "reference": reference,
                "requested_action": requested_action,
                "risk_level": risk_level,
                "status": status,
                "subject_kind": subject_kind,
                "subject_label": subject_label,
                "unit": unit,
                "updated_at": updated_at,
                "valid_from": valid_from,
                "valid_until": valid_until,
                "version": version,
            }
        )
        if activated_at is not UNSET:
            field_dict["activated_at"] = activated_at
        if activated_by is not UNSET:
            field_dict["activated_by"] = activated_by
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if closed_by is not UNSET:
            field_dict["closed_by"] = closed_by
        if closing_reason is not UNSET:
            field_dict["closing_reason"] = closing_reason
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if conveyance_id is not UNSET:
            field_dict["conveyance_id"] = conveyance_id
        if handling_instructions is not UNSET:
            field_dict["handling_instructions"] = handling_instructions
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if identifier_kind is not UNSET:
            field_dict["identifier_kind"] = identifier_kind
        if person_id is not UNSET:
            field_dict["person_id"] = person_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hit_counts import HitCounts  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = Named.from_dict(d.pop("created_by"))

        hits = HitCounts.from_dict(d.pop("hits"))

        id = UUID(d.pop("id"))

        owner = Named.from_dict(d.pop("owner"))

        reason = d.pop("reason")

        reference = d.pop("reference")

        requested_action = RequestedAction(d.pop("requested_action"))

        risk_level = RiskLevel(d.pop("risk_level"))

        status = AlertStatus(d.pop("status"))

        subject_kind = SubjectKind(d.pop("subject_kind"))

        subject_label = d.pop("subject_label")

        unit = Named.from_dict(d.pop("unit"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        version = d.pop("version")

        def _parse_activated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activated_at = _parse_activated_at(d.pop("activated_at", UNSET))

        def _parse_activated_by(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                activated_by_type_1 = Named.from_dict(data)

                return activated_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        activated_by = _parse_activated_by(d.pop("activated_by", UNSET))

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

        def _parse_closed_by(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                closed_by_type_1 = Named.from_dict(data)

                return closed_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        closed_by = _parse_closed_by(d.pop("closed_by", UNSET))

        def _parse_closing_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closing_reason = _parse_closing_reason(d.pop("closing_reason", UNSET))

        def _parse_company_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_id_type_0 = UUID(data)

                return company_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

        def _parse_conveyance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conveyance_id_type_0 = UUID(data)

                return conveyance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        conveyance_id = _parse_conveyance_id(d.pop("conveyance_id", UNSET))

        def _parse_handling_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handling_instructions = _parse_handling_instructions(d.pop("handling_instructions", UNSET))

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_identifier_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier_kind = _parse_identifier_kind(d.pop("identifier_kind", UNSET))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        alert_dto = cls(
            created_at=created_at,
            created_by=created_by,
            hits=hits,
            id=id,
            owner=owner,
            reason=reason,
            reference=reference,
            requested_action=requested_action,
            risk_level=risk_level,
            status=status,
            subject_kind=subject_kind,
            subject_label=subject_label,
            unit=unit,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_until=valid_until,
            version=version,
            activated_at=activated_at,
            activated_by=activated_by,
            closed_at=closed_at,
            closed_by=closed_by,
            closing_reason=closing_reason,
            company_id=company_id,
            conveyance_id=conveyance_id,
            handling_instructions=handling_instructions,
            identifier=identifier,
            identifier_kind=identifier_kind,
            person_id=person_id,
        )

        alert_dto.additional_properties = d
        return alert_dto

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
