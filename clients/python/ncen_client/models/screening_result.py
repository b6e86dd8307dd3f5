from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.candidate import Candidate
    from ..models.screening_alert import ScreeningAlert
    from ..models.thresholds import Thresholds


T = TypeVar("T", bound="ScreeningResult")


@_attrs_define
class ScreeningResult:
    """
    Attributes:
        alerts (list[ScreeningAlert]): Active alerts the query hits (at or above the hit threshold, or an identifier
            they
            watch): what to do and whom to contact — never why (graded disclosure).
        candidates (list[Candidate]): Best first; hits, then candidates to review.
        scored (int): How many records the indexes proposed and the engine scored.
        thresholds (Thresholds): Where a score becomes a match.
    """

    alerts: list[ScreeningAlert]
    candidates: list[Candidate]
    scored: int
    thresholds: Thresholds
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)

        scored = self.scored

        thresholds = self.thresholds.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alerts": alerts,
                "candidates": candidates,
                "scored": scored,
                "thresholds": thresholds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate  # noqa: PLC0415
        from ..models.screening_alert import ScreeningAlert  # noqa: PLC0415
        from ..models.thresholds import Thresholds  # noqa: PLC0415

        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = ScreeningAlert.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in _candidates:
            candidates_item = Candidate.from_dict(candidates_item_data)

            candidates.append(candidates_item)

        scored = d.pop("scored")

        thresholds = Thresholds.from_dict(d.pop("thresholds"))

        screening_result = cls(
            alerts=alerts,
            candidates=candidates,
            scored=scored,
            thresholds=thresholds,
        )

        screening_result.additional_properties = d
        return screening_result

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
