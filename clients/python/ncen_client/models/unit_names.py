from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitNames")


@_attrs_define
class UnitNames:
    """A unit's name in the app's other languages, where the administration gives one (the
    browser app shows `name` where a language has none). 1–200 characters each; empty or
    blank removes a translation.

        Attributes:
            ar (None | str | Unset):
            en (None | str | Unset):
            fr (None | str | Unset):
    """

    ar: None | str | Unset = UNSET
    en: None | str | Unset = UNSET
    fr: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ar: None | str | Unset
        if isinstance(self.ar, Unset):
            ar = UNSET
        else:
            ar = self.ar

        en: None | str | Unset
        if isinstance(self.en, Unset):
            en = UNSET
        else:
            en = self.en

        fr: None | str | Unset
        if isinstance(self.fr, Unset):
            fr = UNSET
        else:
            fr = self.fr

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if ar is not UNSET:
            field_dict["ar"] = ar
        if en is not UNSET:
            field_dict["en"] = en
        if fr is not UNSET:
            field_dict["fr"] = fr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ar(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ar = _parse_ar(d.pop("ar", UNSET))

        def _parse_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        en = _parse_en(d.pop("en", UNSET))

        def _parse_fr(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fr = _parse_fr(d.pop("fr", UNSET))

        unit_names = cls(
            ar=ar,
            en=en,
            fr=fr,
        )

        return unit_names
