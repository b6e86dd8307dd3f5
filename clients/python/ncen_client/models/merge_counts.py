from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MergeCounts")


@_attrs_define
class MergeCounts:
    """What a merge moved.

    Attributes:
        alerts (int): Alerts on the merged record now on the survivor.
        duplicate_links (int): Case links the survivor already had (same case and role).
        fields (list[str]): Fields of the survivor that took a value or items from the merged record.
        links (int): Case links moved to the survivor.
    """

    alerts: int
    duplicate_links: int
    fields: list[str]
    links: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alerts = self.alerts

        duplicate_links = self.duplicate_links

        fields = self.fields

        links = self.links

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alerts": alerts,
                "duplicate_links": duplicate_links,
                "fields": fields,
                "links": links,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alerts = d.pop("alerts")

        duplicate_links = d.pop("duplicate_links")

        fields = cast(list[str], d.pop("fields"))

        links = d.pop("links")

        merge_counts = cls(
            alerts=alerts,
            duplicate_links=duplicate_links,
            fields=fields,
            links=links,
        )

        merge_counts.additional_properties = d
        return merge_counts

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
