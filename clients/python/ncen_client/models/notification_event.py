from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.notification_dto import NotificationDto


T = TypeVar("T", bound="NotificationEvent")


@_attrs_define
class NotificationEvent:
    """`event: notification` — a new (or grown) notification; `ping` when the user chose to be
    told of this kind live.

        Attributes:
            notification (NotificationDto):
            ping (bool):
    """

    notification: NotificationDto
    ping: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notification = self.notification.to_dict()

        ping = self.ping

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notification": notification,
                "ping": ping,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_dto import NotificationDto  # noqa: PLC0415

        d = dict(src_dict)
        notification = NotificationDto.from_dict(d.pop("notification"))

        ping = d.pop("ping")

        notification_event = cls(
            notification=notification,
            ping=ping,
        )

        notification_event.additional_properties = d
        return notification_event

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
