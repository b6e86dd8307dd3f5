from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RestrictedCounts")


@_attrs_define
class RestrictedCounts:
    """What exists about the company that the reader may not see, as counts.

    Attributes:
        alerts (int): Alerts on or hitting the company that are not the reader's unit's (all of them
            without the permission to work alerts).
        investigations (int): Investigations linked to the company the reader is not on.
    """

    alerts: int
    investigations: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alerts = self.alerts

        investigations = self.investigations

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alerts": alerts,
                "investigations": investigations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alerts = d.pop("alerts")

        investigations = d.pop("investigations")

        restricted_counts = cls(
            alerts=alerts,
            investigations=investigations,
        )

        restricted_counts.additional_properties = d
        return restricted_counts

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
