from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_counts import BatchCounts
    from ..models.batch_line import BatchLine
    from ..models.thresholds import Thresholds


T = TypeVar("T", bound="BatchResult")


@_attrs_define
class BatchResult:
    """A screened list: hits first, then lines to review, then clear lines, each group in list
    order.

        Attributes:
            counts (BatchCounts):
            lines (list[BatchLine]):
            thresholds (Thresholds): Where a score becomes a match.
    """

    counts: BatchCounts
    lines: list[BatchLine]
    thresholds: Thresholds
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts.to_dict()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        thresholds = self.thresholds.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "lines": lines,
                "thresholds": thresholds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_counts import BatchCounts  # noqa: PLC0415
        from ..models.batch_line import BatchLine  # noqa: PLC0415
        from ..models.thresholds import Thresholds  # noqa: PLC0415

        d = dict(src_dict)
        counts = BatchCounts.from_dict(d.pop("counts"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = BatchLine.from_dict(lines_item_data)

            lines.append(lines_item)

        thresholds = Thresholds.from_dict(d.pop("thresholds"))

        batch_result = cls(
            counts=counts,
            lines=lines,
            thresholds=thresholds,
        )

        batch_result.additional_properties = d
        return batch_result

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
