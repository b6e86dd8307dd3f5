from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_names import UnitNames


T = TypeVar("T", bound="UpdateUnit")


@_attrs_define
class UpdateUnit:
    """A unit's editable fields. `PATCH /units/{id}` takes a JSON merge patch of them
    (RFC 7396): only what changes; `null` clears an optional field. The patched whole is
    checked like a creation.

        Attributes:
            code (str | Unset):
            location_type (None | str | Unset):
            name (str | Unset):
            name_translations (None | UnitNames | Unset):
            parent_id (None | Unset | UUID): `null` makes the unit a root.
            unlocode (None | str | Unset):
    """

    code: str | Unset = UNSET
    location_type: None | str | Unset = UNSET
    name: str | Unset = UNSET
    name_translations: None | UnitNames | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    unlocode: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.unit_names import UnitNames  # noqa: PLC0415

        code = self.code

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        name = self.name

        name_translations: dict[str, Any] | None | Unset
        if isinstance(self.name_translations, Unset):
            name_translations = UNSET
        elif isinstance(self.name_translations, UnitNames):
            name_translations = self.name_translations.to_dict()
        else:
            name_translations = self.name_translations

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

        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if name is not UNSET:
            field_dict["name"] = name
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
        code = d.pop("code", UNSET)

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        name = d.pop("name", UNSET)

        def _parse_name_translations(data: object) -> None | UnitNames | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                name_translations_type_1 = UnitNames.from_dict(data)

                return name_translations_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitNames | Unset, data)

        name_translations = _parse_name_translations(d.pop("name_translations", UNSET))

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

        update_unit = cls(
            code=code,
            location_type=location_type,
            name=name,
            name_translations=name_translations,
            parent_id=parent_id,
            unlocode=unlocode,
        )

        return update_unit
