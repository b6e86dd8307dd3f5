from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shared_kind import SharedKind

T = TypeVar("T", bound="SharedHub")


@_attrs_define
class SharedHub:
    """
    Attributes:
        companies (int):
        shared (SharedKind): Why two companies are linked without anyone having recorded it.
        value (str):
    """

    companies: int
    shared: SharedKind
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        companies = self.companies

        shared = self.shared.value

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "companies": companies,
                "shared": shared,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        companies = d.pop("companies")

        shared = SharedKind(d.pop("shared"))

        value = d.pop("value")

        shared_hub = cls(
            companies=companies,
            shared=shared,
            value=value,
        )

        shared_hub.additional_properties = d
        return shared_hub

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
