from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.factor import Factor

if TYPE_CHECKING:
    from ..models.factor_ref import FactorRef


T = TypeVar("T", bound="Contribution")


@_attrs_define
class Contribution:
    """One contribution to the score, with the records it counts.

    Attributes:
        factor (Factor): What a contribution to the risk score counts.
        points (int):
        refs (list[FactorRef]):
        rule (str): The rule, in English (the browser app words it in the reader's language from
            `factor`).
    """

    factor: Factor
    points: int
    refs: list[FactorRef]
    rule: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        factor = self.factor.value

        points = self.points

        refs = []
        for refs_item_data in self.refs:
            refs_item = refs_item_data.to_dict()
            refs.append(refs_item)

        rule = self.rule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "factor": factor,
                "points": points,
                "refs": refs,
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.factor_ref import FactorRef  # noqa: PLC0415

        d = dict(src_dict)
        factor = Factor(d.pop("factor"))

        points = d.pop("points")

        refs = []
        _refs = d.pop("refs")
        for refs_item_data in _refs:
            refs_item = FactorRef.from_dict(refs_item_data)

            refs.append(refs_item)

        rule = d.pop("rule")

        contribution = cls(
            factor=factor,
            points=points,
            refs=refs,
            rule=rule,
        )

        contribution.additional_properties = d
        return contribution

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
