from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.feedback_outcome import FeedbackOutcome
from ..models.thread_template_type_2_kind import ThreadTemplateType2Kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ThreadTemplateType2")


@_attrs_define
class ThreadTemplateType2:
    """Feedback on a warning the sender can see; a seizure case is required when the
    outcome is `seized`. The warning's author takes part.

        Attributes:
            kind (ThreadTemplateType2Kind):
            outcome (FeedbackOutcome): What came of a warning, as its feedback reports it.
            warning_id (UUID):
            case_id (None | Unset | UUID):
    """

    kind: ThreadTemplateType2Kind
    outcome: FeedbackOutcome
    warning_id: UUID
    case_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        outcome = self.outcome.value

        warning_id = str(self.warning_id)

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        elif isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "outcome": outcome,
                "warning_id": warning_id,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ThreadTemplateType2Kind(d.pop("kind"))

        outcome = FeedbackOutcome(d.pop("outcome"))

        warning_id = UUID(d.pop("warning_id"))

        def _parse_case_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_id_type_0 = UUID(data)

                return case_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        thread_template_type_2 = cls(
            kind=kind,
            outcome=outcome,
            warning_id=warning_id,
            case_id=case_id,
        )

        return thread_template_type_2
