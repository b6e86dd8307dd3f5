from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partner_status import PartnerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnerDto")


@_attrs_define
class PartnerDto:
    """
    Attributes:
        confirmed_by (UUID): The liaison officer who confirmed the key's fingerprint.
        country (str): ISO 3166-1 alpha-2.
        created_at (datetime.datetime):
        endpoint (str): Base URL of the partner's nCEN (its inbox is `<endpoint>/api/v1/exchange/inbox`).
        fingerprint (str):
        id (UUID):
        name (str):
        public_key (str): Ed25519 public key, 64 hex digits.
        status (PartnerStatus): Whether packages are sent to and accepted from a partner.
        updated_at (datetime.datetime):
        version (int):
        confirmed_by_name (None | str | Unset):
        contact (None | str | Unset):
    """

    confirmed_by: UUID
    country: str
    created_at: datetime.datetime
    endpoint: str
    fingerprint: str
    id: UUID
    name: str
    public_key: str
    status: PartnerStatus
    updated_at: datetime.datetime
    version: int
    confirmed_by_name: None | str | Unset = UNSET
    contact: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmed_by = str(self.confirmed_by)

        country = self.country

        created_at = self.created_at.isoformat()

        endpoint = self.endpoint

        fingerprint = self.fingerprint

        id = str(self.id)

        name = self.name

        public_key = self.public_key

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        confirmed_by_name: None | str | Unset
        if isinstance(self.confirmed_by_name, Unset):
            confirmed_by_name = UNSET
        else:
            confirmed_by_name = self.confirmed_by_name

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmed_by": confirmed_by,
                "country": country,
                "created_at": created_at,
                "endpoint": endpoint,
                "fingerprint": fingerprint,
                "id": id,
                "name": name,
                "public_key": public_key,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if confirmed_by_name is not UNSET:
            field_dict["confirmed_by_name"] = confirmed_by_name
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confirmed_by = UUID(d.pop("confirmed_by"))

        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        endpoint = d.pop("endpoint")

        fingerprint = d.pop("fingerprint")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        public_key = d.pop("public_key")

        status = PartnerStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_confirmed_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirmed_by_name = _parse_confirmed_by_name(d.pop("confirmed_by_name", UNSET))

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        partner_dto = cls(
            confirmed_by=confirmed_by,
            country=country,
            created_at=created_at,
            endpoint=endpoint,
            fingerprint=fingerprint,
            id=id,
            name=name,
            public_key=public_key,
            status=status,
            updated_at=updated_at,
            version=version,
            confirmed_by_name=confirmed_by_name,
            contact=contact,
        )

        partner_dto.additional_properties = d
        return partner_dto

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
