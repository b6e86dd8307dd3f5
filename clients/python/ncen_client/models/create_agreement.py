from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.instrument import Instrument
from ..models.scope import Scope
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAgreement")


@_attrs_define
class CreateAgreement:
    """A legal basis for exchanging cases with a partner.

    Attributes:
        instrument (Instrument): The kind of legal instrument an agreement rests on.
        partner_id (UUID):
        reference (str): The instrument's reference (title, number, date of signature).
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        valid_from (datetime.date):
        commodity_groups (list[str] | Unset):
        notes (None | str | Unset):
        purposes (list[str] | Unset):
        valid_until (datetime.date | None | Unset): Last day in force; none: until ended.
    """

    instrument: Instrument
    partner_id: UUID
    reference: str
    scope: Scope
    valid_from: datetime.date
    commodity_groups: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET
    purposes: list[str] | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument.value

        partner_id = str(self.partner_id)

        reference = self.reference

        scope = self.scope.value

        valid_from = self.valid_from.isoformat()

        commodity_groups: list[str] | Unset = UNSET
        if not isinstance(self.commodity_groups, Unset):
            commodity_groups = self.commodity_groups

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        purposes: list[str] | Unset = UNSET
        if not isinstance(self.purposes, Unset):
            purposes = self.purposes

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instrument": instrument,
                "partner_id": partner_id,
                "reference": reference,
                "scope": scope,
                "valid_from": valid_from,
            }
        )
        if commodity_groups is not UNSET:
            field_dict["commodity_groups"] = commodity_groups
        if notes is not UNSET:
            field_dict["notes"] = notes
        if purposes is not UNSET:
            field_dict["purposes"] = purposes
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = Instrument(d.pop("instrument"))

        partner_id = UUID(d.pop("partner_id"))

        reference = d.pop("reference")

        scope = Scope(d.pop("scope"))

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        commodity_groups = cast(list[str], d.pop("commodity_groups", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        purposes = cast(list[str], d.pop("purposes", UNSET))

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

        create_agreement = cls(
            instrument=instrument,
            partner_id=partner_id,
            reference=reference,
            scope=scope,
            valid_from=valid_from,
            commodity_groups=commodity_groups,
            notes=notes,
            purposes=purposes,
            valid_until=valid_until,
        )

        return create_agreement
