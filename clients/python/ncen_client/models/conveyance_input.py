from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.identifier_kind import IdentifierKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConveyanceInput")


@_attrs_define
class ConveyanceInput:
    """A conveyance as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).

    Attributes:
        conveyance_type (str): Code from `conveyance_types`.
        identifier (str): Validated for its kind (ISO 6346, IMO, MMSI, VIN, air waybill check digits…);
            stored trimmed, and normalised (no spaces or hyphens, upper case) for matching.
        identifier_kind (IdentifierKind): The kinds of identifier a conveyance (or shipment) can carry.
        country (None | str | Unset): Flag or registration country, ISO 3166-1 alpha-2.
        make (None | str | Unset):
        model (None | str | Unset):
        name (None | str | Unset): Vessel name, airline, carrier…
        notes (None | str | Unset):
    """

    conveyance_type: str
    identifier: str
    identifier_kind: IdentifierKind
    country: None | str | Unset = UNSET
    make: None | str | Unset = UNSET
    model: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        conveyance_type = self.conveyance_type

        identifier = self.identifier

        identifier_kind = self.identifier_kind.value

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        make: None | str | Unset
        if isinstance(self.make, Unset):
            make = UNSET
        else:
            make = self.make

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "conveyance_type": conveyance_type,
                "identifier": identifier,
                "identifier_kind": identifier_kind,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if make is not UNSET:
            field_dict["make"] = make
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conveyance_type = d.pop("conveyance_type")

        identifier = d.pop("identifier")

        identifier_kind = IdentifierKind(d.pop("identifier_kind"))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_make(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        make = _parse_make(d.pop("make", UNSET))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        conveyance_input = cls(
            conveyance_type=conveyance_type,
            identifier=identifier,
            identifier_kind=identifier_kind,
            country=country,
            make=make,
            model=model,
            name=name,
            notes=notes,
        )

        return conveyance_input
