from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.partner_status import PartnerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatePartner")


@_attrs_define
class UpdatePartner:
    """A partner's editable fields (`PATCH /exchange/partners/{id}`, JSON merge patch). A new
    key is a new partner: register it, then suspend this one.

        Attributes:
            contact (None | str | Unset):
            endpoint (str | Unset):
            name (str | Unset):
            status (PartnerStatus | Unset): Whether packages are sent to and accepted from a partner.
    """

    contact: None | str | Unset = UNSET
    endpoint: str | Unset = UNSET
    name: str | Unset = UNSET
    status: PartnerStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        endpoint = self.endpoint

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contact is not UNSET:
            field_dict["contact"] = contact
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        endpoint = d.pop("endpoint", UNSET)

        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: PartnerStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PartnerStatus(_status)

        update_partner = cls(
            contact=contact,
            endpoint=endpoint,
            name=name,
            status=status,
        )

        return update_partner
