from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.band import Band

if TYPE_CHECKING:
    from ..models.feature import Feature


T = TypeVar("T", bound="Candidate")


@_attrs_define
class Candidate:
    """A register record that may be the one screened.

    Attributes:
        band (Band): Where a candidate's score falls.
        features (list[Feature]): Why: each piece of evidence and its part of the score.
        id (UUID):
        kind (str): `person` or `company`.
        label (str): The record's name as a list shows it (with the date of birth or the country).
        score (float): From 0 to 1.
    """

    band: Band
    features: list[Feature]
    id: UUID
    kind: str
    label: str
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        band = self.band.value

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        id = str(self.id)

        kind = self.kind

        label = self.label

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "band": band,
                "features": features,
                "id": id,
                "kind": kind,
                "label": label,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feature import Feature  # noqa: PLC0415

        d = dict(src_dict)
        band = Band(d.pop("band"))

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = Feature.from_dict(features_item_data)

            features.append(features_item)

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        label = d.pop("label")

        score = d.pop("score")

        candidate = cls(
            band=band,
            features=features,
            id=id,
            kind=kind,
            label=label,
            score=score,
        )

        candidate.additional_properties = d
        return candidate

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
