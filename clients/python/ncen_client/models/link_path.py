from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph_edge import GraphEdge
    from ..models.graph_node import GraphNode


T = TypeVar("T", bound="LinkPath")


@_attrs_define
class LinkPath:
    """The shortest chain between two nodes, if one exists within `max_hops`.

    Attributes:
        complete (bool): False when a node with more links than the search follows (a hub: an address
            shared by thousands) was cut short: a longer-looking or absent chain may then
            exist through it.
        edges (list[GraphEdge]):
        explored (int): Nodes the search visited.
        found (bool):
        nodes (list[GraphNode]): The chain's nodes, from `source` to `target` (empty when none was found).
        hops (int | None | Unset): Links in the chain.
    """

    complete: bool
    edges: list[GraphEdge]
    explored: int
    found: bool
    nodes: list[GraphNode]
    hops: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        complete = self.complete

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        explored = self.explored

        found = self.found

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        hops: int | None | Unset
        if isinstance(self.hops, Unset):
            hops = UNSET
        else:
            hops = self.hops

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "complete": complete,
                "edges": edges,
                "explored": explored,
                "found": found,
                "nodes": nodes,
            }
        )
        if hops is not UNSET:
            field_dict["hops"] = hops

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graph_edge import GraphEdge  # noqa: PLC0415
        from ..models.graph_node import GraphNode  # noqa: PLC0415

        d = dict(src_dict)
        complete = d.pop("complete")

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = GraphEdge.from_dict(edges_item_data)

            edges.append(edges_item)

        explored = d.pop("explored")

        found = d.pop("found")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = GraphNode.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        def _parse_hops(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hops = _parse_hops(d.pop("hops", UNSET))

        link_path = cls(
            complete=complete,
            edges=edges,
            explored=explored,
            found=found,
            nodes=nodes,
            hops=hops,
        )

        link_path.additional_properties = d
        return link_path

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
