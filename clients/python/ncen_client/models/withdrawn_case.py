from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="WithdrawnCase")


@_attrs_define
class WithdrawnCase:
    """
    Attributes:
        reference (str):
        version (int):
    """

    reference: str
    version: int

    def to_dict(self) -> dict[str, Any]:
        reference = self.reference

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reference": reference,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference = d.pop("reference")

        version = d.pop("version")

        withdrawn_case = cls(
            reference=reference,
            version=version,
        )

        return withdrawn_case
