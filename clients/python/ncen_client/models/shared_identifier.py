from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trade_id_kind import TradeIdKind

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="SharedIdentifier")


@_attrs_define
class SharedIdentifier:
    """An identifier of the company also carried by other companies.

    Attributes:
        companies (list[Named]): The other companies carrying it (at most 20), by name.
        count (int): How many other companies carry it.
        kind (TradeIdKind): The kinds of identifier a company carries.
        value (str):
    """

    companies: list[Named]
    count: int
    kind: TradeIdKind
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        companies = []
        for companies_item_data in self.companies:
            companies_item = companies_item_data.to_dict()
            companies.append(companies_item)

        count = self.count

        kind = self.kind.value

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "companies": companies,
                "count": count,
                "kind": kind,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        companies = []
        _companies = d.pop("companies")
        for companies_item_data in _companies:
            companies_item = Named.from_dict(companies_item_data)

            companies.append(companies_item)

        count = d.pop("count")

        kind = TradeIdKind(d.pop("kind"))

        value = d.pop("value")

        shared_identifier = cls(
            companies=companies,
            count=count,
            kind=kind,
            value=value,
        )

        shared_identifier.additional_properties = d
        return shared_identifier

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
