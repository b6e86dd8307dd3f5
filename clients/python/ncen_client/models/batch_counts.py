from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BatchCounts")


@_attrs_define
class BatchCounts:
    """
    Attributes:
        clear (int):
        hit (int):
        lines (int):
        review (int):
    """

    clear: int
    hit: int
    lines: int
    review: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clear = self.clear

        hit = self.hit

        lines = self.lines

        review = self.review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clear": clear,
                "hit": hit,
                "lines": lines,
                "review": review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clear = d.pop("clear")

        hit = d.pop("hit")

        lines = d.pop("lines")

        review = d.pop("review")

        batch_counts = cls(
            clear=clear,
            hit=hit,
            lines=lines,
            review=review,
        )

        batch_counts.additional_properties = d
        return batch_counts

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
