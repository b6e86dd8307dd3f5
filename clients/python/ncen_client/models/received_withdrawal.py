from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReceivedWithdrawal")


@_attrs_define
class ReceivedWithdrawal:
    """The sender withdrew the case (at the version received or a later one).

    Attributes:
        package_id (UUID): The withdrawal package.
        reason (str):
        withdrawn_at (datetime.datetime):
    """

    package_id: UUID
    reason: str
    withdrawn_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        package_id = str(self.package_id)

        reason = self.reason

        withdrawn_at = self.withdrawn_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "package_id": package_id,
                "reason": reason,
                "withdrawn_at": withdrawn_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        package_id = UUID(d.pop("package_id"))

        reason = d.pop("reason")

        withdrawn_at = datetime.datetime.fromisoformat(d.pop("withdrawn_at"))

        received_withdrawal = cls(
            package_id=package_id,
            reason=reason,
            withdrawn_at=withdrawn_at,
        )

        received_withdrawal.additional_properties = d
        return received_withdrawal

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
