from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_target import SearchTarget

T = TypeVar("T", bound="HitRecord")


@_attrs_define
class HitRecord:
    """A register record as a hit shows it.

    Attributes:
        id (UUID):
        label (str): The name (with the date of birth), the company with its country, the conveyance's
            identifier.
        target (SearchTarget): What a rule searches: seizure cases (the default) or one of the registers.
    """

    id: UUID
    label: str
    target: SearchTarget
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        label = self.label

        target = self.target.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "label": label,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        label = d.pop("label")

        target = SearchTarget(d.pop("target"))

        hit_record = cls(
            id=id,
            label=label,
            target=target,
        )

        hit_record.additional_properties = d
        return hit_record

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
