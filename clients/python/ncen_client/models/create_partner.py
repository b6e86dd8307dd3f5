from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreatePartner")


@_attrs_define
class CreatePartner:
    """A partner administration, registered with the public key it gave out of band. The
    fingerprint the liaison officer confirmed with the partner (by telephone, in person) must
    be the key's own.

        Attributes:
            country (str): ISO 3166-1 alpha-2 (code list `countries`).
            endpoint (str): `http://` or `https://` base URL, at most 500 characters.
            fingerprint (str): The fingerprint as the partner read it out (case, spaces and colons ignored).
            name (str):
            public_key (str): Ed25519 public key, 64 hex digits.
            contact (None | str | Unset):
    """

    country: str
    endpoint: str
    fingerprint: str
    name: str
    public_key: str
    contact: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        endpoint = self.endpoint

        fingerprint = self.fingerprint

        name = self.name

        public_key = self.public_key

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "endpoint": endpoint,
                "fingerprint": fingerprint,
                "name": name,
                "public_key": public_key,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        endpoint = d.pop("endpoint")

        fingerprint = d.pop("fingerprint")

        name = d.pop("name")

        public_key = d.pop("public_key")

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        create_partner = cls(
            country=country,
            endpoint=endpoint,
            fingerprint=fingerprint,
            name=name,
            public_key=public_key,
            contact=contact,
        )

        return create_partner
