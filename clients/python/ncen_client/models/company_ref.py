from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.risk_band import RiskBand
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyRef")


@_attrs_define
class CompanyRef:
    """Another company, as a link shows it.

    Attributes:
        id (UUID):
        name (str):
        risk_band (RiskBand):
        risk_score (int):
        status (str):
        country (None | str | Unset):
    """

    id: UUID
    name: str
    risk_band: RiskBand
    risk_score: int
    status: str
    country: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        risk_band = self.risk_band.value

        risk_score = self.risk_score

        status = self.status

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "risk_band": risk_band,
                "risk_score": risk_score,
                "status": status,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        risk_band = RiskBand(d.pop("risk_band"))

        risk_score = d.pop("risk_score")

        status = d.pop("status")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        company_ref = cls(
            id=id,
            name=name,
            risk_band=risk_band,
            risk_score=risk_score,
            status=status,
            country=country,
        )

        company_ref.additional_properties = d
        return company_ref

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
