from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateUser")


@_attrs_define
class CreateUser:
    """
    Attributes:
        display_name (str):
        password (str): 12–256 characters, not containing the username.
        roles (list[Role]):
        unit_id (UUID):
        username (str): Lower-case letters, digits, `.`, `_` and `-`; 2–64 characters.
        email (None | str | Unset): An e-mail address (the HTML5 rule).
    """

    display_name: str
    password: str
    roles: list[Role]
    unit_id: UUID
    username: str
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        password = self.password

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        unit_id = str(self.unit_id)

        username = self.username

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
                "password": password,
                "roles": roles,
                "unit_id": unit_id,
                "username": username,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        password = d.pop("password")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        unit_id = UUID(d.pop("unit_id"))

        username = d.pop("username")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        create_user = cls(
            display_name=display_name,
            password=password,
            roles=roles,
            unit_id=unit_id,
            username=username,
            email=email,
        )

        return create_user
