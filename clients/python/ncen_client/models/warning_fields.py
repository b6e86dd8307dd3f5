from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.warning_route import WarningRoute
    from ..models.watch_target import WatchTarget


T = TypeVar("T", bound="WarningFields")


@_attrs_define
class WarningFields:
    """A CENcomm warning's structured fields, as stored and shown.

    Attributes:
        action_requested (str):
        feedback_due (datetime.datetime):
        risk_indicators (list[str]):
        watch (WatchTarget): What a warning asks to watch.
        expected_arrival (datetime.datetime | None | Unset):
        route (None | Unset | WarningRoute):
    """

    action_requested: str
    feedback_due: datetime.datetime
    risk_indicators: list[str]
    watch: WatchTarget
    expected_arrival: datetime.datetime | None | Unset = UNSET
    route: None | Unset | WarningRoute = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.warning_route import WarningRoute  # noqa: PLC0415

        action_requested = self.action_requested

        feedback_due = self.feedback_due.isoformat()

        risk_indicators = self.risk_indicators

        watch = self.watch.to_dict()

        expected_arrival: None | str | Unset
        if isinstance(self.expected_arrival, Unset):
            expected_arrival = UNSET
        elif isinstance(self.expected_arrival, datetime.datetime):
            expected_arrival = self.expected_arrival.isoformat()
        else:
            expected_arrival = self.expected_arrival

        route: dict[str, Any] | None | Unset
        if isinstance(self.route, Unset):
            route = UNSET
        elif isinstance(self.route, WarningRoute):
            route = self.route.to_dict()
        else:
            route = self.route

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_requested": action_requested,
                "feedback_due": feedback_due,
                "risk_indicators": risk_indicators,
                "watch": watch,
            }
        )
        if expected_arrival is not UNSET:
            field_dict["expected_arrival"] = expected_arrival
        if route is not UNSET:
            field_dict["route"] = route

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.warning_route import WarningRoute  # noqa: PLC0415
        from ..models.watch_target import WatchTarget  # noqa: PLC0415

        d = dict(src_dict)
        action_requested = d.pop("action_requested")

        feedback_due = datetime.datetime.fromisoformat(d.pop("feedback_due"))

        risk_indicators = cast(list[str], d.pop("risk_indicators"))

        watch = WatchTarget.from_dict(d.pop("watch"))

        def _parse_expected_arrival(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_arrival_type_0 = datetime.datetime.fromisoformat(data)

                return expected_arrival_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expected_arrival = _parse_expected_arrival(d.pop("expected_arrival", UNSET))

        def _parse_route(data: object) -> None | Unset | WarningRoute:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                route_type_1 = WarningRoute.from_dict(data)

                return route_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WarningRoute, data)

        route = _parse_route(d.pop("route", UNSET))

        warning_fields = cls(
            action_requested=action_requested,
            feedback_due=feedback_due,
            risk_indicators=risk_indicators,
            watch=watch,
            expected_arrival=expected_arrival,
            route=route,
        )

        warning_fields.additional_properties = d
        return warning_fields

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
