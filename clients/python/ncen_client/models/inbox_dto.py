from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inbox_status import InboxStatus
from ..models.package_kind import PackageKind
from ..models.scope import Scope
from ..types import UNSET, Unset

T = TypeVar("T", bound="InboxDto")


@_attrs_define
class InboxDto:
    """A package received from a partner.

    Attributes:
        agreement_id (UUID): This node's agreement with the partner that covered the package.
        agreement_reference (str): The agreement as the sender named it.
        body_sha256 (str):
        case_references (list[str]):
        cases (int): How many cases, and their references at the sender.
        created_at (datetime.datetime): When the sender made the package, sent it (this attempt) and when it arrived.
        id (UUID): The sender's package id.
        kind (PackageKind): What a package carries: `cases` (cases in the agreed scope) or `withdrawal` (the
            sender withdraws the cases of a package it sent; applied by the receiver on arrival).
        partner_country (str):
        partner_id (UUID):
        partner_name (str):
        received_at (datetime.datetime):
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        sent_at (datetime.datetime):
        size (int):
        status (InboxStatus): Where a received package stands: `received` (waiting for review), `imported` (a
            withdrawal: applied on arrival), `dismissed`.
        version (int):
        review_note (None | str | Unset): Why it was dismissed.
        reviewed_at (datetime.datetime | None | Unset):
        reviewed_by (None | Unset | UUID):
        withdraws (None | Unset | UUID): For a withdrawal: the sender's package whose cases it withdraws.
    """

    agreement_id: UUID
    agreement_reference: str
    body_sha256: str
    case_references: list[str]
    cases: int
    created_at: datetime.datetime
    id: UUID
    kind: PackageKind
    partner_country: str
    partner_id: UUID
    partner_name: str
    received_at: datetime.datetime
    scope: Scope
    sent_at: datetime.datetime
    size: int
    status: InboxStatus
    version: int
    review_note: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    reviewed_by: None | Unset | UUID = UNSET
    withdraws: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement_id = str(self.agreement_id)

        agreement_reference = self.agreement_reference

        body_sha256 = self.body_sha256

        case_references = self.case_references

        cases = self.cases

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        partner_country = self.partner_country

        partner_id = str(self.partner_id)

        partner_name = self.partner_name

        received_at = self.received_at.isoformat()

        scope = self.scope.value

        sent_at = self.sent_at.isoformat()

        size = self.size

        status = self.status.value

        version = self.version

        review_note: None | str | Unset
        if isinstance(self.review_note, Unset):
            review_note = UNSET
        else:
            review_note = self.review_note

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        reviewed_by: None | str | Unset
        if isinstance(self.reviewed_by, Unset):
            reviewed_by = UNSET
        elif isinstance(self.reviewed_by, UUID):
            reviewed_by = str(self.reviewed_by)
        else:
            reviewed_by = self.reviewed_by

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
                "body_sha256": body_sha256,
                "case_references": case_references,
                "cases": cases,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "partner_country": partner_country,
                "partner_id": partner_id,
                "partner_name": partner_name,
                "received_at": received_at,
                "scope": scope,
                "sent_at": sent_at,
                "size": size,
                "status": status,
                "version": version,
            }
        )
        if review_note is not UNSET:
            field_dict["review_note"] = review_note
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if reviewed_by is not UNSET:
            field_dict["reviewed_by"] = reviewed_by
        if withdraws is not UNSET:
            field_dict["withdraws"] = withdraws

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agreement_id = UUID(d.pop("agreement_id"))

        agreement_reference = d.pop("agreement_reference")

        body_sha256 = d.pop("body_sha256")

        case_references = cast(list[str], d.pop("case_references"))

        cases = d.pop("cases")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = PackageKind(d.pop("kind"))

        partner_country = d.pop("partner_country")

        partner_id = UUID(d.pop("partner_id"))

        partner_name = d.pop("partner_name")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        scope = Scope(d.pop("scope"))

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        size = d.pop("size")

        status = InboxStatus(d.pop("status"))

        version = d.pop("version")

        def _parse_review_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_note = _parse_review_note(d.pop("review_note", UNSET))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))

        def _parse_reviewed_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_by_type_0 = UUID(data)

                return reviewed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by", UNSET))

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

        inbox_dto = cls(
            agreement_id=agreement_id,
            agreement_reference=agreement_reference,
            body_sha256=body_sha256,
            case_references=case_references,
            cases=cases,
            created_at=created_at,
            id=id,
            kind=kind,
            partner_country=partner_country,
            partner_id=partner_id,
            partner_name=partner_name,
            received_at=received_at,
            scope=scope,
            sent_at=sent_at,
            size=size,
            status=status,
            version=version,
            review_note=review_note,
            reviewed_at=reviewed_at,
            reviewed_by=reviewed_by,
            withdraws=withdraws,
        )

        inbox_dto.additional_properties = d
        return inbox_dto

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
