from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.graph_edge_kind import GraphEdgeKind

T = TypeVar("T", bound="GraphEdge")


@_attrs_define
class GraphEdge:
    """
    Attributes:
        kind (GraphEdgeKind): How two nodes are linked: a case names a person, company or conveyance
            (`role` says as what); a person holds a role in a company; two companies are related
            (`parent_of`, `same_group`…); a person or company has an identifier or contact point.
        role (str): The role in the case (`offender`, `importer`, `carrier`…) or in the company
            (`director`…), the relation (`parent_of`…), or the key's kind (`passport`, `phone`…).
        source (str):
        target (str):
    """

    kind: GraphEdgeKind
    role: str
    source: str
    target: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        role = self.role

        source = self.source

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "role": role,
                "source": source,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = GraphEdgeKind(d.pop("kind"))

        role = d.pop("role")

        source = d.pop("source")

        target = d.pop("target")

        graph_edge = cls(
            kind=kind,
            role=role,
            source=source,
            target=target,
        )

        graph_edge.additional_properties = d
        return graph_edge

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
