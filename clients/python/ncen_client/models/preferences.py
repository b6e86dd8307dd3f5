from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.notification_kind import NotificationKind

T = TypeVar("T", bound="Preferences")


@_attrs_define
class Preferences:
    """Which kinds also ping the user live (the others only count on the bell).

    Attributes:
        live (list[NotificationKind]): At most one of each kind (a repeated kind counts once).
    """

    live: list[NotificationKind]

    def to_dict(self) -> dict[str, Any]:
        live = []
        for live_item_data in self.live:
            live_item = live_item_data.value
            live.append(live_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "live": live,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        live = []
        _live = d.pop("live")
        for live_item_data in _live:
            live_item = NotificationKind(live_item_data)

            live.append(live_item)

        preferences = cls(
            live=live,
        )

        return preferences
