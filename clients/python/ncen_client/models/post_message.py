from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PostMessage")


@_attrs_define
class PostMessage:
    """
    Attributes:
        body (str):
        answer (bool | Unset): This message answers the thread's request for information (once per request; not by
            its author; 409 `not_a_request`, `already_answered`, `own_request`).
        attachment_ids (list[UUID] | Unset): Files uploaded for this message (`POST /message-attachments`).
    """

    body: str
    answer: bool | Unset = UNSET
    attachment_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        answer = self.answer

        attachment_ids: list[str] | Unset = UNSET
        if not isinstance(self.attachment_ids, Unset):
            attachment_ids = []
            for attachment_ids_item_data in self.attachment_ids:
                attachment_ids_item = str(attachment_ids_item_data)
                attachment_ids.append(attachment_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )
        if answer is not UNSET:
            field_dict["answer"] = answer
        if attachment_ids is not UNSET:
            field_dict["attachment_ids"] = attachment_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        answer = d.pop("answer", UNSET)

        _attachment_ids = d.pop("attachment_ids", UNSET)
        attachment_ids: list[UUID] | Unset = UNSET
        if _attachment_ids is not UNSET:
            attachment_ids = []
            for attachment_ids_item_data in _attachment_ids:
                attachment_ids_item = UUID(attachment_ids_item_data)

                attachment_ids.append(attachment_ids_item)

        post_message = cls(
            body=body,
            answer=answer,
            attachment_ids=attachment_ids,
        )

        return post_message
