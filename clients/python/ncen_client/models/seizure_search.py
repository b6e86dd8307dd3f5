from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.case_kind import CaseKind
from ..models.case_status import CaseStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeizureSearch")


@_attrs_define
class SeizureSearch:
    """The filters of the seizure list (`GET /seizures`) a rule keeps: every case saved from
    then on that the list with these filters would show its owner is a hit.

        Attributes:
            commodity_group (None | str | Unset):
            commodity_type (None | str | Unset):
            company_id (None | Unset | UUID):
            concealment_method (None | str | Unset):
            conveyance_id (None | Unset | UUID):
            conveyance_type (None | str | Unset):
            detection_method (None | str | Unset):
            direction (None | str | Unset):
            from_ (datetime.datetime | None | Unset): Detected at or after.
            kind (CaseKind | None | Unset):
            location_type (None | str | Unset):
            person_id (None | Unset | UUID):
            q (None | str | Unset): Free text, as the list searches it.
            route_country (None | str | Unset): Any country on the route.
            status (CaseStatus | None | Unset):
            to (datetime.datetime | None | Unset): Detected before.
            unit_id (None | Unset | UUID): Reporting unit.
    """

    commodity_group: None | str | Unset = UNSET
    commodity_type: None | str | Unset = UNSET
    company_id: None | Unset | UUID = UNSET
    concealment_method: None | str | Unset = UNSET
    conveyance_id: None | Unset | UUID = UNSET
    conveyance_type: None | str | Unset = UNSET
    detection_method: None | str | Unset = UNSET
    direction: None | str | Unset = UNSET
    from_: datetime.datetime | None | Unset = UNSET
    kind: CaseKind | None | Unset = UNSET
    location_type: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    q: None | str | Unset = UNSET
    route_country: None | str | Unset = UNSET
    status: CaseStatus | None | Unset = UNSET
    to: datetime.datetime | None | Unset = UNSET
    unit_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        commodity_group: None | str | Unset
        if isinstance(self.commodity_group, Unset):
            commodity_group = UNSET
        else:
            commodity_group = self.commodity_group

        commodity_type: None | str | Unset
        if isinstance(self.commodity_type, Unset):
            commodity_type = UNSET
        else:
            commodity_type = self.commodity_type

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        elif isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        concealment_method: None | str | Unset
        if isinstance(self.concealment_method, Unset):
            concealment_method = UNSET
        else:
            concealment_method = self.concealment_method

        conveyance_id: None | str | Unset
        if isinstance(self.conveyance_id, Unset):
            conveyance_id = UNSET
        elif isinstance(self.conveyance_id, UUID):
            conveyance_id = str(self.conveyance_id)
        else:
            conveyance_id = self.conveyance_id

        conveyance_type: None | str | Unset
        if isinstance(self.conveyance_type, Unset):
            conveyance_type = UNSET
        else:
            conveyance_type = self.conveyance_type

        detection_method: None | str | Unset
        if isinstance(self.detection_method, Unset):
            detection_method = UNSET
        else:
            detection_method = self.detection_method

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        else:
            direction = self.direction

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.datetime):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, CaseKind):
            kind = self.kind.value
        else:
            kind = self.kind

        location_type: None | str | Unset
        if isinstance(self.location_type, Unset):
            location_type = UNSET
        else:
            location_type = self.location_type

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        q: None | str | Unset
        if isinstance(self.q, Unset):
            q = UNSET
        else:
            q = self.q

        route_country: None | str | Unset
        if isinstance(self.route_country, Unset):
            route_country = UNSET
        else:
            route_country = self.route_country

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CaseStatus):
            status = self.status.value
        else:
            status = self.status

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, datetime.datetime):
            to = self.to.isoformat()
        else:
            to = self.to

        unit_id: None | str | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        elif isinstance(self.unit_id, UUID):
            unit_id = str(self.unit_id)
        else:
            unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if commodity_group is not UNSET:
            field_dict["commodity_group"] = commodity_group
        if commodity_type is not UNSET:
            field_dict["commodity_type"] = commodity_type
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if concealment_method is not UNSET:
            field_dict["concealment_method"] = concealment_method
        if conveyance_id is not UNSET:
            field_dict["conveyance_id"] = conveyance_id
        if conveyance_type is not UNSET:
            field_dict["conveyance_type"] = conveyance_type
        if detection_method is not UNSET:
            field_dict["detection_method"] = detection_method
        if direction is not UNSET:
            field_dict["direction"] = direction
        if from_ is not UNSET:
            field_dict["from"] = from_
        if kind is not UNSET:
            field_dict["kind"] = kind
        if location_type is not UNSET:
            field_dict["location_type"] = location_type
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if q is not UNSET:
            field_dict["q"] = q
        if route_country is not UNSET:
            field_dict["route_country"] = route_country
        if status is not UNSET:
            field_dict["status"] = status
        if to is not UNSET:
            field_dict["to"] = to
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_commodity_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commodity_group = _parse_commodity_group(d.pop("commodity_group", UNSET))

        def _parse_commodity_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commodity_type = _parse_commodity_type(d.pop("commodity_type", UNSET))

        def _parse_company_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_id_type_0 = UUID(data)

                return company_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

        def _parse_concealment_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        concealment_method = _parse_concealment_method(d.pop("concealment_method", UNSET))

        def _parse_conveyance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conveyance_id_type_0 = UUID(data)

                return conveyance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        conveyance_id = _parse_conveyance_id(d.pop("conveyance_id", UNSET))

        def _parse_conveyance_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conveyance_type = _parse_conveyance_type(d.pop("conveyance_type", UNSET))

        def _parse_detection_method(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detection_method = _parse_detection_method(d.pop("detection_method", UNSET))

        def _parse_direction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_from_(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.datetime.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_kind(data: object) -> CaseKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_1 = CaseKind(data)

                return kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_location_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location_type = _parse_location_type(d.pop("location_type", UNSET))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        def _parse_q(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        q = _parse_q(d.pop("q", UNSET))

        def _parse_route_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        route_country = _parse_route_country(d.pop("route_country", UNSET))

        def _parse_status(data: object) -> CaseStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = CaseStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_to(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.datetime.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        def _parse_unit_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_id_type_0 = UUID(data)

                return unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        seizure_search = cls(
            commodity_group=commodity_group,
            commodity_type=commodity_type,
            company_id=company_id,
            concealment_method=concealment_method,
            conveyance_id=conveyance_id,
            conveyance_type=conveyance_type,
            detection_method=detection_method,
            direction=direction,
            from_=from_,
            kind=kind,
            location_type=location_type,
            person_id=person_id,
            q=q,
            route_country=route_country,
            status=status,
            to=to,
            unit_id=unit_id,
        )

        return seizure_search
