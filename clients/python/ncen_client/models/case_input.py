from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.age_band import AgeBand
from ..models.case_kind import CaseKind
from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_link_input import CompanyLinkInput
    from ..models.conveyance_link_input import ConveyanceLinkInput
    from ..models.goods_input import GoodsInput
    from ..models.person_link_input import PersonLinkInput
    from ..models.route_leg_input import RouteLegInput


T = TypeVar("T", bound="CaseInput")


@_attrs_define
class CaseInput:
    """A case as entered (create), or — as a JSON merge patch — the fields to change.

    Attributes:
        detected_at (datetime.datetime): Date and time of detection; not in the future.
        kind (CaseKind): A seizure (goods seized) or an offence without seizure.
        companies (list[CompanyLinkInput] | Unset):
        concealment_description (None | str | Unset):
        concealment_method (None | str | Unset): Code from `concealment_methods`.
        conveyances (list[ConveyanceLinkInput] | Unset):
        country (None | str | Unset): ISO 3166-1 alpha-2 code of where it happened.
        customs_procedure (None | str | Unset):
        declaration_reference (None | str | Unset): Nominal when it identifies a trader.
        detection_methods (list[str] | Unset): Codes from `detection_methods`.
        direction (None | str | Unset): Code from `directions`.
        goods (list[GoodsInput] | Unset): One or more for a seizure; none for an offence.
        latitude (float | None | Unset):
        location_type (None | str | Unset): Code from `location_types`.
        longitude (float | None | Unset):
        narrative (None | str | Unset): Free text; nominal (it may name people).
        offender_age_band (AgeBand | None | Unset):
        offender_gender (Gender | None | Unset):
        offender_nationality (None | str | Unset): ISO 3166-1 alpha-2 code.
        persons (list[PersonLinkInput] | Unset):
        place (None | str | Unset): Customs office or place.
        route (list[RouteLegInput] | Unset):
        summary_non_nominal (None | str | Unset): Written for CEN; must not name anyone.
        unlocode (None | str | Unset): UN/LOCODE (`FRPAR`); one space after the country part is allowed, and lower case.
    """

    detected_at: datetime.datetime
    kind: CaseKind
    companies: list[CompanyLinkInput] | Unset = UNSET
    concealment_description: None | str | Unset = UNSET
    concealment_method: None | str | Unset = UNSET
    conveyances: list[ConveyanceLinkInput] | Unset = UNSET
    country: None | str | Unset = UNSET
    customs_procedure: None | str | Unset = UNSET
    declaration_reference: None | str | Unset = UNSET
    detection_methods: list[str] | Unset = UNSET
    direction: None | str | Unset = UNSET
    goods: list[GoodsInput] | Unset = UNSET
    latitude: float | None | Unset = UNSET
    location_type: None | str | Unset = UNSET
    longitude: float | None | Unset = UNSET
    narrative: None | str | Unset = UNSET
    offender_age_band: AgeBand | None | Unset = UNSET
    offender_gender: Gender | None | Unset = UNSET
    offender_nationality: None | str | Unset = UNSET
    persons: list[PersonLinkInput] | Unset = UNSET
    place: None | str | Unset = UNSET
    route: list[RouteLegInput] | Unset = UNSET
    summary_non_nominal: None | str | Unset = UNSET
    unlocode: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        detected_at = self.detected_at.isoformat()

        kind = self.kind.value

        companies: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.companies, Unset):
            companies = []
            for companies_item_data in self.companies:
                companies_item = companies_item_data.to_dict()
                companies.append(companies_item)

        concealment_description: None | str | Unset
        if isinstance(self.concealment_description, Unset):
            concealment_description = UNSET
        else:
            concealment_description = self.concealment_description

        concealment_method: None | str | Unset
        if isinstance(self.concealment_method, Unset):
            concealment_method = UNSET
        else:
            concealment_method = self.concealment_method

        conveyances: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.conveyances, Unset):
            conveyances = []
            for conveyances_item_data in self.conveyances:
                conveyances_item = conveyances_item_data.to_dict()
                conveyances.append(conveyances_item)

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        customs_procedure: None | str | Unset
        if isinstance(self.customs_procedure, Unset):
            customs_procedure = UNSET
        else:
            customs_procedure = self.customs_procedure

        declaration_reference: None | str | Unset
        if isinstance(self.declaration_reference, Unset):
            declaration_reference = UNSET
        else:
            declaration_reference = self.declaration_reference

        detection_methods: list[str] | Unset = UNSET
        if not isinstance(self.detection_methods, Unset):
            detection_methods = self.detection_methods

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        else:
            direction = self.direction

        goods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.goods, Unset):
            goods = []
            for goods_item_data in self.goods:
                goods_item = goods_item_data.to_dict()
                goods.append(goods_item)

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        narrative: None | str | Unset
        if isinstance(self.narrative, Unset):
            narrative = UNSET
        else:
            narrative = self.narrative

        offender_age_band: None | str | Unset
        if isinstance(self.offender_age_band, Unset):
            offender_age_band = UNSET
        elif isinstance(self.offender_age_band, AgeBand):
            offender_age_band = self.offender_age_band.value
        else:
            offender_age_band = self.offender_age_band

        offender_gender: None | str | Unset
        if isinstance(self.offender_gender, Unset):
            offender_gender = UNSET
        elif isinstance(self.offender_gender, Gender):
            offender_gender = self.offender_gender.value
        else:
            offender_gender = self.offender_gender

        offender_nationality: None | str | Unset
        if isinstance(self.offender_nationality, Unset):
            offender_nationality = UNSET
        else:
            offender_nationality = self.offender_nationality

        persons: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.persons, Unset):
            persons = []
            for persons_item_data in self.persons:
                persons_item = persons_item_data.to_dict()
                persons.append(persons_item)

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        route: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.route, Unset):
            route = []
            for route_item_data in self.route:
                route_item = route_item_data.to_dict()
                route.append(route_item)

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

        field_dict.update(
            {
                "detected_at": detected_at,
                "kind": kind,
            }
        )
        if companies is not UNSET:
            field_dict["companies"] = companies
        if concealment_description is not UNSET:
            field_dict["concealment_description"] = concealment_description
        if concealment_method is not UNSET:
            field_dict["concealment_method"] = concealment_method
        if conveyances is not UNSET:
            field_dict["conveyances"] = conveyances
        if country is not UNSET:
            field_dict["country"] = country
        if customs_procedure is not UNSET:
            field_dict["customs_procedure"] = customs_procedure
        if declaration_reference is not UNSET:
            field_dict["declaration_reference"] = declaration_reference
        if detection_methods is not UNSET:
            field_dict["detection_methods"] = detection_methods
        if direction is not UNSET:
            field_dict["direction"] = direction
        if goods is not UNSET:
            field_dict["goods"] = goods
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if narrative is not UNSET:
            field_dict["narrative"] = narrative
        if offender_age_band is not UNSET:
            field_dict["offender_age_band"] = offender_age_band
        if offender_gender is not UNSET:
            field_dict["offender_gender"] = offender_gender
        if offender_nationality is not UNSET:
            field_dict["offender_nationality"] = offender_nationality
        if persons is not UNSET:
            field_dict["persons"] = persons
        if place is not UNSET:
            field_dict["place"] = place
        if route is not UNSET:
            field_dict["route"] = route
        if summary_non_nominal is not UNSET:
            field_dict["summary_non_nominal"] = summary_non_nominal
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_link_input import CompanyLinkInput  # noqa: PLC0415
        from ..models.conveyance_link_input import ConveyanceLinkInput  # noqa: PLC0415
        from ..models.goods_input import GoodsInput  # noqa: PLC0415
        from ..models.person_link_input import PersonLinkInput  # noqa: PLC0415
        from ..models.route_leg_input import RouteLegInput  # noqa: PLC0415

        d = dict(src_dict)
        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        kind = CaseKind(d.pop("kind"))

        _companies = d.pop("companies", UNSET)
        companies: list[CompanyLinkInput] | Unset = UNSET
        if _companies is not UNSET:
            companies = []
            for companies_item_data in _companies:
                companies_item = CompanyLinkInput.from_dict(companies_item_data)

                companies.append(companies_item)

        def _parse_concealment_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        concealment_description = _parse_concealment_description(d.pop("concealment_description", UNSET))

        def _parse_concealment_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        concealment_method = _parse_concealment_method(d.pop("concealment_method", UNSET))

        _conveyances = d.pop("conveyances", UNSET)
        conveyances: list[ConveyanceLinkInput] | Unset = UNSET
        if _conveyances is not UNSET:
            conveyances = []
            for conveyances_item_data in _conveyances:
                conveyances_item = ConveyanceLinkInput.from_dict(conveyances_item_data)

                conveyances.append(conveyances_item)

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_customs_procedure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customs_procedure = _parse_customs_procedure(d.pop("customs_procedure", UNSET))

        def _parse_declaration_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        declaration_reference = _parse_declaration_reference(d.pop("declaration_reference", UNSET))

        detection_methods = cast(list[str], d.pop("detection_methods", UNSET))

        def _parse_direction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        _goods = d.pop("goods", UNSET)
        goods: list[GoodsInput] | Unset = UNSET
        if _goods is not UNSET:
            goods = []
            for goods_item_data in _goods:
                goods_item = GoodsInput.from_dict(goods_item_data)

                goods.append(goods_item)

        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        def _parse_narrative(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        narrative = _parse_narrative(d.pop("narrative", UNSET))

        def _parse_offender_age_band(data: object) -> AgeBand | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offender_age_band_type_1 = AgeBand(data)

                return offender_age_band_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgeBand | None | Unset, data)

        offender_age_band = _parse_offender_age_band(d.pop("offender_age_band", UNSET))

        def _parse_offender_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                offender_gender_type_1 = Gender(data)

                return offender_gender_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        offender_gender = _parse_offender_gender(d.pop("offender_gender", UNSET))

        def _parse_offender_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offender_nationality = _parse_offender_nationality(d.pop("offender_nationality", UNSET))

        _persons = d.pop("persons", UNSET)
        persons: list[PersonLinkInput] | Unset = UNSET
        if _persons is not UNSET:
            persons = []
            for persons_item_data in _persons:
                persons_item = PersonLinkInput.from_dict(persons_item_data)

                persons.append(persons_item)

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        _route = d.pop("route", UNSET)
        route: list[RouteLegInput] | Unset = UNSET
        if _route is not UNSET:
            route = []
            for route_item_data in _route:
                route_item = RouteLegInput.from_dict(route_item_data)

                route.append(route_item)

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

        case_input = cls(
            detected_at=detected_at,
            kind=kind,
            companies=companies,
            concealment_description=concealment_description,
            concealment_method=concealment_method,
            conveyances=conveyances,
            country=country,
            customs_procedure=customs_procedure,
            declaration_reference=declaration_reference,
            detection_methods=detection_methods,
            direction=direction,
            goods=goods,
            latitude=latitude,
            location_type=location_type,
            longitude=longitude,
            narrative=narrative,
            offender_age_band=offender_age_band,
            offender_gender=offender_gender,
            offender_nationality=offender_nationality,
            persons=persons,
            place=place,
            route=route,
            summary_non_nominal=summary_non_nominal,
            unlocode=unlocode,
        )

        return case_input
