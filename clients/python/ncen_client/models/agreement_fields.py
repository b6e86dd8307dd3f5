from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.instrument import Instrument
from ..models.scope import Scope
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgreementFields")


@_attrs_define
class AgreementFields:
    """An agreement's fields (`PATCH /exchange/agreements/{id}` takes a JSON merge patch of them).

    Attributes:
        commodity_groups (list[str] | Unset):
        instrument (Instrument | Unset): The kind of legal instrument an agreement rests on.
        notes (None | str | Unset):
        purposes (list[str] | Unset):
        reference (str | Unset): The instrument's reference (title, number, date of signature).
        scope (Scope | Unset): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        valid_from (datetime.date | Unset):
        valid_until (datetime.date | None | Unset): Last day in force; none: until ended.
    """

    commodity_groups: list[str] | Unset = UNSET
    instrument: Instrument | Unset = UNSET
    notes: None | str | Unset = UNSET
    purposes: list[str] | Unset = UNSET
    reference: str | Unset = UNSET
    scope: Scope | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        commodity_groups: list[str] | Unset = UNSET
        if not isinstance(self.commodity_groups, Unset):
            commodity_groups = self.commodity_groups

        instrument: str | Unset = UNSET
        if not isinstance(self.instrument, Unset):
            instrument = self.instrument.value

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        purposes: list[str] | Unset = UNSET
        if not isinstance(self.purposes, Unset):
            purposes = self.purposes

        reference = self.reference

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if commodity_groups is not UNSET:
            field_dict["commodity_groups"] = commodity_groups
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if notes is not UNSET:
            field_dict["notes"] = notes
        if purposes is not UNSET:
            field_dict["purposes"] = purposes
        if reference is not UNSET:
            field_dict["reference"] = reference
        if scope is not UNSET:
            field_dict["scope"] = scope
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commodity_groups = cast(list[str], d.pop("commodity_groups", UNSET))

        _instrument = d.pop("instrument", UNSET)
        instrument: Instrument | Unset
        if isinstance(_instrument, Unset):
            instrument = UNSET
        else:
            instrument = Instrument(_instrument)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        purposes = cast(list[str], d.pop("purposes", UNSET))

        reference = d.pop("reference", UNSET)

        _scope = d.pop("scope", UNSET)
        scope: Scope | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = Scope(_scope)

        _valid_from = d.pop("valid_from", UNSET)
        valid_from: datetime.date | Unset
        if isinstance(_valid_from, Unset):
            valid_from = UNSET
        else:
            valid_from = datetime.date.fromisoformat(_valid_from)

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

        agreement_fields = cls(
            commodity_groups=commodity_groups,
            instrument=instrument,
            notes=notes,
            purposes=purposes,
            reference=reference,
            scope=scope,
            valid_from=valid_from,
            valid_until=valid_until,
        )

        return agreement_fields
