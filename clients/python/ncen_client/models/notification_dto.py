from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.notification_kind import NotificationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationDto")


@_attrs_define
class NotificationDto:
    """
    Attributes:
        count (int): How many events it stands for (new messages of one thread collapse into one).
        created_at (datetime.datetime):
        id (UUID):
        kind (NotificationKind): What a notification is about: `message` (new messages in a thread, collapsed into one
            unread notification per thread), `warning` (a CENcomm warning addressed to the user or
            their unit), `feedback` (on a warning the user sent), `feedback_overdue` (a warning the
            user sent is past its deadline with no feedback), `case_returned` (a seizure case of
            the user sent back for correction), `case_reopened` (a validated case of the user
            reopened), `alert_hit` (data entering nCEN hit an alert the user owns), `alert_match`
            (data the user entered matches an alert: its requested action is on the case),
            `alert_activation` (an alert the user owns was activated), `investigation_assigned` (the
            user was named lead of an investigation or added to its team), `investigation_review`
            (an investigation of the user's unit asks for review, or the user's was sent back),
            `investigation_task` (a task of an investigation was given to the user), `request` (a
            request for information addressed to the user or their unit), `request_answered` (a
            request the user sent was answered), `request_overdue` (a request the user sent is past
            its due date unanswered), `deadline_soon` (a task of the user, or an investigation they
            lead, is due within two days), `deadline_overdue` (the same, past its due date; the
            supervisors of the unit are told too), `search_hit` (cases saved since match a saved
            search the user owns).
        link (str): Where it leads in the browser app (a path, e.g. `/messages/{thread id}`).
        title (str):
        read_at (datetime.datetime | None | Unset):
        thread_id (None | Unset | UUID):
    """

    count: int
    created_at: datetime.datetime
    id: UUID
    kind: NotificationKind
    link: str
    title: str
    read_at: datetime.datetime | None | Unset = UNSET
    thread_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        link = self.link

        title = self.title

        read_at: None | str | Unset
        if isinstance(self.read_at, Unset):
            read_at = UNSET
        elif isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        thread_id: None | str | Unset
        if isinstance(self.thread_id, Unset):
            thread_id = UNSET
        elif isinstance(self.thread_id, UUID):
            thread_id = str(self.thread_id)
        else:
            thread_id = self.thread_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "link": link,
                "title": title,
            }
        )
        if read_at is not UNSET:
            field_dict["read_at"] = read_at
        if thread_id is not UNSET:
            field_dict["thread_id"] = thread_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = NotificationKind(d.pop("kind"))

        link = d.pop("link")

        title = d.pop("title")

        def _parse_read_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        read_at = _parse_read_at(d.pop("read_at", UNSET))

        def _parse_thread_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thread_id_type_0 = UUID(data)

                return thread_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        thread_id = _parse_thread_id(d.pop("thread_id", UNSET))

        notification_dto = cls(
            count=count,
            created_at=created_at,
            id=id,
            kind=kind,
            link=link,
            title=title,
            read_at=read_at,
            thread_id=thread_id,
        )

        notification_dto.additional_properties = d
        return notification_dto

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
