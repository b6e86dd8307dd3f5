from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.unit_quantity import UnitQuantity


T = TypeVar("T", bound="Measures")


@_attrs_define
class Measures:
    """What a cell of the table counts.

    Attributes:
        cases (int): Cases (a case in several values of a grouping counts once in each).
        kg (float): Mass of the goods, where their unit converts to kg.
        lines (int): Goods lines.
        quantities (list[UnitQuantity]): Quantities of goods without a mass, per unit.
        unconverted_lines (int): Goods lines with a value in a currency that has no rate (not in `value`).
        value (float): Value of the goods in `currency` (EUR), converted with the rates of the `currencies`
            code list (`eur_rate`).
    """

    cases: int
    kg: float
    lines: int
    quantities: list[UnitQuantity]
    unconverted_lines: int
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cases = self.cases

        kg = self.kg

        lines = self.lines

        quantities = []
        for quantities_item_data in self.quantities:
            quantities_item = quantities_item_data.to_dict()
            quantities.append(quantities_item)

        unconverted_lines = self.unconverted_lines

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cases": cases,
                "kg": kg,
                "lines": lines,
                "quantities": quantities,
                "unconverted_lines": unconverted_lines,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_quantity import UnitQuantity  # noqa: PLC0415

        d = dict(src_dict)
        cases = d.pop("cases")

        kg = d.pop("kg")

        lines = d.pop("lines")

        quantities = []
        _quantities = d.pop("quantities")
        for quantities_item_data in _quantities:
            quantities_item = UnitQuantity.from_dict(quantities_item_data)

            quantities.append(quantities_item)

        unconverted_lines = d.pop("unconverted_lines")

        value = d.pop("value")

        measures = cls(
            cases=cases,
            kg=kg,
            lines=lines,
            quantities=quantities,
            unconverted_lines=unconverted_lines,
            value=value,
        )

        measures.additional_properties = d
        return measures

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
