from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.target_kind import TargetKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="LinkInput")


@_attrs_define
class LinkInput:
    """A link to make. Roles by kind: case `origin`, `evidence`, `related`; person `suspect`,
    `accomplice`, `witness`, `victim`, `contact`, `other`; company `suspect`, `front`,
    `intermediary`, `victim`, `other`; conveyance `used`, `other`; alert and alert hit
    `origin`, `related`; investigation `related`, `merged_into`.

        Attributes:
            role (str):
            target_id (UUID):
            target_kind (TargetKind): What a link points at.
            note (None | str | Unset):
    """

    role: str
    target_id: UUID
    target_kind: TargetKind
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        target_id = str(self.target_id)

        target_kind = self.target_kind.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "target_id": target_id,
                "target_kind": target_kind,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = d.pop("role")

        target_id = UUID(d.pop("target_id"))

        target_kind = TargetKind(d.pop("target_kind"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        link_input = cls(
            role=role,
            target_id=target_id,
            target_kind=target_kind,
            note=note,
        )

        return link_input
