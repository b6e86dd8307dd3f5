from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.message_attachment_dto import MessageAttachmentDto


T = TypeVar("T", bound="MessageDto")


@_attrs_define
class MessageDto:
    """
    Attributes:
        attachments (list[MessageAttachmentDto]):
        body (str):
        id (UUID):
        read_by (list[UUID]): Who has read it (read receipts), the sender excluded.
        sender_id (UUID):
        sender_name (str):
        sent_at (datetime.datetime):
    """

    attachments: list[MessageAttachmentDto]
    body: str
    id: UUID
    read_by: list[UUID]
    sender_id: UUID
    sender_name: str
    sent_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        body = self.body

        id = str(self.id)

        read_by = []
        for read_by_item_data in self.read_by:
            read_by_item = str(read_by_item_data)
            read_by.append(read_by_item)

        sender_id = str(self.sender_id)

        sender_name = self.sender_name

        sent_at = self.sent_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachments": attachments,
                "body": body,
                "id": id,
                "read_by": read_by,
                "sender_id": sender_id,
                "sender_name": sender_name,
                "sent_at": sent_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_attachment_dto import MessageAttachmentDto  # noqa: PLC0415

        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = MessageAttachmentDto.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        body = d.pop("body")

        id = UUID(d.pop("id"))

        read_by = []
        _read_by = d.pop("read_by")
        for read_by_item_data in _read_by:
            read_by_item = UUID(read_by_item_data)

            read_by.append(read_by_item)

        sender_id = UUID(d.pop("sender_id"))

        sender_name = d.pop("sender_name")

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))

        message_dto = cls(
            attachments=attachments,
            body=body,
            id=id,
            read_by=read_by,
            sender_id=sender_id,
            sender_name=sender_name,
            sent_at=sent_at,
        )

        message_dto.additional_properties = d
        return message_dto

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
