from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cen_record import CenRecord


T = TypeVar("T", bound="CenPending")


@_attrs_define
class CenPending:
    """What the next batch would hold.

    Attributes:
        cases (int): Validated cases not yet exported at their current version.
        sample (list[CenRecord]): The first of them as they would be exported (at most 20).
    """

    cases: int
    sample: list[CenRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cases = self.cases

        sample = []
        for sample_item_data in self.sample:
            sample_item = sample_item_data.to_dict()
            sample.append(sample_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cases": cases,
                "sample": sample,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cen_record import CenRecord  # noqa: PLC0415

        d = dict(src_dict)
        cases = d.pop("cases")

        sample = []
        _sample = d.pop("sample")
        for sample_item_data in _sample:
            sample_item = CenRecord.from_dict(sample_item_data)

            sample.append(sample_item)

        cen_pending = cls(
            cases=cases,
            sample=sample,
        )

        cen_pending.additional_properties = d
        return cen_pending

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
