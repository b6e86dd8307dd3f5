from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..models.attachment_kind import AttachmentKind
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="UploadForm")


@_attrs_define
class UploadForm:
    """The multipart form of an upload.

    Attributes:
        file (File): The file (JPEG, PNG, WebP, TIFF or PDF; the type is read from the content).
        kind (AttachmentKind):
        caption (str | Unset): At most 500 characters.
        cleared_for_export (bool | Unset): Default `false`.
    """

    file: File
    kind: AttachmentKind
    caption: str | Unset = UNSET
    cleared_for_export: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        kind = self.kind.value

        caption = self.caption

        cleared_for_export = self.cleared_for_export

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "file": file,
                "kind": kind,
            }
        )
        if caption is not UNSET:
            field_dict["caption"] = caption
        if cleared_for_export is not UNSET:
            field_dict["cleared_for_export"] = cleared_for_export

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        if not isinstance(self.caption, Unset):
            files.append(("caption", (None, str(self.caption).encode(), "text/plain")))

        if not isinstance(self.cleared_for_export, Unset):
            files.append(("cleared_for_export", (None, str(self.cleared_for_export).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        kind = AttachmentKind(d.pop("kind"))

        caption = d.pop("caption", UNSET)

        cleared_for_export = d.pop("cleared_for_export", UNSET)

        upload_form = cls(
            file=file,
            kind=kind,
            caption=caption,
            cleared_for_export=cleared_for_export,
        )

        return upload_form
