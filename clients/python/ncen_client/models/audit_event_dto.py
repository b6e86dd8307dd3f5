from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEventDto")


@_attrs_define
class AuditEventDto:
    """
    Attributes:
        action (str): e.g. `auth.login`, `user.create`, `codelist.entry_update`.
        details (Any):
        id (int):
        occurred_at (datetime.datetime):
        outcome (str): `success`, `failure`, `denied` or `throttled`.
        actor_id (None | Unset | UUID):
        actor_name (None | str | Unset): The actor's display name now.
        actor_username (None | str | Unset):
        ip (None | str | Unset):
        object_id (None | str | Unset):
        object_label (None | str | Unset): What the object is called: a case's reference, a person's, company's, user's
            or unit's
            name, a conveyance's identifier, a thread's subject (when it still exists).
        object_type (None | str | Unset):
        request_id (None | str | Unset):
    """

    action: str
    details: Any
    id: int
    occurred_at: datetime.datetime
    outcome: str
    actor_id: None | Unset | UUID = UNSET
    actor_name: None | str | Unset = UNSET
    actor_username: None | str | Unset = UNSET
    ip: None | str | Unset = UNSET
    object_id: None | str | Unset = UNSET
    object_label: None | str | Unset = UNSET
    object_type: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        details = self.details

        id = self.id

        occurred_at = self.occurred_at.isoformat()

        outcome = self.outcome

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_name: None | str | Unset
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        actor_username: None | str | Unset
        if isinstance(self.actor_username, Unset):
            actor_username = UNSET
        else:
            actor_username = self.actor_username

        ip: None | str | Unset
        if isinstance(self.ip, Unset):
            ip = UNSET
        else:
            ip = self.ip

        object_id: None | str | Unset
        if isinstance(self.object_id, Unset):
            object_id = UNSET
        else:
            object_id = self.object_id

        object_label: None | str | Unset
        if isinstance(self.object_label, Unset):
            object_label = UNSET
        else:
            object_label = self.object_label

        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        else:
            object_type = self.object_type

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "details": details,
                "id": id,
                "occurred_at": occurred_at,
                "outcome": outcome,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if actor_username is not UNSET:
            field_dict["actor_username"] = actor_username
        if ip is not UNSET:
            field_dict["ip"] = ip
        if object_id is not UNSET:
            field_dict["object_id"] = object_id
        if object_label is not UNSET:
            field_dict["object_label"] = object_label
        if object_type is not UNSET:
            field_dict["object_type"] = object_type
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        details = d.pop("details")

        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        outcome = d.pop("outcome")

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

        def _parse_actor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))

        def _parse_actor_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_username = _parse_actor_username(d.pop("actor_username", UNSET))

        def _parse_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip = _parse_ip(d.pop("ip", UNSET))

        def _parse_object_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_id = _parse_object_id(d.pop("object_id", UNSET))

        def _parse_object_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_label = _parse_object_label(d.pop("object_label", UNSET))

        def _parse_object_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_type = _parse_object_type(d.pop("object_type", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        audit_event_dto = cls(
            action=action,
            details=details,
            id=id,
            occurred_at=occurred_at,
            outcome=outcome,
            actor_id=actor_id,
            actor_name=actor_name,
            actor_username=actor_username,
            ip=ip,
            object_id=object_id,
            object_label=object_label,
            object_type=object_type,
            request_id=request_id,
        )

        audit_event_dto.additional_properties = d
        return audit_event_dto

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
