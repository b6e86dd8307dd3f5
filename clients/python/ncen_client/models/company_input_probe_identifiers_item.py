from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trade_id_kind import TradeIdKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyInputProbeIdentifiersItem")


@_attrs_define
class CompanyInputProbeIdentifiersItem:
    """An identifier of the company, with its issuing country (see `TradeIdKind` for each
    kind's format and check digits). Stored normalised.

        Attributes:
            kind (TradeIdKind): The kinds of identifier a company carries.
            value (str):
            country (None | str | Unset): ISO 3166-1 alpha-2; taken from the value's prefix for EORI, VAT, IBAN and AEO;
                required for registration and tax numbers.
    """

    kind: TradeIdKind
    value: str
    country: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        value = self.value

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "value": value,
            }
        )
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = TradeIdKind(d.pop("kind"))

        value = d.pop("value")

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        company_input_probe_identifiers_item = cls(
            kind=kind,
            value=value,
            country=country,
        )

        return company_input_probe_identifiers_item
