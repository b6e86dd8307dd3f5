from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_names import UnitNames


T = TypeVar("T", bound="CreateUnit")


@_attrs_define
class CreateUnit:
    """
    Attributes:
        code (str): Upper-case letters, digits, `_`, `.`, `-` (not first); 1–32 characters; unique.
        name (str):
        location_type (None | str | Unset):
        name_translations (UnitNames | Unset): A unit's name in the app's other languages, where the administration
            gives one (the
            browser app shows `name` where a language has none). 1–200 characters each; empty or
            blank removes a translation.
        parent_id (None | Unset | UUID):
        unlocode (None | str | Unset): UN/LOCODE, five characters (e.g. `FRPAR`).
    """

    code: str
    name: str
    location_type: None | str | Unset = UNSET
    name_translations: UnitNames | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    unlocode: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        name_translations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name_translations, Unset):
            name_translations = self.name_translations.to_dict()

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

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if name_translations is not UNSET:
            field_dict["name_translations"] = name_translations
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

        name = d.pop("name")

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        _name_translations = d.pop("name_translations", UNSET)
        name_translations: UnitNames | Unset
        if isinstance(_name_translations, Unset):
            name_translations = UNSET
        else:
            name_translations = UnitNames.from_dict(_name_translations)

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

        create_unit = cls(
            code=code,
            name=name,
            location_type=location_type,
            name_translations=name_translations,
            parent_id=parent_id,
            unlocode=unlocode,
        )

        return create_unit
