from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentQuery")


@_attrs_define
class DocumentQuery:
    """An identity document number to screen (spaces, hyphens and the letter O read as zero do
    not matter).

        Attributes:
            number (str):
            country (None | str | Unset): ISO 3166-1 alpha-2 issuing country, when known.
    """

    number: str
    country: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        document_query = cls(
            number=number,
            country=country,
        )

        return document_query
