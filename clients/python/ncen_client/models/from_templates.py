from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FromTemplates")


@_attrs_define
class FromTemplates:
    """The tasks of an offence type's templates, titled in `lang` (`en`, `fr`, `ar`; default
    `en`). A template already used in this investigation is skipped.

        Attributes:
            offence_type (str):
            lang (None | str | Unset):
    """

    offence_type: str
    lang: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        offence_type = self.offence_type

        lang: None | str | Unset
        if isinstance(self.lang, Unset):
            lang = UNSET
        else:
            lang = self.lang

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offence_type": offence_type,
            }
        )
        if lang is not UNSET:
            field_dict["lang"] = lang

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offence_type = d.pop("offence_type")

        def _parse_lang(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lang = _parse_lang(d.pop("lang", UNSET))

        from_templates = cls(
            offence_type=offence_type,
            lang=lang,
        )

        return from_templates
