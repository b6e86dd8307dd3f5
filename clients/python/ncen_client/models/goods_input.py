from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cites_appendix import CitesAppendix
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoodsInput")


@_attrs_define
class GoodsInput:
    """One goods item.

    Attributes:
        commodity_group (str): Code from `commodity_groups`.
        quantity (float): Greater than 0; at most 10 000 tonnes once converted to kg.
        unit (str): Code from `units_of_measure`; mass in kg is derived when the unit converts.
        brand (None | str | Unset): Brand or right holder (IPR).
        cites_appendix (CitesAppendix | None | Unset):
        commodity_type (None | str | Unset): Code from `commodity_types`, belonging to the group.
        currency (None | str | Unset): ISO 4217 code.
        description (None | str | Unset):
        hs_code (None | str | Unset): Harmonized System code, 6–10 digits (spaces and dots ignored; blank is none).
        packaging (None | str | Unset):
        purity_percent (float | None | Unset): Purity in percent where tested.
        species (None | str | Unset): Species (wildlife).
        value (float | None | Unset): Estimated value (needs `currency`).
    """

    commodity_group: str
    quantity: float
    unit: str
    brand: None | str | Unset = UNSET
    cites_appendix: CitesAppendix | None | Unset = UNSET
    commodity_type: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    hs_code: None | str | Unset = UNSET
    packaging: None | str | Unset = UNSET
    purity_percent: float | None | Unset = UNSET
    species: None | str | Unset = UNSET
    value: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        commodity_group = self.commodity_group

        quantity = self.quantity

        unit = self.unit

        brand: None | str | Unset
        if isinstance(self.brand, Unset):
            brand = UNSET
        else:
            brand = self.brand

        cites_appendix: None | str | Unset
        if isinstance(self.cites_appendix, Unset):
            cites_appendix = UNSET
        elif isinstance(self.cites_appendix, CitesAppendix):
            cites_appendix = self.cites_appendix.value
        else:
            cites_appendix = self.cites_appendix

        commodity_type: None | str | Unset
        if isinstance(self.commodity_type, Unset):
            commodity_type = UNSET
        else:
            commodity_type = self.commodity_type

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        hs_code: None | str | Unset
        if isinstance(self.hs_code, Unset):
            hs_code = UNSET
        else:
            hs_code = self.hs_code

        packaging: None | str | Unset
        if isinstance(self.packaging, Unset):
            packaging = UNSET
        else:
            packaging = self.packaging

        purity_percent: float | None | Unset
        if isinstance(self.purity_percent, Unset):
            purity_percent = UNSET
        else:
            purity_percent = self.purity_percent

        species: None | str | Unset
        if isinstance(self.species, Unset):
            species = UNSET
        else:
            species = self.species

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "commodity_group": commodity_group,
                "quantity": quantity,
                "unit": unit,
            }
        )
        if brand is not UNSET:
            field_dict["brand"] = brand
        if cites_appendix is not UNSET:
            field_dict["cites_appendix"] = cites_appendix
        if commodity_type is not UNSET:
            field_dict["commodity_type"] = commodity_type
        if currency is not UNSET:
            field_dict["currency"] = currency
        if description is not UNSET:
            field_dict["description"] = description
        if hs_code is not UNSET:
            field_dict["hs_code"] = hs_code
        if packaging is not UNSET:
            field_dict["packaging"] = packaging
        if purity_percent is not UNSET:
            field_dict["purity_percent"] = purity_percent
        if species is not UNSET:
            field_dict["species"] = species
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commodity_group = d.pop("commodity_group")

        quantity = d.pop("quantity")

        unit = d.pop("unit")

        def _parse_brand(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        brand = _parse_brand(d.pop("brand", UNSET))

        def _parse_cites_appendix(data: object) -> CitesAppendix | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cites_appendix_type_1 = CitesAppendix(data)

                return cites_appendix_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CitesAppendix | None | Unset, data)

        cites_appendix = _parse_cites_appendix(d.pop("cites_appendix", UNSET))

        def _parse_commodity_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commodity_type = _parse_commodity_type(d.pop("commodity_type", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_hs_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hs_code = _parse_hs_code(d.pop("hs_code", UNSET))

        def _parse_packaging(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        packaging = _parse_packaging(d.pop("packaging", UNSET))

        def _parse_purity_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        purity_percent = _parse_purity_percent(d.pop("purity_percent", UNSET))

        def _parse_species(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        species = _parse_species(d.pop("species", UNSET))

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        goods_input = cls(
            commodity_group=commodity_group,
            quantity=quantity,
            unit=unit,
            brand=brand,
            cites_appendix=cites_appendix,
            commodity_type=commodity_type,
            currency=currency,
            description=description,
            hs_code=hs_code,
            packaging=packaging,
            purity_percent=purity_percent,
            species=species,
            value=value,
        )

        return goods_input
