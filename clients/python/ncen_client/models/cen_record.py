from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cen_goods import CenGoods


T = TypeVar("T", bound="CenRecord")


@_attrs_define
class CenRecord:
    """One seizure as CEN receives it: nothing in it names anyone.

    Attributes:
        case_reference (str): The case's reference in this nCEN (identifies the case, not a person).
        case_version (int):
        conveyance_types (list[str]):
        departure_countries (list[str]):
        destination_countries (list[str]):
        detection_methods (list[str]):
        goods (list[CenGoods]):
        origin_countries (list[str]):
        seizure_date (str): Day of detection (UTC).
        transit_countries (list[str]):
        concealment_method (None | str | Unset):
        country (None | str | Unset):
        direction (None | str | Unset):
        location_type (None | str | Unset):
        offender_age_band (None | str | Unset):
        offender_gender (None | str | Unset):
        offender_nationality (None | str | Unset):
        unlocode (None | str | Unset):
    """

    case_reference: str
    case_version: int
    conveyance_types: list[str]
    departure_countries: list[str]
    destination_countries: list[str]
    detection_methods: list[str]
    goods: list[CenGoods]
    origin_countries: list[str]
    seizure_date: str
    transit_countries: list[str]
    concealment_method: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    direction: None | str | Unset = UNSET
    location_type: None | str | Unset = UNSET
    offender_age_band: None | str | Unset = UNSET
    offender_gender: None | str | Unset = UNSET
    offender_nationality: None | str | Unset = UNSET
    unlocode: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_reference = self.case_reference

        case_version = self.case_version

        conveyance_types = self.conveyance_types

        departure_countries = self.departure_countries

        destination_countries = self.destination_countries

        detection_methods = self.detection_methods

        goods = []
        for goods_item_data in self.goods:
            goods_item = goods_item_data.to_dict()
            goods.append(goods_item)

        origin_countries = self.origin_countries

        seizure_date = self.seizure_date

        transit_countries = self.transit_countries

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

        offender_age_band: None | str | Unset
        if isinstance(self.offender_age_band, Unset):
            offender_age_band = UNSET
        else:
            offender_age_band = self.offender_age_band

        offender_gender: None | str | Unset
        if isinstance(self.offender_gender, Unset):
            offender_gender = UNSET
        else:
            offender_gender = self.offender_gender

        offender_nationality: None | str | Unset
        if isinstance(self.offender_nationality, Unset):
            offender_nationality = UNSET
        else:
            offender_nationality = self.offender_nationality

        unlocode: None | str | Unset
        if isinstance(self.unlocode, Unset):
            unlocode = UNSET
        else:
            unlocode = self.unlocode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_reference": case_reference,
                "case_version": case_version,
                "conveyance_types": conveyance_types,
                "departure_countries": departure_countries,
                "destination_countries": destination_countries,
                "detection_methods": detection_methods,
                "goods": goods,
                "origin_countries": origin_countries,
                "seizure_date": seizure_date,
                "transit_countries": transit_countries,
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
        if offender_age_band is not UNSET:
            field_dict["offender_age_band"] = offender_age_band
        if offender_gender is not UNSET:
            field_dict["offender_gender"] = offender_gender
        if offender_nationality is not UNSET:
            field_dict["offender_nationality"] = offender_nationality
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cen_goods import CenGoods  # noqa: PLC0415

        d = dict(src_dict)
        case_reference = d.pop("case_reference")

        case_version = d.pop("case_version")

        conveyance_types = cast(list[str], d.pop("conveyance_types"))

        departure_countries = cast(list[str], d.pop("departure_countries"))

        destination_countries = cast(list[str], d.pop("destination_countries"))

        detection_methods = cast(list[str], d.pop("detection_methods"))

        goods = []
        _goods = d.pop("goods")
        for goods_item_data in _goods:
            goods_item = CenGoods.from_dict(goods_item_data)

            goods.append(goods_item)

        origin_countries = cast(list[str], d.pop("origin_countries"))

        seizure_date = d.pop("seizure_date")

        transit_countries = cast(list[str], d.pop("transit_countries"))

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

        def _parse_offender_age_band(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offender_age_band = _parse_offender_age_band(d.pop("offender_age_band", UNSET))

        def _parse_offender_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offender_gender = _parse_offender_gender(d.pop("offender_gender", UNSET))

        def _parse_offender_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offender_nationality = _parse_offender_nationality(d.pop("offender_nationality", UNSET))

        def _parse_unlocode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unlocode = _parse_unlocode(d.pop("unlocode", UNSET))

        cen_record = cls(
            case_reference=case_reference,
            case_version=case_version,
            conveyance_types=conveyance_types,
            departure_countries=departure_countries,
            destination_countries=destination_countries,
            detection_methods=detection_methods,
            goods=goods,
            origin_countries=origin_countries,
            seizure_date=seizure_date,
            transit_countries=transit_countries,
            concealment_method=concealment_method,
            country=country,
            direction=direction,
            location_type=location_type,
            offender_age_band=offender_age_band,
            offender_gender=offender_gender,
            offender_nationality=offender_nationality,
            unlocode=unlocode,
        )

        cen_record.additional_properties = d
        return cen_record

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
