from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.edge import Edge
    from ..models.node import Node
    from ..models.truncated import Truncated


T = TypeVar("T", bound="Network")


@_attrs_define
class Network:
    """
    Attributes:
        capped (bool): The node limit was reached: the outer ring is incomplete.
        edges (list[Edge]):
        nodes (list[Node]):
        truncated (list[Truncated]): Nodes whose neighbours were not all listed (page them with `/network/neighbours`).
    """

    capped: bool
    edges: list[Edge]
    nodes: list[Node]
    truncated: list[Truncated]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        capped = self.capped

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        truncated = []
        for truncated_item_data in self.truncated:
            truncated_item = truncated_item_data.to_dict()
            truncated.append(truncated_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "capped": capped,
                "edges": edges,
                "nodes": nodes,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edge import Edge  # noqa: PLC0415
        from ..models.node import Node  # noqa: PLC0415
        from ..models.truncated import Truncated  # noqa: PLC0415

        d = dict(src_dict)
        capped = d.pop("capped")

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = Edge.from_dict(edges_item_data)

            edges.append(edges_item)

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = Node.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        truncated = []
        _truncated = d.pop("truncated")
        for truncated_item_data in _truncated:
            truncated_item = Truncated.from_dict(truncated_item_data)

            truncated.append(truncated_item)

        network = cls(
            capped=capped,
            edges=edges,
            nodes=nodes,
            truncated=truncated,
        )

        network.additional_properties = d
        return network

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
