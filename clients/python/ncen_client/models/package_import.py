from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PackageImport")


@_attrs_define
class PackageImport:
    """What an import did.

    Attributes:
        alert_hits (int): Persons and companies that may hit an active alert (the alerts' owners are notified).
        created (int): Cases new to this node.
        package_id (UUID):
        received_case_ids (list[UUID]): The received cases the package touched, in its order.
        unchanged (int): Cases already here at this version or a later one.
        updated (int): Cases received before, now at a higher version.
        withdrawn (list[str]): References the sender withdrew at this version since it sent the package: not imported.
    """

    alert_hits: int
    created: int
    package_id: UUID
    received_case_ids: list[UUID]
    unchanged: int
    updated: int
    withdrawn: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_hits = self.alert_hits

        created = self.created

        package_id = str(self.package_id)

        received_case_ids = []
        for received_case_ids_item_data in self.received_case_ids:
            received_case_ids_item = str(received_case_ids_item_data)
            received_case_ids.append(received_case_ids_item)

        unchanged = self.unchanged

        updated = self.updated

        withdrawn = self.withdrawn

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert_hits": alert_hits,
                "created": created,
                "package_id": package_id,
                "received_case_ids": received_case_ids,
                "unchanged": unchanged,
                "updated": updated,
                "withdrawn": withdrawn,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alert_hits = d.pop("alert_hits")

        created = d.pop("created")

        package_id = UUID(d.pop("package_id"))

        received_case_ids = []
        _received_case_ids = d.pop("received_case_ids")
        for received_case_ids_item_data in _received_case_ids:
            received_case_ids_item = UUID(received_case_ids_item_data)

            received_case_ids.append(received_case_ids_item)

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        withdrawn = cast(list[str], d.pop("withdrawn"))

        package_import = cls(
            alert_hits=alert_hits,
            created=created,
            package_id=package_id,
            received_case_ids=received_case_ids,
            unchanged=unchanged,
            updated=updated,
            withdrawn=withdrawn,
        )

        package_import.additional_properties = d
        return package_import

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
