from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_band import RiskBand
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contribution import Contribution
    from ..models.risk_bands import RiskBands


T = TypeVar("T", bound="RiskDto")


@_attrs_define
class RiskDto:
    """A company's risk: the score, its band, and every contribution (they add up to the
    score).

        Attributes:
            band (RiskBand):
            explanation (list[Contribution]):
            pending (bool): Waiting for recomputation (an input changed a moment ago).
            score (int):
            thresholds (RiskBands): The scores from which a company is of medium and of high risk.
            computed_at (datetime.datetime | None | Unset): Null until first computed.
    """

    band: RiskBand
    explanation: list[Contribution]
    pending: bool
    score: int
    thresholds: RiskBands
    computed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        band = self.band.value

        explanation = []
        for explanation_item_data in self.explanation:
            explanation_item = explanation_item_data.to_dict()
            explanation.append(explanation_item)

        pending = self.pending

        score = self.score

        thresholds = self.thresholds.to_dict()

        computed_at: None | str | Unset
        if isinstance(self.computed_at, Unset):
            computed_at = UNSET
        elif isinstance(self.computed_at, datetime.datetime):
            computed_at = self.computed_at.isoformat()
        else:
            computed_at = self.computed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "band": band,
                "explanation": explanation,
                "pending": pending,
                "score": score,
                "thresholds": thresholds,
            }
        )
        if computed_at is not UNSET:
            field_dict["computed_at"] = computed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contribution import Contribution  # noqa: PLC0415
        from ..models.risk_bands import RiskBands  # noqa: PLC0415

        d = dict(src_dict)
        band = RiskBand(d.pop("band"))

        explanation = []
        _explanation = d.pop("explanation")
        for explanation_item_data in _explanation:
            explanation_item = Contribution.from_dict(explanation_item_data)

            explanation.append(explanation_item)

        pending = d.pop("pending")

        score = d.pop("score")

        thresholds = RiskBands.from_dict(d.pop("thresholds"))

        def _parse_computed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                computed_at_type_0 = datetime.datetime.fromisoformat(data)

                return computed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        computed_at = _parse_computed_at(d.pop("computed_at", UNSET))

        risk_dto = cls(
            band=band,
            explanation=explanation,
            pending=pending,
            score=score,
            thresholds=thresholds,
            computed_at=computed_at,
        )

        risk_dto.additional_properties = d
        return risk_dto

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
