from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.summary_goods import SummaryGoods
    from ..models.summary_leg import SummaryLeg


T = TypeVar("T", bound="SeizureSummary")


@_attrs_define
class SeizureSummary:
    """A seizure case's non-nominal summary, as a seizure message carries it (no person,
    company, conveyance, narrative or free description: what the global CEN would receive).

        Attributes:
            case_id (UUID):
            detected_at (datetime.datetime):
            detection_methods (list[str]):
            goods (list[SummaryGoods]):
            reference (str):
            route (list[SummaryLeg]):
            concealment_method (None | str | Unset):
            country (None | str | Unset):
            direction (None | str | Unset):
            location_type (None | str | Unset):
            summary_non_nominal (None | str | Unset):
            unlocode (None | str | Unset):
    """

    case_id: UUID
    detected_at: datetime.datetime
    detection_methods: list[str]
    goods: list[SummaryGoods]
    reference: str
    route: list[SummaryLeg]
    concealment_method: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    direction: None | str | Unset = UNSET
    location_type: None | str | Unset = UNSET
    summary_non_nominal: None | str | Unset = UNSET
    unlocode: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        detected_at = self.detected_at.isoformat()

        detection_methods = self.detection_methods

        goods = []
        for goods_item_data in self.goods:
            goods_item = goods_item_data.to_dict()
            goods.append(goods_item)

        reference = self.reference

        route = []
        for route_item_data in self.route:
            route_item = route_item_data.to_dict()
            route.append(route_item)

        concealment_method: None | str | Unset
        if isinstance(self.concealment_method, Unset):
            concealment_method = UNSET
        else:
            concealment_method = self.concealment_method

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        else:
            direction = self.direction

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        summary_non_nominal: None | str | Unset
        if isinstance(self.summary_non_nominal, Unset):
            summary_non_nominal = UNSET
        else:
            summary_non_nominal = self.summary_non_nominal

        unlocode: None | str | Unset
        if isinstance(self.unlocode, Unset):
            unlocode = UNSET
        else:
            unlocode = self.unlocode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "detected_at": detected_at,
                "detection_methods": detection_methods,
                "goods": goods,
                "reference": reference,
                "route": route,
            }
        )
        if concealment_method is not UNSET:
            field_dict["concealment_method"] = concealment_method
        if country is not UNSET:
            field_dict["country"] = country
        if direction is not UNSET:
            field_dict["direction"] = direction
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if summary_non_nominal is not UNSET:
            field_dict["summary_non_nominal"] = summary_non_nominal
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.summary_goods import SummaryGoods  # noqa: PLC0415
        from ..models.summary_leg import SummaryLeg  # noqa: PLC0415

        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        detection_methods = cast(list[str], d.pop("detection_methods"))

        goods = []
        _goods = d.pop("goods")
        for goods_item_data in _goods:
            goods_item = SummaryGoods.from_dict(goods_item_data)

            goods.append(goods_item)

        reference = d.pop("reference")

        route = []
        _route = d.pop("route")
        for route_item_data in _route:
            route_item = SummaryLeg.from_dict(route_item_data)

            route.append(route_item)

        def _parse_concealment_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        concealment_method = _parse_concealment_method(d.pop("concealment_method", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_direction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        def _parse_summary_non_nominal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary_non_nominal = _parse_summary_non_nominal(d.pop("summary_non_nominal", UNSET))

        def _parse_unlocode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unlocode = _parse_unlocode(d.pop("unlocode", UNSET))

        seizure_summary = cls(
            case_id=case_id,
            detected_at=detected_at,
            detection_methods=detection_methods,
            goods=goods,
            reference=reference,
            route=route,
            concealment_method=concealment_method,
            country=country,
            direction=direction,
            location_type=location_type,
            summary_non_nominal=summary_non_nominal,
            unlocode=unlocode,
        )

        seizure_summary.additional_properties = d
        return seizure_summary

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
