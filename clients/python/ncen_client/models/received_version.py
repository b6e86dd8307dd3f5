from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReceivedVersion")


@_attrs_define
class ReceivedVersion:
    """One version of a received case.

    Attributes:
        imported_at (datetime.datetime):
        package_id (UUID):
        received_at (datetime.datetime):
        version (int):
    """

    imported_at: datetime.datetime
    package_id: UUID
    received_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        imported_at = self.imported_at.isoformat()

        package_id = str(self.package_id)

        received_at = self.received_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "imported_at": imported_at,
                "package_id": package_id,
                "received_at": received_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        package_id = UUID(d.pop("package_id"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        version = d.pop("version")

        received_version = cls(
            imported_at=imported_at,
            package_id=package_id,
            received_at=received_at,
            version=version,
        )

        received_version.additional_properties = d
        return received_version

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
