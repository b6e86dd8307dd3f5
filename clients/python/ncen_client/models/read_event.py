from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReadEvent")


@_attrs_define
class ReadEvent:
    """`event: read` — a participant read a thread (read receipts).

    Attributes:
        read_at (datetime.datetime):
        thread_id (UUID):
        user_id (UUID):
        user_name (str):
    """

    read_at: datetime.datetime
    thread_id: UUID
    user_id: UUID
    user_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        read_at = self.read_at.isoformat()

        thread_id = str(self.thread_id)

        user_id = str(self.user_id)

        user_name = self.user_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "read_at": read_at,
                "thread_id": thread_id,
                "user_id": user_id,
                "user_name": user_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read_at = datetime.datetime.fromisoformat(d.pop("read_at"))

        thread_id = UUID(d.pop("thread_id"))

        user_id = UUID(d.pop("user_id"))

        user_name = d.pop("user_name")

        read_event = cls(
            read_at=read_at,
            thread_id=thread_id,
            user_id=user_id,
            user_name=user_name,
        )

        read_event.additional_properties = d
        return read_event

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
