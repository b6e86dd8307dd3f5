from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.investigation_status import InvestigationStatus
from ..models.outcome import Outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransitionInput")


@_attrs_define
class TransitionInput:
    """A move in the workflow (see `GET …/{id}`'s `next_statuses` for the caller's).

    Attributes:
        reason (str): Why (recorded in the timeline and the report).
        to (InvestigationStatus): `opened` (recorded, no lead yet) → `assigned` (a lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        outcome (None | Outcome | Unset):
    """

    reason: str
    to: InvestigationStatus
    outcome: None | Outcome | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        to = self.to.value

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
                "to": to,
            }
        )
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        to = InvestigationStatus(d.pop("to"))

        def _parse_outcome(data: object) -> None | Outcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = Outcome(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        transition_input = cls(
            reason=reason,
            to=to,
            outcome=outcome,
        )

        return transition_input
