from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.graph_node_kind import GraphNodeKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="GraphNode")


@_attrs_define
class GraphNode:
    """
    Attributes:
        id (str): `case:<uuid>`, `person:<uuid>`, `company:<uuid>`, `conveyance:<uuid>`, or
            `<key kind>:<normalised value>` (`document:…`, `phone:…`, `address:…`, `eori:…`).
        kind (GraphNodeKind): What a node of the link graph is. `identifier` is a travel or identity document's
            number (`document:<number>`) or a company's trade identifier or bank account
            (`eori:…`, `vat:…`, `iban:…`); `address`, `phone` and `email` a contact point
            given by at least two persons or companies.
        label (str): The case's reference, the person's or company's name, the conveyance's identifier,
            the key's value.
        date (datetime.date | None | Unset): A case's detection day.
        detail (None | str | Unset): A second line: the case's date and status, a person's birth year and nationalities,
            a company's country, a conveyance's type, a key's kind.
        record_id (None | Unset | UUID): The record the browser app opens (cases, persons, companies, conveyances).
    """

    id: str
    kind: GraphNodeKind
    label: str
    date: datetime.date | None | Unset = UNSET
    detail: None | str | Unset = UNSET
    record_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        label = self.label

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        record_id: None | str | Unset
        if isinstance(self.record_id, Unset):
            record_id = UNSET
        elif isinstance(self.record_id, UUID):
            record_id = str(self.record_id)
        else:
            record_id = self.record_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "label": label,
            }
        )
        if date is not UNSET:
            field_dict["date"] = date
        if detail is not UNSET:
            field_dict["detail"] = detail
        if record_id is not UNSET:
            field_dict["record_id"] = record_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = GraphNodeKind(d.pop("kind"))

        label = d.pop("label")

        def _parse_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_record_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                record_id_type_0 = UUID(data)

                return record_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        record_id = _parse_record_id(d.pop("record_id", UNSET))

        graph_node = cls(
            id=id,
            kind=kind,
            label=label,
            date=date,
            detail=detail,
            record_id=record_id,
        )

        graph_node.additional_properties = d
        return graph_node

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
