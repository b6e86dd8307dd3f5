from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instrument import Instrument
from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement_document import AgreementDocument


T = TypeVar("T", bound="AgreementDto")


@_attrs_define
class AgreementDto:
    """
    Attributes:
        commodity_groups (list[str]): Empty: every commodity group.
        created_at (datetime.datetime):
        created_by (UUID):
        id (UUID):
        in_force (bool): Valid today and its partner active.
        instrument (Instrument): The kind of legal instrument an agreement rests on.
        partner_country (str):
        partner_id (UUID):
        partner_name (str):
        purposes (list[str]):
        reference (str):
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        updated_at (datetime.datetime):
        valid_from (datetime.date):
        version (int):
        document (AgreementDocument | None | Unset):
        notes (None | str | Unset):
        valid_until (datetime.date | None | Unset):
    """

    commodity_groups: list[str]
    created_at: datetime.datetime
    created_by: UUID
    id: UUID
    in_force: bool
    instrument: Instrument
    partner_country: str
    partner_id: UUID
    partner_name: str
    purposes: list[str]
    reference: str
    scope: Scope
    updated_at: datetime.datetime
    valid_from: datetime.date
    version: int
    document: AgreementDocument | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_document import AgreementDocument  # noqa: PLC0415

        commodity_groups = self.commodity_groups

        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        id = str(self.id)

        in_force = self.in_force

        instrument = self.instrument.value

        partner_country = self.partner_country

        partner_id = str(self.partner_id)

        partner_name = self.partner_name

        purposes = self.purposes

        reference = self.reference

        scope = self.scope.value

        updated_at = self.updated_at.isoformat()

        valid_from = self.valid_from.isoformat()

        version = self.version

        document: dict[str, Any] | None | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        elif isinstance(self.document, AgreementDocument):
            document = self.document.to_dict()
        else:
            document = self.document

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commodity_groups": commodity_groups,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "in_force": in_force,
                "instrument": instrument,
                "partner_country": partner_country,
                "partner_id": partner_id,
                "partner_name": partner_name,
                "purposes": purposes,
                "reference": reference,
                "scope": scope,
                "updated_at": updated_at,
                "valid_from": valid_from,
                "version": version,
            }
        )
        if document is not UNSET:
            field_dict["document"] = document
        if notes is not UNSET:
            field_dict["notes"] = notes
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_document import AgreementDocument  # noqa: PLC0415

        d = dict(src_dict)
        commodity_groups = cast(list[str], d.pop("commodity_groups"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        id = UUID(d.pop("id"))

        in_force = d.pop("in_force")

        instrument = Instrument(d.pop("instrument"))

        partner_country = d.pop("partner_country")

        partner_id = UUID(d.pop("partner_id"))

        partner_name = d.pop("partner_name")

        purposes = cast(list[str], d.pop("purposes"))

        reference = d.pop("reference")

        scope = Scope(d.pop("scope"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        version = d.pop("version")

        def _parse_document(data: object) -> AgreementDocument | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                document_type_1 = AgreementDocument.from_dict(data)

                return document_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgreementDocument | None | Unset, data)

        document = _parse_document(d.pop("document", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        agreement_dto = cls(
            commodity_groups=commodity_groups,
            created_at=created_at,
            created_by=created_by,
            id=id,
            in_force=in_force,
            instrument=instrument,
            partner_country=partner_country,
            partner_id=partner_id,
            partner_name=partner_name,
            purposes=purposes,
            reference=reference,
            scope=scope,
            updated_at=updated_at,
            valid_from=valid_from,
            version=version,
            document=document,
            notes=notes,
            valid_until=valid_until,
        )

        agreement_dto.additional_properties = d
        return agreement_dto

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
