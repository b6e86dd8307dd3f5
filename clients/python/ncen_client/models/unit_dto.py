from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_names import UnitNames


T = TypeVar("T", bound="UnitDto")


@_attrs_define
class UnitDto:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        id (UUID):
        name (str):
        name_translations (UnitNames): A unit's name in the app's other languages, where the administration gives one
            (the
            browser app shows `name` where a language has none). 1–200 characters each; empty or
            blank removes a translation.
        updated_at (datetime.datetime):
        version (int):
        location_type (None | str | Unset): Code from the `location_types` list (customs offices).
        parent_id (None | Unset | UUID):
        unlocode (None | str | Unset):
    """

    code: str
    created_at: datetime.datetime
    id: UUID
    name: str
    name_translations: UnitNames
    updated_at: datetime.datetime
    version: int
    location_type: None | str | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    unlocode: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name = self.name

        name_translations = self.name_translations.to_dict()

        updated_at = self.updated_at.isoformat()

        version = self.version

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        unlocode: None | str | Unset
        if isinstance(self.unlocode, Unset):
            unlocode = UNSET
        else:
            unlocode = self.unlocode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "id": id,
                "name": name,
                "name_translations": name_translations,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_names import UnitNames  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        name_translations = UnitNames.from_dict(d.pop("name_translations"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        def _parse_unlocode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unlocode = _parse_unlocode(d.pop("unlocode", UNSET))

        unit_dto = cls(
            code=code,
            created_at=created_at,
            id=id,
            name=name,
            name_translations=name_translations,
            updated_at=updated_at,
            version=version,
            location_type=location_type,
            parent_id=parent_id,
            unlocode=unlocode,
        )

        unit_dto.additional_properties = d
        return unit_dto

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
