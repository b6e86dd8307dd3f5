from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.alert_identifier_kind import AlertIdentifierKind
from ..models.requested_action import RequestedAction
from ..models.risk_level import RiskLevel
from ..models.subject_kind import SubjectKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AlertInput")


@_attrs_define
class AlertInput:
    """An alert as written: the subject (one of `person_id`, `company_id`, `conveyance_id`, or
    `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
    long (at most 12 months; renewed after).

        Attributes:
            reason (str): The intelligence behind the alert: seen only by the owning unit.
            requested_action (RequestedAction): What an officer who meets the subject is asked to do: `inform_owner` (let it
                go, and
                tell the alert's owner), `discreet_check` (check without the subject noticing),
                `control` (control the subject and goods), `detain` (hold the subject or goods and call
                the owner).
            risk_level (RiskLevel):
            subject_kind (SubjectKind): What the alert watches: a register record, or a bare identifier.
            valid_until (datetime.date): At most 12 months after `valid_from`.
            company_id (None | Unset | UUID):
            conveyance_id (None | Unset | UUID):
            handling_instructions (None | str | Unset): What the officer who meets the subject must know (e.g. "do not alert
                the subject"):
                shown to them with the requested action.
            identifier (None | str | Unset): The bare identifier as written (spaces and hyphens do not matter).
            identifier_kind (AlertIdentifierKind | None | Unset):
            person_id (None | Unset | UUID):
            valid_from (datetime.date | None | Unset): Default: today.
    """

    reason: str
    requested_action: RequestedAction
    risk_level: RiskLevel
    subject_kind: SubjectKind
    valid_until: datetime.date
    company_id: None | Unset | UUID = UNSET
    conveyance_id: None | Unset | UUID = UNSET
    handling_instructions: None | str | Unset = UNSET
    identifier: None | str | Unset = UNSET
    identifier_kind: AlertIdentifierKind | None | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    valid_from: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        requested_action = self.requested_action.value

        risk_level = self.risk_level.value

        subject_kind = self.subject_kind.value

        valid_until = self.valid_until.isoformat()

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
        elif isinstance(self.identifier_kind, AlertIdentifierKind):
            identifier_kind = self.identifier_kind.value
        else:
            identifier_kind = self.identifier_kind

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "requested_action": requested_action,
                "risk_level": risk_level,
                "subject_kind": subject_kind,
                "valid_until": valid_until,
            }
        )
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
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        requested_action = RequestedAction(d.pop("requested_action"))

        risk_level = RiskLevel(d.pop("risk_level"))

        subject_kind = SubjectKind(d.pop("subject_kind"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

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

        def _parse_identifier_kind(data: object) -> AlertIdentifierKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                identifier_kind_type_1 = AlertIdentifierKind(data)

                return identifier_kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertIdentifierKind | None | Unset, data)

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

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        alert_input = cls(
            reason=reason,
            requested_action=requested_action,
            risk_level=risk_level,
            subject_kind=subject_kind,
            valid_until=valid_until,
            company_id=company_id,
            conveyance_id=conveyance_id,
            handling_instructions=handling_instructions,
            identifier=identifier,
            identifier_kind=identifier_kind,
            person_id=person_id,
            valid_from=valid_from,
        )

        return alert_input
