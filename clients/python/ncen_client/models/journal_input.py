from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.entry_kind import EntryKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="JournalInput")


@_attrs_define
class JournalInput:
    """
    Attributes:
        body (str):
        kind (EntryKind): `action` (what was done), `finding` (what was learnt), `decision` (what was decided),
            `note`.
        attachment_ids (list[UUID] | Unset): Files uploaded first (`POST /message-attachments`: the attachment
            pipeline), at most
            10; the entry takes them.
        corrects_id (None | Unset | UUID): The entry this one corrects (of the same investigation).
        occurred_at (datetime.datetime | None | Unset): When it happened (default: now; not in the future).
    """

    body: str
    kind: EntryKind
    attachment_ids: list[UUID] | Unset = UNSET
    corrects_id: None | Unset | UUID = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        kind = self.kind.value

        attachment_ids: list[str] | Unset = UNSET
        if not isinstance(self.attachment_ids, Unset):
            attachment_ids = []
            for attachment_ids_item_data in self.attachment_ids:
                attachment_ids_item = str(attachment_ids_item_data)
                attachment_ids.append(attachment_ids_item)

        corrects_id: None | str | Unset
        if isinstance(self.corrects_id, Unset):
            corrects_id = UNSET
        elif isinstance(self.corrects_id, UUID):
            corrects_id = str(self.corrects_id)
        else:
            corrects_id = self.corrects_id

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
                "kind": kind,
            }
        )
        if attachment_ids is not UNSET:
            field_dict["attachment_ids"] = attachment_ids
        if corrects_id is not UNSET:
            field_dict["corrects_id"] = corrects_id
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        kind = EntryKind(d.pop("kind"))

        _attachment_ids = d.pop("attachment_ids", UNSET)
        attachment_ids: list[UUID] | Unset = UNSET
        if _attachment_ids is not UNSET:
            attachment_ids = []
            for attachment_ids_item_data in _attachment_ids:
                attachment_ids_item = UUID(attachment_ids_item_data)

                attachment_ids.append(attachment_ids_item)

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

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        journal_input = cls(
            body=body,
            kind=kind,
            attachment_ids=attachment_ids,
            corrects_id=corrects_id,
            occurred_at=occurred_at,
        )

        return journal_input
