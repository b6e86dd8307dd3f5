from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GoodsBrief")


@_attrs_define
class GoodsBrief:
    """One goods item as a list shows it.

    Attributes:
        commodity_group (str):
        quantity (float):
        unit (str): Code from `units_of_measure`.
        commodity_type (None | str | Unset):
    """

    commodity_group: str
    quantity: float
    unit: str
    commodity_type: None | str | Unset = UNSET
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

        goods_brief = cls(
            commodity_group=commodity_group,
            quantity=quantity,
            unit=unit,
            commodity_type=commodity_type,
        )

        goods_brief.additional_properties = d
        return goods_brief

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
