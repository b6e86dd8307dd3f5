from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CenGoods")


@_attrs_define
class CenGoods:
    """One commodity of a CEN record.

    Attributes:
        commodity_group (str):
        quantity (float):
        unit (str):
        commodity_type (None | str | Unset):
        currency (None | str | Unset):
        hs_code (None | str | Unset):
        mass_kg (float | None | Unset): Normalised to kilograms where the unit converts.
        value (float | None | Unset):
    """

    commodity_group: str
    quantity: float
    unit: str
    commodity_type: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    hs_code: None | str | Unset = UNSET
    mass_kg: float | None | Unset = UNSET
    value: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        commodity_group = self.commodity_group

        quantity = self.quantity

        unit = self.unit

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

        hs_code: None | str | Unset
        if isinstance(self.hs_code, Unset):
            hs_code = UNSET
        else:
            hs_code = self.hs_code

        mass_kg: float | None | Unset
        if isinstance(self.mass_kg, Unset):
            mass_kg = UNSET
        else:
            mass_kg = self.mass_kg

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commodity_group": commodity_group,
                "quantity": quantity,
                "unit": unit,
            }
        )
        if commodity_type is not UNSET:
            field_dict["commodity_type"] = commodity_type
        if currency is not UNSET:
            field_dict["currency"] = currency
        if hs_code is not UNSET:
            field_dict["hs_code"] = hs_code
        if mass_kg is not UNSET:
            field_dict["mass_kg"] = mass_kg
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commodity_group = d.pop("commodity_group")

        quantity = d.pop("quantity")

        unit = d.pop("unit")

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

        def _parse_hs_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hs_code = _parse_hs_code(d.pop("hs_code", UNSET))

        def _parse_mass_kg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        mass_kg = _parse_mass_kg(d.pop("mass_kg", UNSET))

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        cen_goods = cls(
            commodity_group=commodity_group,
            quantity=quantity,
            unit=unit,
            commodity_type=commodity_type,
            currency=currency,
            hs_code=hs_code,
            mass_kg=mass_kg,
            value=value,
        )

        cen_goods.additional_properties = d
        return cen_goods

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
