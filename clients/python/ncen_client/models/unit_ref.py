from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="UnitRef")


@_attrs_define
class UnitRef:
    """
    Attributes:
        unit_id (UUID):
    """

    unit_id: UUID

    def to_dict(self) -> dict[str, Any]:
        unit_id = str(self.unit_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_id": unit_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = UUID(d.pop("unit_id"))

        unit_ref = cls(
            unit_id=unit_id,
        )

        return unit_ref
