from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_names import UnitNames


T = TypeVar("T", bound="OfficeDto")


@_attrs_define
class OfficeDto:
    """A unit as the place where its officers work.

    Attributes:
        unit_id (UUID):
        unit_name (str):
        unit_name_translations (UnitNames): A unit's name in the app's other languages, where the administration gives
            one (the
            browser app shows `name` where a language has none). 1–200 characters each; empty or
            blank removes a translation.
        country (None | str | Unset): ISO 3166-1 alpha-2: the country part of the UN/LOCODE, else the administration's.
        location_type (None | str | Unset): Code from `location_types`.
        unlocode (None | str | Unset):
    """

    unit_id: UUID
    unit_name: str
    unit_name_translations: UnitNames
    country: None | str | Unset = UNSET
    location_type: None | str | Unset = UNSET
    unlocode: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit_id = str(self.unit_id)

        unit_name = self.unit_name

        unit_name_translations = self.unit_name_translations.to_dict()

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        unlocode: None | str | Unset
        if isinstance(self.unlocode, Unset):
            unlocode = UNSET
        else:
            unlocode = self.unlocode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit_id": unit_id,
                "unit_name": unit_name,
                "unit_name_translations": unit_name_translations,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_names import UnitNames  # noqa: PLC0415

        d = dict(src_dict)
        unit_id = UUID(d.pop("unit_id"))

        unit_name = d.pop("unit_name")

        unit_name_translations = UnitNames.from_dict(d.pop("unit_name_translations"))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        def _parse_unlocode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unlocode = _parse_unlocode(d.pop("unlocode", UNSET))

        office_dto = cls(
            unit_id=unit_id,
            unit_name=unit_name,
            unit_name_translations=unit_name_translations,
            country=country,
            location_type=location_type,
            unlocode=unlocode,
        )

        office_dto.additional_properties = d
        return office_dto

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
