from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.measures import Measures
    from ..models.unit_quantity import UnitQuantity


T = TypeVar("T", bound="StatsRow")


@_attrs_define
class StatsRow:
    """One row: its keys (one per grouping, in order; `""` where not recorded) and measures.

    Attributes:
        cases (int): Cases (a case in several values of a grouping counts once in each).
        keys (list[str]):
        kg (float): Mass of the goods, where their unit converts to kg.
        lines (int): Goods lines.
        quantities (list[UnitQuantity]): Quantities of goods without a mass, per unit.
        unconverted_lines (int): Goods lines with a value in a currency that has no rate (not in `value`).
        value (float): Value of the goods in `currency` (EUR), converted with the rates of the `currencies`
            code list (`eur_rate`).
        last_year (Measures | None | Unset):
        previous (Measures | None | Unset):
    """

    cases: int
    keys: list[str]
    kg: float
    lines: int
    quantities: list[UnitQuantity]
    unconverted_lines: int
    value: float
    last_year: Measures | None | Unset = UNSET
    previous: Measures | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.measures import Measures  # noqa: PLC0415

        cases = self.cases

        keys = self.keys

        kg = self.kg

        lines = self.lines

        quantities = []
        for quantities_item_data in self.quantities:
            quantities_item = quantities_item_data.to_dict()
            quantities.append(quantities_item)

        unconverted_lines = self.unconverted_lines

        value = self.value

        last_year: dict[str, Any] | None | Unset
        if isinstance(self.last_year, Unset):
            last_year = UNSET
        elif isinstance(self.last_year, Measures):
            last_year = self.last_year.to_dict()
        else:
            last_year = self.last_year

        previous: dict[str, Any] | None | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        elif isinstance(self.previous, Measures):
            previous = self.previous.to_dict()
        else:
            previous = self.previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cases": cases,
                "keys": keys,
                "kg": kg,
                "lines": lines,
                "quantities": quantities,
                "unconverted_lines": unconverted_lines,
                "value": value,
            }
        )
        if last_year is not UNSET:
            field_dict["last_year"] = last_year
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measures import Measures  # noqa: PLC0415
        from ..models.unit_quantity import UnitQuantity  # noqa: PLC0415

        d = dict(src_dict)
        cases = d.pop("cases")

        keys = cast(list[str], d.pop("keys"))

        kg = d.pop("kg")

        lines = d.pop("lines")

        quantities = []
        _quantities = d.pop("quantities")
        for quantities_item_data in _quantities:
            quantities_item = UnitQuantity.from_dict(quantities_item_data)

            quantities.append(quantities_item)

        unconverted_lines = d.pop("unconverted_lines")

        value = d.pop("value")

        def _parse_last_year(data: object) -> Measures | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_year_type_1 = Measures.from_dict(data)

                return last_year_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Measures | None | Unset, data)

        last_year = _parse_last_year(d.pop("last_year", UNSET))

        def _parse_previous(data: object) -> Measures | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_type_1 = Measures.from_dict(data)

                return previous_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Measures | None | Unset, data)

        previous = _parse_previous(d.pop("previous", UNSET))

        stats_row = cls(
            cases=cases,
            keys=keys,
            kg=kg,
            lines=lines,
            quantities=quantities,
            unconverted_lines=unconverted_lines,
            value=value,
            last_year=last_year,
            previous=previous,
        )

        stats_row.additional_properties = d
        return stats_row

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
