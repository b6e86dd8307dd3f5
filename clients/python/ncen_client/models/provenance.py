from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Provenance")


@_attrs_define
class Provenance:
    """Where a received record comes from.

    Attributes:
        original_reference (str): The case's reference at the sender.
        package_id (UUID): The package that brought the current version.
        partner_country (str):
        partner_id (UUID):
        partner_name (str):
        received_at (datetime.datetime):
    """

    original_reference: str
    package_id: UUID
    partner_country: str
    partner_id: UUID
    partner_name: str
    received_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        original_reference = self.original_reference

        package_id = str(self.package_id)

        partner_country = self.partner_country

        partner_id = str(self.partner_id)

        partner_name = self.partner_name

        received_at = self.received_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "original_reference": original_reference,
                "package_id": package_id,
                "partner_country": partner_country,
                "partner_id": partner_id,
                "partner_name": partner_name,
                "received_at": received_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        original_reference = d.pop("original_reference")

        package_id = UUID(d.pop("package_id"))

        partner_country = d.pop("partner_country")

        partner_id = UUID(d.pop("partner_id"))

        partner_name = d.pop("partner_name")

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        provenance = cls(
            original_reference=original_reference,
            package_id=package_id,
            partner_country=partner_country,
            partner_id=partner_id,
            partner_name=partner_name,
            received_at=received_at,
        )

        provenance.additional_properties = d
        return provenance

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
