from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.office_dto import OfficeDto


T = TypeVar("T", bound="MeDto")


@_attrs_define
class MeDto:
    """
    Attributes:
        country (str): This administration's ISO 3166-1 alpha-2 code (`XX` when not configured).
        created_at (datetime.datetime):
        disabled (bool):
        display_name (str):
        id (UUID):
        permissions (list[str]): What the user's roles allow, e.g. `users.manage`, `audit.read`.
        roles (list[Role]):
        unit_id (UUID):
        updated_at (datetime.datetime):
        username (str):
        version (int): Send back in `If-Match` when updating.
        currency (None | str | Unset): This administration's ISO 4217 currency, when configured.
        disabled_at (datetime.datetime | None | Unset):
        email (None | str | Unset):
        office (None | OfficeDto | Unset):
        unit_name (None | str | Unset):
    """

    country: str
    created_at: datetime.datetime
    disabled: bool
    display_name: str
    id: UUID
    permissions: list[str]
    roles: list[Role]
    unit_id: UUID
    updated_at: datetime.datetime
    username: str
    version: int
    currency: None | str | Unset = UNSET
    disabled_at: datetime.datetime | None | Unset = UNSET
    email: None | str | Unset = UNSET
    office: None | OfficeDto | Unset = UNSET
    unit_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.office_dto import OfficeDto  # noqa: PLC0415

        country = self.country

        created_at = self.created_at.isoformat()

        disabled = self.disabled

        display_name = self.display_name

        id = str(self.id)

        permissions = self.permissions

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        unit_id = str(self.unit_id)

        updated_at = self.updated_at.isoformat()

        username = self.username

        version = self.version

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        elif isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        office: dict[str, Any] | None | Unset
        if isinstance(self.office, Unset):
            office = UNSET
        elif isinstance(self.office, OfficeDto):
            office = self.office.to_dict()
        else:
            office = self.office

        unit_name: None | str | Unset
        if isinstance(self.unit_name, Unset):
            unit_name = UNSET
        else:
            unit_name = self.unit_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "created_at": created_at,
                "disabled": disabled,
                "display_name": display_name,
                "id": id,
                "permissions": permissions,
                "roles": roles,
                "unit_id": unit_id,
                "updated_at": updated_at,
                "username": username,
                "version": version,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if email is not UNSET:
            field_dict["email"] = email
        if office is not UNSET:
            field_dict["office"] = office
        if unit_name is not UNSET:
            field_dict["unit_name"] = unit_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.office_dto import OfficeDto  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        disabled = d.pop("disabled")

        display_name = d.pop("display_name")

        id = UUID(d.pop("id"))

        permissions = cast(list[str], d.pop("permissions"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        unit_id = UUID(d.pop("unit_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        username = d.pop("username")

        version = d.pop("version")

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_disabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_office(data: object) -> None | OfficeDto | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                office_type_1 = OfficeDto.from_dict(data)

                return office_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfficeDto | Unset, data)

        office = _parse_office(d.pop("office", UNSET))

        def _parse_unit_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_name = _parse_unit_name(d.pop("unit_name", UNSET))

        me_dto = cls(
            country=country,
            created_at=created_at,
            disabled=disabled,
            display_name=display_name,
            id=id,
            permissions=permissions,
            roles=roles,
            unit_id=unit_id,
            updated_at=updated_at,
            username=username,
            version=version,
            currency=currency,
            disabled_at=disabled_at,
            email=email,
            office=office,
            unit_name=unit_name,
        )

        me_dto.additional_properties = d
        return me_dto

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
