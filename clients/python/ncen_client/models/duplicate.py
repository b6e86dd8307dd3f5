from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.feature import Feature


T = TypeVar("T", bound="Duplicate")


@_attrs_define
class Duplicate:
    """An existing record that looks like the one being registered.

    Attributes:
        features (list[Feature]): Why: each piece of evidence and its part of the score.
        id (UUID):
        label (str): The record's name as a list shows it (with the date of birth for a person, the
            country for a company).
        reasons (list[str]): What it shares, strongest first: `document`, `name_and_birth_date`, `same_name`,
            `similar_name` (persons); `registration_number`, `tax_id`, `eori`, `name`, `similar_name` (companies).
        score (float): The matching engine's score, 0–1.
    """

    features: list[Feature]
    id: UUID
    label: str
    reasons: list[str]
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        id = str(self.id)

        label = self.label

        reasons = self.reasons

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "features": features,
                "id": id,
                "label": label,
                "reasons": reasons,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feature import Feature  # noqa: PLC0415

        d = dict(src_dict)
        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = Feature.from_dict(features_item_data)

            features.append(features_item)

        id = UUID(d.pop("id"))

        label = d.pop("label")

        reasons = cast(list[str], d.pop("reasons"))

        score = d.pop("score")

        duplicate = cls(
            features=features,
            id=id,
            label=label,
            reasons=reasons,
            score=score,
        )

        duplicate.additional_properties = d
        return duplicate

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
