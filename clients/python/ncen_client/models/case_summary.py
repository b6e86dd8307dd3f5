from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_kind import CaseKind
from ..models.case_status import CaseStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goods_brief import GoodsBrief


T = TypeVar("T", bound="CaseSummary")


@_attrs_define
class CaseSummary:
    """A case in a list.

    Attributes:
        commodity_groups (list[str]): Distinct commodity groups of the goods.
        detected_at (datetime.datetime):
        detection_methods (list[str]):
        goods (list[GoodsBrief]): The goods in order: commodity, quantity and unit.
        id (UUID):
        kind (CaseKind): A seizure (goods seized) or an offence without seizure.
        reference (str):
        reporting_unit_id (UUID):
        route (list[str]): The countries of the route in order (origin first).
        status (CaseStatus): Where a case is in its workflow: `draft → submitted → validated` (reopen → draft).
        version (int):
        concealment_method (None | str | Unset):
        country (None | str | Unset):
        direction (None | str | Unset):
        location_type (None | str | Unset):
        place (None | str | Unset):
        sent_back (None | str | Unset): A draft that a supervisor sent back for correction (`return`) or reopened
            (`reopen`)
            and that was not submitted since; null otherwise (the reason is on the case).
    """

    commodity_groups: list[str]
    detected_at: datetime.datetime
    detection_methods: list[str]
    goods: list[GoodsBrief]
    id: UUID
    kind: CaseKind
    reference: str
    reporting_unit_id: UUID
    route: list[str]
    status: CaseStatus
    version: int
    concealment_method: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    direction: None | str | Unset = UNSET
    location_type: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    sent_back: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        commodity_groups = self.commodity_groups

        detected_at = self.detected_at.isoformat()

        detection_methods = self.detection_methods

        goods = []
        for goods_item_data in self.goods:
            goods_item = goods_item_data.to_dict()
            goods.append(goods_item)

        id = str(self.id)

        kind = self.kind.value

        reference = self.reference

        reporting_unit_id = str(self.reporting_unit_id)

        route = self.route

        status = self.status.value

        version = self.version

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

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        sent_back: None | str | Unset
        if isinstance(self.sent_back, Unset):
            sent_back = UNSET
        else:
            sent_back = self.sent_back

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commodity_groups": commodity_groups,
                "detected_at": detected_at,
                "detection_methods": detection_methods,
                "goods": goods,
                "id": id,
                "kind": kind,
                "reference": reference,
                "reporting_unit_id": reporting_unit_id,
                "route": route,
                "status": status,
                "version": version,
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
        if place is not UNSET:
            field_dict["place"] = place
        if sent_back is not UNSET:
            field_dict["sent_back"] = sent_back

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goods_brief import GoodsBrief  # noqa: PLC0415

        d = dict(src_dict)
        commodity_groups = cast(list[str], d.pop("commodity_groups"))

        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        detection_methods = cast(list[str], d.pop("detection_methods"))

        goods = []
        _goods = d.pop("goods")
        for goods_item_data in _goods:
            goods_item = GoodsBrief.from_dict(goods_item_data)

            goods.append(goods_item)

        id = UUID(d.pop("id"))

        kind = CaseKind(d.pop("kind"))

        reference = d.pop("reference")

        reporting_unit_id = UUID(d.pop("reporting_unit_id"))

        route = cast(list[str], d.pop("route"))

        status = CaseStatus(d.pop("status"))

        version = d.pop("version")

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

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_sent_back(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sent_back = _parse_sent_back(d.pop("sent_back", UNSET))

        case_summary = cls(
            commodity_groups=commodity_groups,
            detected_at=detected_at,
            detection_methods=detection_methods,
            goods=goods,
            id=id,
            kind=kind,
            reference=reference,
            reporting_unit_id=reporting_unit_id,
            route=route,
            status=status,
            version=version,
            concealment_method=concealment_method,
            country=country,
            direction=direction,
            location_type=location_type,
            place=place,
            sent_back=sent_back,
        )

        case_summary.additional_properties = d
        return case_summary

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
