from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.thread_template_type_1_kind import ThreadTemplateType1Kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.warning_route import WarningRoute
    from ..models.watch_target import WatchTarget


T = TypeVar("T", bound="ThreadTemplateType1")


@_attrs_define
class ThreadTemplateType1:
    """A warning: what to watch, where and when, and what to do; feedback is due by
    `feedback_due` (in the future).

        Attributes:
            action_requested (str):
            feedback_due (datetime.datetime):
            kind (ThreadTemplateType1Kind):
            watch (WatchTarget): What a warning asks to watch.
            case_id (None | Unset | UUID):
            expected_arrival (datetime.datetime | None | Unset):
            risk_indicators (list[str] | Unset):
            route (None | Unset | WarningRoute):
    """

    action_requested: str
    feedback_due: datetime.datetime
    kind: ThreadTemplateType1Kind
    watch: WatchTarget
    case_id: None | Unset | UUID = UNSET
    expected_arrival: datetime.datetime | None | Unset = UNSET
    risk_indicators: list[str] | Unset = UNSET
    route: None | Unset | WarningRoute = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.warning_route import WarningRoute  # noqa: PLC0415

        action_requested = self.action_requested

        feedback_due = self.feedback_due.isoformat()

        kind = self.kind.value

        watch = self.watch.to_dict()

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        elif isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        expected_arrival: None | str | Unset
        if isinstance(self.expected_arrival, Unset):
            expected_arrival = UNSET
        elif isinstance(self.expected_arrival, datetime.datetime):
            expected_arrival = self.expected_arrival.isoformat()
        else:
            expected_arrival = self.expected_arrival

        risk_indicators: list[str] | Unset = UNSET
        if not isinstance(self.risk_indicators, Unset):
            risk_indicators = self.risk_indicators

        route: dict[str, Any] | None | Unset
        if isinstance(self.route, Unset):
            route = UNSET
        elif isinstance(self.route, WarningRoute):
            route = self.route.to_dict()
        else:
            route = self.route

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action_requested": action_requested,
                "feedback_due": feedback_due,
                "kind": kind,
                "watch": watch,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if expected_arrival is not UNSET:
            field_dict["expected_arrival"] = expected_arrival
        if risk_indicators is not UNSET:
            field_dict["risk_indicators"] = risk_indicators
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

        kind = ThreadTemplateType1Kind(d.pop("kind"))

        watch = WatchTarget.from_dict(d.pop("watch"))

        def _parse_case_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_id_type_0 = UUID(data)

                return case_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

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

        risk_indicators = cast(list[str], d.pop("risk_indicators", UNSET))

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

        thread_template_type_1 = cls(
            action_requested=action_requested,
            feedback_due=feedback_due,
            kind=kind,
            watch=watch,
            case_id=case_id,
            expected_arrival=expected_arrival,
            risk_indicators=risk_indicators,
            route=route,
        )

        return thread_template_type_1
