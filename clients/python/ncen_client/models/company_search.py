from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.company_status import CompanyStatus
from ..models.risk_band import RiskBand
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanySearch")


@_attrs_define
class CompanySearch:
    """The filters of the company list (`GET /companies`) a rule keeps.

    Attributes:
        activity (None | str | Unset): A `company_roles` code.
        country (None | str | Unset):
        identifier (None | str | Unset):
        person_id (None | Unset | UUID):
        q (None | str | Unset): As the list's `q`: a name or alias (similar spellings), or an exact identifier.
        risk_band (None | RiskBand | Unset):
        status (CompanyStatus | None | Unset):
        typology (None | str | Unset): A `fraud_typologies` code.
    """

    activity: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    identifier: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    q: None | str | Unset = UNSET
    risk_band: None | RiskBand | Unset = UNSET
    status: CompanyStatus | None | Unset = UNSET
    typology: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity: None | str | Unset
        if isinstance(self.activity, Unset):
            activity = UNSET
        else:
            activity = self.activity

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

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

        risk_band: None | str | Unset
        if isinstance(self.risk_band, Unset):
            risk_band = UNSET
        elif isinstance(self.risk_band, RiskBand):
            risk_band = self.risk_band.value
        else:
            risk_band = self.risk_band

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CompanyStatus):
            status = self.status.value
        else:
            status = self.status

        typology: None | str | Unset
        if isinstance(self.typology, Unset):
            typology = UNSET
        else:
            typology = self.typology

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity is not UNSET:
            field_dict["activity"] = activity
        if country is not UNSET:
            field_dict["country"] = country
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if q is not UNSET:
            field_dict["q"] = q
        if risk_band is not UNSET:
            field_dict["risk_band"] = risk_band
        if status is not UNSET:
            field_dict["status"] = status
        if typology is not UNSET:
            field_dict["typology"] = typology

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_activity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity = _parse_activity(d.pop("activity", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

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

        def _parse_risk_band(data: object) -> None | RiskBand | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_band_type_1 = RiskBand(data)

                return risk_band_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskBand | Unset, data)

        risk_band = _parse_risk_band(d.pop("risk_band", UNSET))

        def _parse_status(data: object) -> CompanyStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = CompanyStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_typology(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        typology = _parse_typology(d.pop("typology", UNSET))

        company_search = cls(
            activity=activity,
            country=country,
            identifier=identifier,
            person_id=person_id,
            q=q,
            risk_band=risk_band,
            status=status,
            typology=typology,
        )

        return company_search
