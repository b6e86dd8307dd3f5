from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Feature")


@_attrs_define
class Feature:
    """One piece of evidence and what it did to the score.

    Attributes:
        contribution (float): Its part of the score: the name's similarity for a name feature, a signed adjustment
            for every other.
        detail (str): How it compared, in words (`abdelkader=abdelkader (same)`, `1979-11-07 / 1979`).
        feature (str): What was compared: `name_tokens`, `name_joined`, `name_consonants`, `date_of_birth`,
            `gender`, `nationality`, `document`, `phone`, `email`, `address`, `country`,
            `registration_number`, `tax_id`, `eori`.
    """

    contribution: float
    detail: str
    feature: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contribution = self.contribution

        detail = self.detail

        feature = self.feature

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contribution": contribution,
                "detail": detail,
                "feature": feature,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contribution = d.pop("contribution")

        detail = d.pop("detail")

        feature = d.pop("feature")

        feature = cls(
            contribution=contribution,
            detail=detail,
            feature=feature,
        )

        feature.additional_properties = d
        return feature

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
