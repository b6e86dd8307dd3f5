from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_outcome import BatchOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate import Candidate
    from ..models.screening_alert import ScreeningAlert


T = TypeVar("T", bound="BatchLine")


@_attrs_define
class BatchLine:
    """One screened line.

    Attributes:
        alerts (list[ScreeningAlert]): Active alerts the line hits: what to do and whom to contact (graded disclosure).
        candidates (list[Candidate]): The best register records (at most 3), hits first.
        label (str): The line as read (name, date of birth, identifiers).
        line (int): The line's position in the list, from 1.
        outcome (BatchOutcome): How a line came out: `hit` (an active alert, or a register record at or above the hit
            threshold or sharing an identifier), `review` (only candidates to look at), `clear`.
        reference (None | str | Unset):
    """

    alerts: list[ScreeningAlert]
    candidates: list[Candidate]
    label: str
    line: int
    outcome: BatchOutcome
    reference: None | str | Unset = UNSET
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

        label = self.label

        line = self.line

        outcome = self.outcome.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alerts": alerts,
                "candidates": candidates,
                "label": label,
                "line": line,
                "outcome": outcome,
            }
        )
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate  # noqa: PLC0415
        from ..models.screening_alert import ScreeningAlert  # noqa: PLC0415

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

        label = d.pop("label")

        line = d.pop("line")

        outcome = BatchOutcome(d.pop("outcome"))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        batch_line = cls(
            alerts=alerts,
            candidates=candidates,
            label=label,
            line=line,
            outcome=outcome,
            reference=reference,
        )

        batch_line.additional_properties = d
        return batch_line

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
