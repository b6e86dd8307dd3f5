from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.thread_kind import ThreadKind

T = TypeVar("T", bound="MessageEvent")


@_attrs_define
class MessageEvent:
    """`event: message` — a new message in one of the user's threads (the body is not carried:
    reading it is audited, so the client fetches the thread).

        Attributes:
            kind (ThreadKind): The kind of a thread: a discussion, one of the CENcomm templates, or a request for
                information of an investigation (due by `feedback_due`, answered once; started from
                the investigation, `POST /investigations/{id}/threads`).
            message_id (UUID):
            sender_id (UUID):
            sender_name (str):
            sent_at (datetime.datetime):
            subject (str):
            thread_id (UUID):
            urgent (bool):
    """

    kind: ThreadKind
    message_id: UUID
    sender_id: UUID
    sender_name: str
    sent_at: datetime.datetime
    subject: str
    thread_id: UUID
    urgent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        message_id = str(self.message_id)

        sender_id = str(self.sender_id)

        sender_name = self.sender_name

        sent_at = self.sent_at.isoformat()

        subject = self.subject

        thread_id = str(self.thread_id)

        urgent = self.urgent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "message_id": message_id,
                "sender_id": sender_id,
                "sender_name": sender_name,
                "sent_at": sent_at,
                "subject": subject,
                "thread_id": thread_id,
                "urgent": urgent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ThreadKind(d.pop("kind"))

        message_id = UUID(d.pop("message_id"))

        sender_id = UUID(d.pop("sender_id"))

        sender_name = d.pop("sender_name")

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        subject = d.pop("subject")

        thread_id = UUID(d.pop("thread_id"))

        urgent = d.pop("urgent")

        message_event = cls(
            kind=kind,
            message_id=message_id,
            sender_id=sender_id,
            sender_name=sender_name,
            sent_at=sent_at,
            subject=subject,
            thread_id=thread_id,
            urgent=urgent,
        )

        message_event.additional_properties = d
        return message_event

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
