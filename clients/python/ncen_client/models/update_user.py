from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateUser")


@_attrs_define
class UpdateUser:
    """A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch of them
    (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
    checked like a creation, so `null` on a required field is a field error.

        Attributes:
            disabled (bool | Unset):
            display_name (str | Unset):
            email (None | str | Unset): `null` removes the address.
                An e-mail address (the HTML5 rule).
            roles (list[Role] | Unset):
            unit_id (UUID | Unset):
    """

    disabled: bool | Unset = UNSET
    display_name: str | Unset = UNSET
    email: None | str | Unset = UNSET
    roles: list[Role] | Unset = UNSET
    unit_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        disabled = self.disabled

        display_name = self.display_name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)

        unit_id: str | Unset = UNSET
        if not isinstance(self.unit_id, Unset):
            unit_id = str(self.unit_id)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if email is not UNSET:
            field_dict["email"] = email
        if roles is not UNSET:
            field_dict["roles"] = roles
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        disabled = d.pop("disabled", UNSET)

        display_name = d.pop("display_name", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        _roles = d.pop("roles", UNSET)
        roles: list[Role] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = Role(roles_item_data)

                roles.append(roles_item)

        _unit_id = d.pop("unit_id", UNSET)
        unit_id: UUID | Unset
        if isinstance(_unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = UUID(_unit_id)

        update_user = cls(
            disabled=disabled,
            display_name=display_name,
            email=email,
            roles=roles,
            unit_id=unit_id,
        )

        return update_user
