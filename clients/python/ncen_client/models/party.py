from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Party")


@_attrs_define
class Party:
    """A node, as a package names it.

    Attributes:
        country (str):
        fingerprint (str):
    """

    country: str
    fingerprint: str

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        fingerprint = self.fingerprint

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "fingerprint": fingerprint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        fingerprint = d.pop("fingerprint")

        party = cls(
            country=country,
            fingerprint=fingerprint,
        )

        return party
