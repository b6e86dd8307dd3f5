from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_outcome import FeedbackOutcome
from ..models.thread_kind import ThreadKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="InvestigationThread")


@_attrs_define
class InvestigationThread:
    """One of the investigation's threads.

    Attributes:
        created_at (datetime.datetime):
        created_by (UUID):
        created_by_name (str):
        id (UUID):
        kind (ThreadKind): The kind of a thread: a discussion, one of the CENcomm templates, or a request for
            information of an investigation (due by `feedback_due`, answered once; started from
            the investigation, `POST /investigations/{id}/threads`).
        last_message_at (datetime.datetime):
        member (bool): Whether the caller takes part (and may open it): a supervisor of the unit may not.
        overdue (bool): A warning past its deadline with no feedback yet; a request past its due date with
            no answer yet.
        subject (str):
        unread (int): Messages of others the caller has not read.
        urgent (bool):
        answer_id (None | Unset | UUID): A request's answer: the message, who answered and when.
        answered_at (datetime.datetime | None | Unset):
        answered_by (None | Unset | UUID):
        case_id (None | Unset | UUID):
        feedback_due (datetime.datetime | None | Unset): A warning's feedback deadline.
        handling (None | str | Unset):
        investigation_id (None | Unset | UUID): The investigation the thread is about (started from it).
        outcome (FeedbackOutcome | None | Unset):
        replies_to (None | Unset | UUID): A feedback's warning.
    """

    created_at: datetime.datetime
    created_by: UUID
    created_by_name: str
    id: UUID
    kind: ThreadKind
    last_message_at: datetime.datetime
    member: bool
    overdue: bool
    subject: str
    unread: int
    urgent: bool
    answer_id: None | Unset | UUID = UNSET
    answered_at: datetime.datetime | None | Unset = UNSET
    answered_by: None | Unset | UUID = UNSET
    case_id: None | Unset | UUID = UNSET
    feedback_due: datetime.datetime | None | Unset = UNSET
    handling: None | str | Unset = UNSET
    investigation_id: None | Unset | UUID = UNSET
    outcome: FeedbackOutcome | None | Unset = UNSET
    replies_to: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        created_by_name = self.created_by_name

        id = str(self.id)

        kind = self.kind.value

        last_message_at = self.last_message_at.isoformat()

        member = self.member

        overdue = self.overdue

        subject = self.subject

        unread = self.unread

        urgent = self.urgent

        answer_id: None | str | Unset
        if isinstance(self.answer_id, Unset):
            answer_id = UNSET
        elif isinstance(self.answer_id, UUID):
            answer_id = str(self.answer_id)
        else:
            answer_id = self.answer_id

        answered_at: None | str | Unset
        if isinstance(self.answered_at, Unset):
            answered_at = UNSET
        elif isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        answered_by: None | str | Unset
        if isinstance(self.answered_by, Unset):
            answered_by = UNSET
        elif isinstance(self.answered_by, UUID):
            answered_by = str(self.answered_by)
        else:
            answered_by = self.answered_by

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        elif isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        feedback_due: None | str | Unset
        if isinstance(self.feedback_due, Unset):
            feedback_due = UNSET
        elif isinstance(self.feedback_due, datetime.datetime):
            feedback_due = self.feedback_due.isoformat()
        else:
            feedback_due = self.feedback_due

        handling: None | str | Unset
        if isinstance(self.handling, Unset):
            handling = UNSET
        else:
            handling = self.handling

        investigation_id: None | str | Unset
        if isinstance(self.investigation_id, Unset):
            investigation_id = UNSET
        elif isinstance(self.investigation_id, UUID):
            investigation_id = str(self.investigation_id)
        else:
            investigation_id = self.investigation_id

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, FeedbackOutcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        replies_to: None | str | Unset
        if isinstance(self.replies_to, Unset):
            replies_to = UNSET
        elif isinstance(self.replies_to, UUID):
            replies_to = str(self.replies_to)
        else:
            replies_to = self.replies_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "created_by_name": created_by_name,
                "id": id,
                "kind": kind,
                "last_message_at": last_message_at,
                "member": member,
                "overdue": overdue,
                "subject": subject,
                "unread": unread,
                "urgent": urgent,
            }
        )
        if answer_id is not UNSET:
            field_dict["answer_id"] = answer_id
        if answered_at is not UNSET:
            field_dict["answered_at"] = answered_at
        if answered_by is not UNSET:
            field_dict["answered_by"] = answered_by
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if feedback_due is not UNSET:
            field_dict["feedback_due"] = feedback_due
        if handling is not UNSET:
            field_dict["handling"] = handling
        if investigation_id is not UNSET:
            field_dict["investigation_id"] = investigation_id
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if replies_to is not UNSET:
            field_dict["replies_to"] = replies_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        created_by_name = d.pop("created_by_name")

        id = UUID(d.pop("id"))

        kind = ThreadKind(d.pop("kind"))

        last_message_at = datetime.datetime.fromisoformat(d.pop("last_message_at"))

        member = d.pop("member")

        overdue = d.pop("overdue")

        subject = d.pop("subject")

        unread = d.pop("unread")

        urgent = d.pop("urgent")

        def _parse_answer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answer_id_type_0 = UUID(data)

                return answer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        answer_id = _parse_answer_id(d.pop("answer_id", UNSET))

        def _parse_answered_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        answered_at = _parse_answered_at(d.pop("answered_at", UNSET))

        def _parse_answered_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_by_type_0 = UUID(data)

                return answered_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        answered_by = _parse_answered_by(d.pop("answered_by", UNSET))

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

        def _parse_feedback_due(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                feedback_due_type_0 = datetime.datetime.fromisoformat(data)

                return feedback_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        feedback_due = _parse_feedback_due(d.pop("feedback_due", UNSET))

        def _parse_handling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handling = _parse_handling(d.pop("handling", UNSET))

        def _parse_investigation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                investigation_id_type_0 = UUID(data)

                return investigation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        investigation_id = _parse_investigation_id(d.pop("investigation_id", UNSET))

        def _parse_outcome(data: object) -> FeedbackOutcome | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_1 = FeedbackOutcome(data)

                return outcome_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FeedbackOutcome | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_replies_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replies_to_type_0 = UUID(data)

                return replies_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        replies_to = _parse_replies_to(d.pop("replies_to", UNSET))

        investigation_thread = cls(
            created_at=created_at,
            created_by=created_by,
            created_by_name=created_by_name,
            id=id,
            kind=kind,
            last_message_at=last_message_at,
            member=member,
            overdue=overdue,
            subject=subject,
            unread=unread,
            urgent=urgent,
            answer_id=answer_id,
            answered_at=answered_at,
            answered_by=answered_by,
            case_id=case_id,
            feedback_due=feedback_due,
            handling=handling,
            investigation_id=investigation_id,
            outcome=outcome,
            replies_to=replies_to,
        )

        investigation_thread.additional_properties = d
        return investigation_thread

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
