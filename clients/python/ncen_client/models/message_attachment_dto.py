from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageAttachmentDto")


@_attrs_define
class MessageAttachmentDto:
    """A file sent with a message (or uploaded for one).

    Attributes:
        content_url (str): Download URL (bearer token required).
        id (UUID):
        media_type (str): Decided from the content: `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
        sha256 (str): SHA-256 of the stored content, hex.
        size_bytes (int):
        uploaded_at (datetime.datetime):
        uploaded_by (UUID):
        height (int | None | Unset):
        message_id (None | Unset | UUID): The message that took it; null while it waits for one.
        original_filename (None | str | Unset):
        thumbnail_url (None | str | Unset):
        width (int | None | Unset):
    """

    content_url: str
    id: UUID
    media_type: str
    sha256: str
    size_bytes: int
    uploaded_at: datetime.datetime
    uploaded_by: UUID
    height: int | None | Unset = UNSET
    message_id: None | Unset | UUID = UNSET
    original_filename: None | str | Unset = UNSET
    thumbnail_url: None | str | Unset = UNSET
    width: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_url = self.content_url

        id = str(self.id)

        media_type = self.media_type

        sha256 = self.sha256

        size_bytes = self.size_bytes

        uploaded_at = self.uploaded_at.isoformat()

        uploaded_by = str(self.uploaded_by)

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

        message_id: None | str | Unset
        if isinstance(self.message_id, Unset):
            message_id = UNSET
        elif isinstance(self.message_id, UUID):
            message_id = str(self.message_id)
        else:
            message_id = self.message_id

        original_filename: None | str | Unset
        if isinstance(self.original_filename, Unset):
            original_filename = UNSET
        else:
            original_filename = self.original_filename

        thumbnail_url: None | str | Unset
        if isinstance(self.thumbnail_url, Unset):
            thumbnail_url = UNSET
        else:
            thumbnail_url = self.thumbnail_url

        width: int | None | Unset
        if isinstance(self.width, Unset):
            width = UNSET
        else:
            width = self.width

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_url": content_url,
                "id": id,
                "media_type": media_type,
                "sha256": sha256,
                "size_bytes": size_bytes,
                "uploaded_at": uploaded_at,
                "uploaded_by": uploaded_by,
            }
        )
        if height is not UNSET:
            field_dict["height"] = height
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if original_filename is not UNSET:
            field_dict["original_filename"] = original_filename
        if thumbnail_url is not UNSET:
            field_dict["thumbnail_url"] = thumbnail_url
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_url = d.pop("content_url")

        id = UUID(d.pop("id"))

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        uploaded_by = UUID(d.pop("uploaded_by"))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

        def _parse_message_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                message_id_type_0 = UUID(data)

                return message_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        message_id = _parse_message_id(d.pop("message_id", UNSET))

        def _parse_original_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_filename = _parse_original_filename(d.pop("original_filename", UNSET))

        def _parse_thumbnail_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnail_url", UNSET))

        def _parse_width(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        width = _parse_width(d.pop("width", UNSET))

        message_attachment_dto = cls(
            content_url=content_url,
            id=id,
            media_type=media_type,
            sha256=sha256,
            size_bytes=size_bytes,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
            height=height,
            message_id=message_id,
            original_filename=original_filename,
            thumbnail_url=thumbnail_url,
            width=width,
        )

        message_attachment_dto.additional_properties = d
        return message_attachment_dto

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
