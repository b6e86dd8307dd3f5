from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="CompanyFlag")


@_attrs_define
class CompanyFlag:
    """
    Attributes:
        id (UUID):
        points (int):
        reason (str):
        set_at (datetime.datetime):
        set_by (Named): A user or unit named on an alert, a merge, a review.
    """

    id: UUID
    points: int
    reason: str
    set_at: datetime.datetime
    set_by: Named
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        points = self.points

        reason = self.reason

        set_at = self.set_at.isoformat()

        set_by = self.set_by.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "points": points,
                "reason": reason,
                "set_at": set_at,
                "set_by": set_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        points = d.pop("points")

        reason = d.pop("reason")

        set_at = datetime.datetime.fromisoformat(d.pop("set_at"))

        set_by = Named.from_dict(d.pop("set_by"))

        company_flag = cls(
            id=id,
            points=points,
            reason=reason,
            set_at=set_at,
            set_by=set_by,
        )

        company_flag.additional_properties = d
        return company_flag

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
