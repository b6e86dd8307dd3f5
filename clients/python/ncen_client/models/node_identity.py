from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NodeIdentity")


@_attrs_define
class NodeIdentity:
    """This node's exchange identity: give the public key and its fingerprint to a partner out of
    band (`ncen exchange key` prints the same).

        Attributes:
            country (str): ISO 3166-1 alpha-2 code of this administration.
            fingerprint (str): First 16 bytes of the key's SHA-256, upper-case hex in groups of four.
            public_key (str): Ed25519 public key, 64 hex digits.
    """

    country: str
    fingerprint: str
    public_key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        fingerprint = self.fingerprint

        public_key = self.public_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "fingerprint": fingerprint,
                "public_key": public_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        fingerprint = d.pop("fingerprint")

        public_key = d.pop("public_key")

        node_identity = cls(
            country=country,
            fingerprint=fingerprint,
            public_key=public_key,
        )

        node_identity.additional_properties = d
        return node_identity

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
