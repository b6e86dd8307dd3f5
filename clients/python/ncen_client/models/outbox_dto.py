from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.package_kind import PackageKind
from ..models.package_status import PackageStatus
from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outbox_dto_acknowledgement_type_0 import OutboxDtoAcknowledgementType0


T = TypeVar("T", bound="OutboxDto")


@_attrs_define
class OutboxDto:
    """A package for a partner and its delivery.

    Attributes:
        agreement_id (UUID):
        agreement_reference (str):
        attempts (int):
        case_ids (list[UUID]):
        case_references (list[str]): The cases' references, in the order of `case_ids`.
        created_at (datetime.datetime):
        id (UUID): The package id (the partner refuses a second package with it).
        kind (PackageKind): What a package carries: `cases` (cases in the agreed scope) or `withdrawal` (the
            sender withdraws the cases of a package it sent; applied by the receiver on arrival).
        partner_country (str):
        partner_id (UUID):
        partner_name (str):
        requested_by (UUID):
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        status (PackageStatus): Where a package for a partner stands: `awaiting_approval` (asked for by an
            investigator; a liaison officer must approve it), `pending` (signed, waiting for an
            attempt), `sent` (an attempt under way), `acknowledged` (the partner's signed
            acknowledgement is kept), `rejected` (refused by the partner, reason kept), `failed`
            (every attempt failed), `declined` (the request was declined).
        updated_at (datetime.datetime):
        version (int):
        acknowledged_at (datetime.datetime | None | Unset):
        acknowledgement (None | OutboxDtoAcknowledgementType0 | Unset): The partner's acknowledgement as it signed it.
        acknowledgement_signature (None | str | Unset): The partner's signature of the acknowledgement (hex).
        approved_by (None | Unset | UUID):
        approved_by_name (None | str | Unset):
        body_sha256 (None | str | Unset): SHA-256 of the signed package (canonical JSON), once approved.
        decided_at (datetime.datetime | None | Unset):
        decline_reason (None | str | Unset):
        last_error (None | str | Unset): Why the last attempt did not succeed, or the partner's reason for refusing.
        next_attempt_at (datetime.datetime | None | Unset): When the next attempt is due (pending), or when the one
            under way times out (sent).
        note (None | str | Unset):
        requested_by_name (None | str | Unset):
        sent_at (datetime.datetime | None | Unset):
        size (int | None | Unset): Size of the package in bytes, once approved.
        withdrawn_by (None | Unset | UUID): For a package of cases: the withdrawal sent for it (not refused or failed),
            if any.
        withdraws (None | Unset | UUID): For a withdrawal: the package whose cases it withdraws.
    """

    agreement_id: UUID
    agreement_reference: str
    attempts: int
    case_ids: list[UUID]
    case_references: list[str]
    created_at: datetime.datetime
    id: UUID
    kind: PackageKind
    partner_country: str
    partner_id: UUID
    partner_name: str
    requested_by: UUID
    scope: Scope
    status: PackageStatus
    updated_at: datetime.datetime
    version: int
    acknowledged_at: datetime.datetime | None | Unset = UNSET
    acknowledgement: None | OutboxDtoAcknowledgementType0 | Unset = UNSET
    acknowledgement_signature: None | str | Unset = UNSET
    approved_by: None | Unset | UUID = UNSET
    approved_by_name: None | str | Unset = UNSET
    body_sha256: None | str | Unset = UNSET
    decided_at: datetime.datetime | None | Unset = UNSET
    decline_reason: None | str | Unset = UNSET
    last_error: None | str | Unset = UNSET
    next_attempt_at: datetime.datetime | None | Unset = UNSET
    note: None | str | Unset = UNSET
    requested_by_name: None | str | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET
    size: int | None | Unset = UNSET
    withdrawn_by: None | Unset | UUID = UNSET
    withdraws: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.outbox_dto_acknowledgement_type_0 import OutboxDtoAcknowledgementType0  # noqa: PLC0415

        agreement_id = str(self.agreement_id)

        agreement_reference = self.agreement_reference

        attempts = self.attempts

        case_ids = []
        for case_ids_item_data in self.case_ids:
            case_ids_item = str(case_ids_item_data)
            case_ids.append(case_ids_item)

        case_references = self.case_references

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        partner_country = self.partner_country

        partner_id = str(self.partner_id)

        partner_name = self.partner_name

        requested_by = str(self.requested_by)

        scope = self.scope.value

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        acknowledged_at: None | str | Unset
        if isinstance(self.acknowledged_at, Unset):
            acknowledged_at = UNSET
        elif isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        acknowledgement: dict[str, Any] | None | Unset
        if isinstance(self.acknowledgement, Unset):
            acknowledgement = UNSET
        elif isinstance(self.acknowledgement, OutboxDtoAcknowledgementType0):
            acknowledgement = self.acknowledgement.to_dict()
        else:
            acknowledgement = self.acknowledgement

        acknowledgement_signature: None | str | Unset
        if isinstance(self.acknowledgement_signature, Unset):
            acknowledgement_signature = UNSET
        else:
            acknowledgement_signature = self.acknowledgement_signature

        approved_by: None | str | Unset
        if isinstance(self.approved_by, Unset):
            approved_by = UNSET
        elif isinstance(self.approved_by, UUID):
            approved_by = str(self.approved_by)
        else:
            approved_by = self.approved_by

        approved_by_name: None | str | Unset
        if isinstance(self.approved_by_name, Unset):
            approved_by_name = UNSET
        else:
            approved_by_name = self.approved_by_name

        body_sha256: None | str | Unset
        if isinstance(self.body_sha256, Unset):
            body_sha256 = UNSET
        else:
            body_sha256 = self.body_sha256

        decided_at: None | str | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        elif isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decline_reason: None | str | Unset
        if isinstance(self.decline_reason, Unset):
            decline_reason = UNSET
        else:
            decline_reason = self.decline_reason

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        elif isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        requested_by_name: None | str | Unset
        if isinstance(self.requested_by_name, Unset):
            requested_by_name = UNSET
        else:
            requested_by_name = self.requested_by_name

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        withdrawn_by: None | str | Unset
        if isinstance(self.withdrawn_by, Unset):
            withdrawn_by = UNSET
        elif isinstance(self.withdrawn_by, UUID):
            withdrawn_by = str(self.withdrawn_by)
        else:
            withdrawn_by = self.withdrawn_by

        withdraws: None | str | Unset
        if isinstance(self.withdraws, Unset):
            withdraws = UNSET
        elif isinstance(self.withdraws, UUID):
            withdraws = str(self.withdraws)
        else:
            withdraws = self.withdraws

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "agreement_reference": agreement_reference,
                "attempts": attempts,
                "case_ids": case_ids,
                "case_references": case_references,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "partner_country": partner_country,
                "partner_id": partner_id,
                "partner_name": partner_name,
                "requested_by": requested_by,
                "scope": scope,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if acknowledged_at is not UNSET:
            field_dict["acknowledged_at"] = acknowledged_at
        if acknowledgement is not UNSET:
            field_dict["acknowledgement"] = acknowledgement
        if acknowledgement_signature is not UNSET:
            field_dict["acknowledgement_signature"] = acknowledgement_signature
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        if approved_by_name is not UNSET:
            field_dict["approved_by_name"] = approved_by_name
        if body_sha256 is not UNSET:
            field_dict["body_sha256"] = body_sha256
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if decline_reason is not UNSET:
            field_dict["decline_reason"] = decline_reason
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if note is not UNSET:
            field_dict["note"] = note
        if requested_by_name is not UNSET:
            field_dict["requested_by_name"] = requested_by_name
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at
        if size is not UNSET:
            field_dict["size"] = size
        if withdrawn_by is not UNSET:
            field_dict["withdrawn_by"] = withdrawn_by
        if withdraws is not UNSET:
            field_dict["withdraws"] = withdraws

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.outbox_dto_acknowledgement_type_0 import OutboxDtoAcknowledgementType0  # noqa: PLC0415

        d = dict(src_dict)
        agreement_id = UUID(d.pop("agreement_id"))

        agreement_reference = d.pop("agreement_reference")

        attempts = d.pop("attempts")

        case_ids = []
        _case_ids = d.pop("case_ids")
        for case_ids_item_data in _case_ids:
            case_ids_item = UUID(case_ids_item_data)

            case_ids.append(case_ids_item)

        case_references = cast(list[str], d.pop("case_references"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = PackageKind(d.pop("kind"))

        partner_country = d.pop("partner_country")

        partner_id = UUID(d.pop("partner_id"))

        partner_name = d.pop("partner_name")

        requested_by = UUID(d.pop("requested_by"))

        scope = Scope(d.pop("scope"))

        status = PackageStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at", UNSET))

        def _parse_acknowledgement(data: object) -> None | OutboxDtoAcknowledgementType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acknowledgement_type_0 = OutboxDtoAcknowledgementType0.from_dict(data)

                return acknowledgement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutboxDtoAcknowledgementType0 | Unset, data)

        acknowledgement = _parse_acknowledgement(d.pop("acknowledgement", UNSET))

        def _parse_acknowledgement_signature(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        acknowledgement_signature = _parse_acknowledgement_signature(d.pop("acknowledgement_signature", UNSET))

        def _parse_approved_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_by_type_0 = UUID(data)

                return approved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        approved_by = _parse_approved_by(d.pop("approved_by", UNSET))

        def _parse_approved_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        approved_by_name = _parse_approved_by_name(d.pop("approved_by_name", UNSET))

        def _parse_body_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body_sha256 = _parse_body_sha256(d.pop("body_sha256", UNSET))

        def _parse_decided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))

        def _parse_decline_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decline_reason = _parse_decline_reason(d.pop("decline_reason", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_requested_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_by_name = _parse_requested_by_name(d.pop("requested_by_name", UNSET))

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_withdrawn_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_by_type_0 = UUID(data)

                return withdrawn_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        withdrawn_by = _parse_withdrawn_by(d.pop("withdrawn_by", UNSET))

        def _parse_withdraws(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdraws_type_0 = UUID(data)

                return withdraws_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        withdraws = _parse_withdraws(d.pop("withdraws", UNSET))

        outbox_dto = cls(
            agreement_id=agreement_id,
            agreement_reference=agreement_reference,
            attempts=attempts,
            case_ids=case_ids,
            case_references=case_references,
            created_at=created_at,
            id=id,
            kind=kind,
            partner_country=partner_country,
            partner_id=partner_id,
            partner_name=partner_name,
            requested_by=requested_by,
            scope=scope,
            status=status,
            updated_at=updated_at,
            version=version,
            acknowledged_at=acknowledged_at,
            acknowledgement=acknowledgement,
            acknowledgement_signature=acknowledgement_signature,
            approved_by=approved_by,
            approved_by_name=approved_by_name,
            body_sha256=body_sha256,
            decided_at=decided_at,
            decline_reason=decline_reason,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            note=note,
            requested_by_name=requested_by_name,
            sent_at=sent_at,
            size=size,
            withdrawn_by=withdrawn_by,
            withdraws=withdraws,
        )

        outbox_dto.additional_properties = d
        return outbox_dto

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
