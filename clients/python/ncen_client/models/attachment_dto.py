from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attachment_kind import AttachmentKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AttachmentDto")


@_attrs_define
class AttachmentDto:
    """
    Attributes:
        case_id (UUID):
        cleared_for_export (bool): May go to CEN with the non-nominal part of the case (shows no face, plate or name).
        content_url (str): Download URL (bearer token required).
        has_thumbnail (bool):
        id (UUID):
        kind (AttachmentKind):
        media_type (str): Decided from the content: `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
        sha256 (str): SHA-256 of the stored content, hex.
        size_bytes (int):
        uploaded_at (datetime.datetime):
        uploaded_by (UUID):
        caption (None | str | Unset):
        height (int | None | Unset):
        original_filename (None | str | Unset):
        thumbnail_url (None | str | Unset):
        width (int | None | Unset):
    """

    case_id: UUID
    cleared_for_export: bool
    content_url: str
    has_thumbnail: bool
    id: UUID
    kind: AttachmentKind
    media_type: str
    sha256: str
    size_bytes: int
    uploaded_at: datetime.datetime
    uploaded_by: UUID
    caption: None | str | Unset = UNSET
    height: int | None | Unset = UNSET
    original_filename: None | str | Unset = UNSET
    thumbnail_url: None | str | Unset = UNSET
    width: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        cleared_for_export = self.cleared_for_export

        content_url = self.content_url

        has_thumbnail = self.has_thumbnail

        id = str(self.id)

        kind = self.kind.value

        media_type = self.media_type

        sha256 = self.sha256

        size_bytes = self.size_bytes

        uploaded_at = self.uploaded_at.isoformat()

        uploaded_by = str(self.uploaded_by)

        caption: None | str | Unset
        if isinstance(self.caption, Unset):
            caption = UNSET
        else:
            caption = self.caption

        height: int | None | Unset
        if isinstance(self.height, Unset):
            height = UNSET
        else:
            height = self.height

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
                "case_id": case_id,
                "cleared_for_export": cleared_for_export,
                "content_url": content_url,
                "has_thumbnail": has_thumbnail,
                "id": id,
                "kind": kind,
                "media_type": media_type,
                "sha256": sha256,
                "size_bytes": size_bytes,
                "uploaded_at": uploaded_at,
                "uploaded_by": uploaded_by,
            }
        )
        if caption is not UNSET:
            field_dict["caption"] = caption
        if height is not UNSET:
            field_dict["height"] = height
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
        case_id = UUID(d.pop("case_id"))

        cleared_for_export = d.pop("cleared_for_export")

        content_url = d.pop("content_url")

        has_thumbnail = d.pop("has_thumbnail")

        id = UUID(d.pop("id"))

        kind = AttachmentKind(d.pop("kind"))

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        uploaded_by = UUID(d.pop("uploaded_by"))

        def _parse_caption(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        caption = _parse_caption(d.pop("caption", UNSET))

        def _parse_height(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        height = _parse_height(d.pop("height", UNSET))

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

        attachment_dto = cls(
            case_id=case_id,
            cleared_for_export=cleared_for_export,
            content_url=content_url,
            has_thumbnail=has_thumbnail,
            id=id,
            kind=kind,
            media_type=media_type,
            sha256=sha256,
            size_bytes=size_bytes,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
            caption=caption,
            height=height,
            original_filename=original_filename,
            thumbnail_url=thumbnail_url,
            width=width,
        )

        attachment_dto.additional_properties = d
        return attachment_dto

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
