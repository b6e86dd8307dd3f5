from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeInput")


@_attrs_define
class MergeInput:
    """Merges the record named in `merged_id` into the one in the path (the survivor, whose
    version goes in `If-Match`).

        Attributes:
            merged_id (UUID):
            merged_version (int): The merged record's version as the caller saw it (412 when it moved on).
            reason (str):
    """

    merged_id: UUID
    merged_version: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        merged_id = str(self.merged_id)

        merged_version = self.merged_version

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "merged_id": merged_id,
                "merged_version": merged_version,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        merged_id = UUID(d.pop("merged_id"))

        merged_version = d.pop("merged_version")

        reason = d.pop("reason")

        merge_input = cls(
            merged_id=merged_id,
            merged_version=merged_version,
            reason=reason,
        )

        return merge_input
