from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgreementDocument")


@_attrs_define
class AgreementDocument:
    """The document of an agreement: the signed instrument as uploaded (cleaned of metadata).

    Attributes:
        content_url (str): Download URL (bearer token required).
        media_type (str): Decided from the content: `application/pdf` or an image type.
        sha256 (str): SHA-256 of the stored content, hex.
        size_bytes (int):
        uploaded_at (datetime.datetime):
        uploaded_by (UUID):
        filename (None | str | Unset): The name it was uploaded under.
    """

    content_url: str
    media_type: str
    sha256: str
    size_bytes: int
    uploaded_at: datetime.datetime
    uploaded_by: UUID
    filename: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_url = self.content_url

        media_type = self.media_type

        sha256 = self.sha256

        size_bytes = self.size_bytes

        uploaded_at = self.uploaded_at.isoformat()

        uploaded_by = str(self.uploaded_by)

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content_url": content_url,
                "media_type": media_type,
                "sha256": sha256,
                "size_bytes": size_bytes,
                "uploaded_at": uploaded_at,
                "uploaded_by": uploaded_by,
            }
        )
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_url = d.pop("content_url")

        media_type = d.pop("media_type")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        uploaded_by = UUID(d.pop("uploaded_by"))

        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))

        agreement_document = cls(
            content_url=content_url,
            media_type=media_type,
            sha256=sha256,
            size_bytes=size_bytes,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
            filename=filename,
        )

        agreement_document.additional_properties = d
        return agreement_document

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
