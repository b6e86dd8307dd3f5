from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.entry_kind import EntryKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_attachment_dto import MessageAttachmentDto
    from ..models.named import Named


T = TypeVar("T", bound="JournalEntry")


@_attrs_define
class JournalEntry:
    """
    Attributes:
        attachments (list[MessageAttachmentDto]): Its files (photos, scans), downloaded through the investigation
            (audited).
        author (Named): A user or unit named on an alert, a merge, a review.
        body (str):
        corrected_by (list[UUID]): The entries that correct this one.
        created_at (datetime.datetime):
        id (UUID):
        kind (EntryKind): `action` (what was done), `finding` (what was learnt), `decision` (what was decided),
            `note`.
        occurred_at (datetime.datetime):
        seq (int): 1, 2, 3… in the order written.
        corrects_id (None | Unset | UUID):
    """

    attachments: list[MessageAttachmentDto]
    author: Named
    body: str
    corrected_by: list[UUID]
    created_at: datetime.datetime
    id: UUID
    kind: EntryKind
    occurred_at: datetime.datetime
    seq: int
    corrects_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        author = self.author.to_dict()

        body = self.body

        corrected_by = []
        for corrected_by_item_data in self.corrected_by:
            corrected_by_item = str(corrected_by_item_data)
            corrected_by.append(corrected_by_item)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        seq = self.seq

        corrects_id: None | str | Unset
        if isinstance(self.corrects_id, Unset):
            corrects_id = UNSET
        elif isinstance(self.corrects_id, UUID):
            corrects_id = str(self.corrects_id)
        else:
            corrects_id = self.corrects_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachments": attachments,
                "author": author,
                "body": body,
                "corrected_by": corrected_by,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "occurred_at": occurred_at,
                "seq": seq,
            }
        )
        if corrects_id is not UNSET:
            field_dict["corrects_id"] = corrects_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_attachment_dto import MessageAttachmentDto  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = MessageAttachmentDto.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        author = Named.from_dict(d.pop("author"))

        body = d.pop("body")

        corrected_by = []
        _corrected_by = d.pop("corrected_by")
        for corrected_by_item_data in _corrected_by:
            corrected_by_item = UUID(corrected_by_item_data)

            corrected_by.append(corrected_by_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = EntryKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        seq = d.pop("seq")

        def _parse_corrects_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                corrects_id_type_0 = UUID(data)

                return corrects_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        corrects_id = _parse_corrects_id(d.pop("corrects_id", UNSET))

        journal_entry = cls(
            attachments=attachments,
            author=author,
            body=body,
            corrected_by=corrected_by,
            created_at=created_at,
            id=id,
            kind=kind,
            occurred_at=occurred_at,
            seq=seq,
            corrects_id=corrects_id,
        )

        journal_entry.additional_properties = d
        return journal_entry

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
