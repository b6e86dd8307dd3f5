from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="MemberDto")


@_attrs_define
class MemberDto:
    """
    Attributes:
        added_at (datetime.datetime):
        added_by (Named): A user or unit named on an alert, a merge, a review.
        id (UUID):
        unit (Named | None | Unset):
        user (Named | None | Unset):
    """

    added_at: datetime.datetime
    added_by: Named
    id: UUID
    unit: Named | None | Unset = UNSET
    user: Named | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        added_at = self.added_at.isoformat()

        added_by = self.added_by.to_dict()

        id = str(self.id)

        unit: dict[str, Any] | None | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, Named):
            unit = self.unit.to_dict()
        else:
            unit = self.unit

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, Named):
            user = self.user.to_dict()
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_at": added_at,
                "added_by": added_by,
                "id": id,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        added_by = Named.from_dict(d.pop("added_by"))

        id = UUID(d.pop("id"))

        def _parse_unit(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unit_type_1 = Named.from_dict(data)

                return unit_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        def _parse_user(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_1 = Named.from_dict(data)

                return user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        member_dto = cls(
            added_at=added_at,
            added_by=added_by,
            id=id,
            unit=unit,
            user=user,
        )

        member_dto.additional_properties = d
        return member_dto

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
