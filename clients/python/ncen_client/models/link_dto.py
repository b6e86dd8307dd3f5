from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_kind import TargetKind

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="LinkDto")


@_attrs_define
class LinkDto:
    """
    Attributes:
        created_at (datetime.datetime):
        created_by (Named): A user or unit named on an alert, a merge, a review.
        id (UUID):
        label (str): How lists show the target (a case's reference, a person's name and date of birth…).
        note (str):
        role (str):
        target_id (UUID):
        target_kind (TargetKind): What a link points at.
    """

    created_at: datetime.datetime
    created_by: Named
    id: UUID
    label: str
    note: str
    role: str
    target_id: UUID
    target_kind: TargetKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        id = str(self.id)

        label = self.label

        note = self.note

        role = self.role

        target_id = str(self.target_id)

        target_kind = self.target_kind.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "label": label,
                "note": note,
                "role": role,
                "target_id": target_id,
                "target_kind": target_kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = Named.from_dict(d.pop("created_by"))

        id = UUID(d.pop("id"))

        label = d.pop("label")

        note = d.pop("note")

        role = d.pop("role")

        target_id = UUID(d.pop("target_id"))

        target_kind = TargetKind(d.pop("target_kind"))

        link_dto = cls(
            created_at=created_at,
            created_by=created_by,
            id=id,
            label=label,
            note=note,
            role=role,
            target_id=target_id,
            target_kind=target_kind,
        )

        link_dto.additional_properties = d
        return link_dto

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
