from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.age_band import AgeBand
from ..models.case_kind import CaseKind
from ..models.case_status import CaseStatus
from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment_dto import AttachmentDto
    from ..models.goods_dto import GoodsDto
    from ..models.linked_company import LinkedCompany
    from ..models.linked_conveyance import LinkedConveyance
    from ..models.linked_person import LinkedPerson
    from ..models.reopen_note import ReopenNote
    from ..models.route_leg_input import RouteLegInput


T = TypeVar("T", bound="CaseDto")


@_attrs_define
class CaseDto:
    """A whole case: goods, route, concealment and linked records in one document.

    Attributes:
        attachments (list[AttachmentDto]): Photos, X-ray images and documents (metadata; download each by its
            `content_url`).
        companies (list[LinkedCompany]):
        contributors (list[UUID]): The users who created, edited or submitted the case. None of them may validate it
            (four eyes): another supervisor must.
        conveyances (list[LinkedConveyance]):
        created_at (datetime.datetime):
        created_by (UUID):
        detected_at (datetime.datetime):
        detection_methods (list[str]):
        goods (list[GoodsDto]):
        id (UUID):
        kind (CaseKind): A seizure (goods seized) or an offence without seizure.
        persons (list[LinkedPerson]):
        reference (str): `<country>-<year>-<sequence>`, unique.
        reporting_officer_id (UUID):
        reporting_unit_id (UUID):
        route (list[RouteLegInput]):
        status (CaseStatus): Where a case is in its workflow: `draft → submitted → validated` (reopen → draft).
        updated_at (datetime.datetime):
        updated_by (UUID):
        version (int): Send back in `If-Match` when updating or changing status.
        concealment_description (None | str | Unset):
        concealment_method (None | str | Unset):
        country (None | str | Unset):
        customs_procedure (None | str | Unset):
        declaration_reference (None | str | Unset):
        direction (None | str | Unset):
        latitude (float | None | Unset):
        location_type (None | str | Unset):
        longitude (float | None | Unset):
        narrative (None | str | Unset):
        offender_age_band (AgeBand | None | Unset):
        offender_gender (Gender | None | Unset):
        offender_nationality (None | str | Unset):
        place (None | str | Unset):
        reopened (None | ReopenNote | Unset):
        reporting_officer_name (None | str | Unset):
        reporting_unit_name (None | str | Unset):
        summary_non_nominal (None | str | Unset):
        unlocode (None | str | Unset):
    """

    attachments: list[AttachmentDto]
    companies: list[LinkedCompany]
    contributors: list[UUID]
    conveyances: list[LinkedConveyance]
    created_at: datetime.datetime
    created_by: UUID
    detected_at: datetime.datetime
    detection_methods: list[str]
    goods: list[GoodsDto]
    id: UUID
    kind: CaseKind
    persons: list[LinkedPerson]
    reference: str
    reporting_officer_id: UUID
    reporting_unit_id: UUID
    route: list[RouteLegInput]
    status: CaseStatus
    updated_at: datetime.datetime
    updated_by: UUID
    version: int
    concealment_description: None | str | Unset = UNSET
    concealment_method: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    customs_procedure: None | str | Unset = UNSET
    declaration_reference: None | str | Unset = UNSET
    direction: None | str | Unset = UNSET
    latitude: float | None | Unset = UNSET
    location_type: None | str | Unset = UNSET
    longitude: float | None | Unset = UNSET
    narrative: None | str | Unset = UNSET
    offender_age_band: AgeBand | None | Unset = UNSET
    offender_gender: Gender | None | Unset = UNSET
    offender_nationality: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    reopened: None | ReopenNote | Unset = UNSET
    reporting_officer_name: None | str | Unset = UNSET
    reporting_unit_name: None | str | Unset = UNSET
    summary_non_nominal: None | str | Unset = UNSET
    unlocode: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reopen_note import ReopenNote  # noqa: PLC0415

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        companies = []
        for companies_item_data in self.companies:
            companies_item = companies_item_data.to_dict()
            companies.append(companies_item)

        contributors = []
        for contributors_item_data in self.contributors:
            contributors_item = str(contributors_item_data)
            contributors.append(contributors_item)

        conveyances = []
        for conveyances_item_data in self.conveyances:
            conveyances_item = conveyances_item_data.to_dict()
            conveyances.append(conveyances_item)

        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        detected_at = self.detected_at.isoformat()

        detection_methods = self.detection_methods

        goods = []
        for goods_item_data in self.goods:
            goods_item = goods_item_data.to_dict()
            goods.append(goods_item)

        id = str(self.id)

        kind = self.kind.value

        persons = []
        for persons_item_data in self.persons:
            persons_item = persons_item_data.to_dict()
            persons.append(persons_item)

        reference = self.reference

        reporting_officer_id = str(self.reporting_officer_id)

        reporting_unit_id = str(self.reporting_unit_id)

        route = []
        for route_item_data in self.route:
            route_item = route_item_data.to_dict()
            route.append(route_item)

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        updated_by = str(self.updated_by)

        version = self.version

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

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        else:
            direction = self.direction

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

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        reopened: dict[str, Any] | None | Unset
        if isinstance(self.reopened, Unset):
            reopened = UNSET
        elif isinstance(self.reopened, ReopenNote):
            reopened = self.reopened.to_dict()
        else:
            reopened = self.reopened

        reporting_officer_name: None | str | Unset
        if isinstance(self.reporting_officer_name, Unset):
            reporting_officer_name = UNSET
        else:
            reporting_officer_name = self.reporting_officer_name

        reporting_unit_name: None | str | Unset
        if isinstance(self.reporting_unit_name, Unset):
            reporting_unit_name = UNSET
        else:
            reporting_unit_name = self.reporting_unit_name

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
                "attachments": attachments,
                "companies": companies,
                "contributors": contributors,
                "conveyances": conveyances,
                "created_at": created_at,
                "created_by": created_by,
                "detected_at": detected_at,
                "detection_methods": detection_methods,
                "goods": goods,
                "id": id,
                "kind": kind,
                "persons": persons,
                "reference": reference,
                "reporting_officer_id": reporting_officer_id,
                "reporting_unit_id": reporting_unit_id,
                "route": route,
                "status": status,
                "updated_at": updated_at,
                "updated_by": updated_by,
                "version": version,
            }
        )
        if concealment_description is not UNSET:
            field_dict["concealment_description"] = concealment_description
        if concealment_method is not UNSET:
            field_dict["concealment_method"] = concealment_method
        if country is not UNSET:
            field_dict["country"] = country
        if customs_procedure is not UNSET:
            field_dict["customs_procedure"] = customs_procedure
        if declaration_reference is not UNSET:
            field_dict["declaration_reference"] = declaration_reference
        if direction is not UNSET:
            field_dict["direction"] = direction
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
        if place is not UNSET:
            field_dict["place"] = place
        if reopened is not UNSET:
            field_dict["reopened"] = reopened
        if reporting_officer_name is not UNSET:
            field_dict["reporting_officer_name"] = reporting_officer_name
        if reporting_unit_name is not UNSET:
            field_dict["reporting_unit_name"] = reporting_unit_name
        if summary_non_nominal is not UNSET:
            field_dict["summary_non_nominal"] = summary_non_nominal
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_dto import AttachmentDto  # noqa: PLC0415
        from ..models.goods_dto import GoodsDto  # noqa: PLC0415
        from ..models.linked_company import LinkedCompany  # noqa: PLC0415
        from ..models.linked_conveyance import LinkedConveyance  # noqa: PLC0415
        from ..models.linked_person import LinkedPerson  # noqa: PLC0415
        from ..models.reopen_note import ReopenNote  # noqa: PLC0415
        from ..models.route_leg_input import RouteLegInput  # noqa: PLC0415

        d = dict(src_dict)
        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = AttachmentDto.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        companies = []
        _companies = d.pop("companies")
        for companies_item_data in _companies:
            companies_item = LinkedCompany.from_dict(companies_item_data)

            companies.append(companies_item)

        contributors = []
        _contributors = d.pop("contributors")
        for contributors_item_data in _contributors:
            contributors_item = UUID(contributors_item_data)

            contributors.append(contributors_item)

        conveyances = []
        _conveyances = d.pop("conveyances")
        for conveyances_item_data in _conveyances:
            conveyances_item = LinkedConveyance.from_dict(conveyances_item_data)

            conveyances.append(conveyances_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        detection_methods = cast(list[str], d.pop("detection_methods"))

        goods = []
        _goods = d.pop("goods")
        for goods_item_data in _goods:
            goods_item = GoodsDto.from_dict(goods_item_data)

            goods.append(goods_item)

        id = UUID(d.pop("id"))

        kind = CaseKind(d.pop("kind"))

        persons = []
        _persons = d.pop("persons")
        for persons_item_data in _persons:
            persons_item = LinkedPerson.from_dict(persons_item_data)

            persons.append(persons_item)

        reference = d.pop("reference")

        reporting_officer_id = UUID(d.pop("reporting_officer_id"))

        reporting_unit_id = UUID(d.pop("reporting_unit_id"))

        route = []
        _route = d.pop("route")
        for route_item_data in _route:
            route_item = RouteLegInput.from_dict(route_item_data)

            route.append(route_item)

        status = CaseStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        updated_by = UUID(d.pop("updated_by"))

        version = d.pop("version")

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

        def _parse_direction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

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

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_reopened(data: object) -> None | ReopenNote | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reopened_type_1 = ReopenNote.from_dict(data)

                return reopened_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReopenNote | Unset, data)

        reopened = _parse_reopened(d.pop("reopened", UNSET))

        def _parse_reporting_officer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reporting_officer_name = _parse_reporting_officer_name(d.pop("reporting_officer_name", UNSET))

        def _parse_reporting_unit_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reporting_unit_name = _parse_reporting_unit_name(d.pop("reporting_unit_name", UNSET))

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

        case_dto = cls(
            attachments=attachments,
            companies=companies,
            contributors=contributors,
            conveyances=conveyances,
            created_at=created_at,
            created_by=created_by,
            detected_at=detected_at,
            detection_methods=detection_methods,
            goods=goods,
            id=id,
            kind=kind,
            persons=persons,
            reference=reference,
            reporting_officer_id=reporting_officer_id,
            reporting_unit_id=reporting_unit_id,
            route=route,
            status=status,
            updated_at=updated_at,
            updated_by=updated_by,
            version=version,
            concealment_description=concealment_description,
            concealment_method=concealment_method,
            country=country,
            customs_procedure=customs_procedure,
            declaration_reference=declaration_reference,
            direction=direction,
            latitude=latitude,
            location_type=location_type,
            longitude=longitude,
            narrative=narrative,
            offender_age_band=offender_age_band,
            offender_gender=offender_gender,
            offender_nationality=offender_nationality,
            place=place,
            reopened=reopened,
            reporting_officer_name=reporting_officer_name,
            reporting_unit_name=reporting_unit_name,
            summary_non_nominal=summary_non_nominal,
            unlocode=unlocode,
        )

        case_dto.additional_properties = d
        return case_dto

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
