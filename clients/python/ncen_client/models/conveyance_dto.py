from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identifier_kind import IdentifierKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConveyanceDto")


@_attrs_define
class ConveyanceDto:
    """A conveyance record.

    Attributes:
        conveyance_type (str): Code from `conveyance_types`.
        created_at (datetime.datetime):
        id (UUID):
        identifier (str): Validated for its kind (ISO 6346, IMO, MMSI, VIN, air waybill check digits…);
            stored trimmed, and normalised (no spaces or hyphens, upper case) for matching.
        identifier_kind (IdentifierKind): The kinds of identifier a conveyance (or shipment) can carry.
        identifier_norm (str): The identifier as matched: no spaces or hyphens, upper case.
        updated_at (datetime.datetime):
        version (int): Send back in `If-Match` when updating.
        country (None | str | Unset): Flag or registration country, ISO 3166-1 alpha-2.
        created_by (None | Unset | UUID):
        make (None | str | Unset):
        model (None | str | Unset):
        name (None | str | Unset): Vessel name, airline, carrier…
        notes (None | str | Unset):
        updated_by (None | Unset | UUID):
    """

    conveyance_type: str
    created_at: datetime.datetime
    id: UUID
    identifier: str
    identifier_kind: IdentifierKind
    identifier_norm: str
    updated_at: datetime.datetime
    version: int
    country: None | str | Unset = UNSET
    created_by: None | Unset | UUID = UNSET
    make: None | str | Unset = UNSET
    model: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    updated_by: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conveyance_type = self.conveyance_type

        created_at = self.created_at.isoformat()

        id = str(self.id)

        identifier = self.identifier

        identifier_kind = self.identifier_kind.value

        identifier_norm = self.identifier_norm

        updated_at = self.updated_at.isoformat()

        version = self.version

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

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

        updated_by: None | str | Unset
        if isinstance(self.updated_by, Unset):
            updated_by = UNSET
        elif isinstance(self.updated_by, UUID):
            updated_by = str(self.updated_by)
        else:
            updated_by = self.updated_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conveyance_type": conveyance_type,
                "created_at": created_at,
                "id": id,
                "identifier": identifier,
                "identifier_kind": identifier_kind,
                "identifier_norm": identifier_norm,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if make is not UNSET:
            field_dict["make"] = make
        if model is not UNSET:
            field_dict["model"] = model
        if name is not UNSET:
            field_dict["name"] = name
        if notes is not UNSET:
            field_dict["notes"] = notes
        if updated_by is not UNSET:
            field_dict["updated_by"] = updated_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conveyance_type = d.pop("conveyance_type")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        identifier = d.pop("identifier")

        identifier_kind = IdentifierKind(d.pop("identifier_kind"))

        identifier_norm = d.pop("identifier_norm")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_created_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

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

        def _parse_updated_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_by_type_0 = UUID(data)

                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        updated_by = _parse_updated_by(d.pop("updated_by", UNSET))

        conveyance_dto = cls(
            conveyance_type=conveyance_type,
            created_at=created_at,
            id=id,
            identifier=identifier,
            identifier_kind=identifier_kind,
            identifier_norm=identifier_norm,
            updated_at=updated_at,
            version=version,
            country=country,
            created_by=created_by,
            make=make,
            model=model,
            name=name,
            notes=notes,
            updated_by=updated_by,
        )

        conveyance_dto.additional_properties = d
        return conveyance_dto

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
