from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph_edge import GraphEdge
    from ..models.graph_node import GraphNode
    from ..models.graph_truncated import GraphTruncated


T = TypeVar("T", bound="LinkGraph")


@_attrs_define
class LinkGraph:
    """A node and its neighbours.

    Attributes:
        edges (list[GraphEdge]):
        node (str): The expanded node.
        nodes (list[GraphNode]): The node first, then its neighbours.
        truncated (GraphTruncated | None | Unset):
    """

    edges: list[GraphEdge]
    node: str
    nodes: list[GraphNode]
    truncated: GraphTruncated | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.graph_truncated import GraphTruncated  # noqa: PLC0415

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        node = self.node

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        truncated: dict[str, Any] | None | Unset
        if isinstance(self.truncated, Unset):
            truncated = UNSET
        elif isinstance(self.truncated, GraphTruncated):
            truncated = self.truncated.to_dict()
        else:
            truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edges": edges,
                "node": node,
                "nodes": nodes,
            }
        )
        if truncated is not UNSET:
            field_dict["truncated"] = truncated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graph_edge import GraphEdge  # noqa: PLC0415
        from ..models.graph_node import GraphNode  # noqa: PLC0415
        from ..models.graph_truncated import GraphTruncated  # noqa: PLC0415

        d = dict(src_dict)
        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = GraphEdge.from_dict(edges_item_data)

            edges.append(edges_item)

        node = d.pop("node")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = GraphNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        def _parse_truncated(data: object) -> GraphTruncated | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                truncated_type_1 = GraphTruncated.from_dict(data)

                return truncated_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GraphTruncated | None | Unset, data)

        truncated = _parse_truncated(d.pop("truncated", UNSET))

        link_graph = cls(
            edges=edges,
            node=node,
            nodes=nodes,
            truncated=truncated,
        )

        link_graph.additional_properties = d
        return link_graph

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
