from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.record_change_changes import RecordChangeChanges


T = TypeVar("T", bound="RecordChange")


@_attrs_define
class RecordChange:
    """One change to a register record.

    Attributes:
        action (str): `create` or `update`.
        at (datetime.datetime):
        changes (RecordChangeChanges): `{field: {old, new}}` for every field that changed (on `create`, every field
            given).
        id (int):
        version (int): The version the change produced.
        actor_id (None | Unset | UUID):
        actor_username (None | str | Unset):
    """

    action: str
    at: datetime.datetime
    changes: RecordChangeChanges
    id: int
    version: int
    actor_id: None | Unset | UUID = UNSET
    actor_username: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        changes = self.changes.to_dict()

        id = self.id

        version = self.version

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_username: None | str | Unset
        if isinstance(self.actor_username, Unset):
            actor_username = UNSET
        else:
            actor_username = self.actor_username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "changes": changes,
                "id": id,
                "version": version,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_username is not UNSET:
            field_dict["actor_username"] = actor_username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_change_changes import RecordChangeChanges  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        changes = RecordChangeChanges.from_dict(d.pop("changes"))

        id = d.pop("id")

        version = d.pop("version")

        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_actor_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_username = _parse_actor_username(d.pop("actor_username", UNSET))

        record_change = cls(
            action=action,
            at=at,
            changes=changes,
            id=id,
            version=version,
            actor_id=actor_id,
            actor_username=actor_username,
        )

        record_change.additional_properties = d
        return record_change

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
