from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merge_kind import MergeKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merge_counts import MergeCounts
    from ..models.named import Named
    from ..models.record_label import RecordLabel


T = TypeVar("T", bound="MergeDto")


@_attrs_define
class MergeDto:
    """
    Attributes:
        id (UUID):
        kind (MergeKind): The register a merge or a pair belongs to.
        merged (RecordLabel): A record named in a merge or a pair, as lists show it.
        merged_at (datetime.datetime):
        merged_by (Named): A user or unit named on an alert, a merge, a review.
        moved (MergeCounts): What a merge moved.
        reason (str):
        survivor (RecordLabel): A record named in a merge or a pair, as lists show it.
        undo_reason (None | str | Unset):
        undone_at (datetime.datetime | None | Unset):
        undone_by (Named | None | Unset):
    """

    id: UUID
    kind: MergeKind
    merged: RecordLabel
    merged_at: datetime.datetime
    merged_by: Named
    moved: MergeCounts
    reason: str
    survivor: RecordLabel
    undo_reason: None | str | Unset = UNSET
    undone_at: datetime.datetime | None | Unset = UNSET
    undone_by: Named | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind.value

        merged = self.merged.to_dict()

        merged_at = self.merged_at.isoformat()

        merged_by = self.merged_by.to_dict()

        moved = self.moved.to_dict()

        reason = self.reason

        survivor = self.survivor.to_dict()

        undo_reason: None | str | Unset
        if isinstance(self.undo_reason, Unset):
            undo_reason = UNSET
        else:
            undo_reason = self.undo_reason

        undone_at: None | str | Unset
        if isinstance(self.undone_at, Unset):
            undone_at = UNSET
        elif isinstance(self.undone_at, datetime.datetime):
            undone_at = self.undone_at.isoformat()
        else:
            undone_at = self.undone_at

        undone_by: dict[str, Any] | None | Unset
        if isinstance(self.undone_by, Unset):
            undone_by = UNSET
        elif isinstance(self.undone_by, Named):
            undone_by = self.undone_by.to_dict()
        else:
            undone_by = self.undone_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "merged": merged,
                "merged_at": merged_at,
                "merged_by": merged_by,
                "moved": moved,
                "reason": reason,
                "survivor": survivor,
            }
        )
        if undo_reason is not UNSET:
            field_dict["undo_reason"] = undo_reason
        if undone_at is not UNSET:
            field_dict["undone_at"] = undone_at
        if undone_by is not UNSET:
            field_dict["undone_by"] = undone_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_counts import MergeCounts  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415
        from ..models.record_label import RecordLabel  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = MergeKind(d.pop("kind"))

        merged = RecordLabel.from_dict(d.pop("merged"))

        merged_at = datetime.datetime.fromisoformat(d.pop("merged_at"))

        merged_by = Named.from_dict(d.pop("merged_by"))

        moved = MergeCounts.from_dict(d.pop("moved"))

        reason = d.pop("reason")

        survivor = RecordLabel.from_dict(d.pop("survivor"))

        def _parse_undo_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        undo_reason = _parse_undo_reason(d.pop("undo_reason", UNSET))

        def _parse_undone_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                undone_at_type_0 = datetime.datetime.fromisoformat(data)

                return undone_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        undone_at = _parse_undone_at(d.pop("undone_at", UNSET))

        def _parse_undone_by(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                undone_by_type_1 = Named.from_dict(data)

                return undone_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        undone_by = _parse_undone_by(d.pop("undone_by", UNSET))

        merge_dto = cls(
            id=id,
            kind=kind,
            merged=merged,
            merged_at=merged_at,
            merged_by=merged_by,
            moved=moved,
            reason=reason,
            survivor=survivor,
            undo_reason=undo_reason,
            undone_at=undone_at,
            undone_by=undone_by,
        )

        merge_dto.additional_properties = d
        return merge_dto

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
