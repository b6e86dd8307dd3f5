from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WarningRoute")


@_attrs_define
class WarningRoute:
    """The route a warning expects.

    Attributes:
        destination (None | str | Unset):
        origin (None | str | Unset):
        place (None | str | Unset): Where it is expected (port, airport, border crossing).
        transit (list[str] | Unset):
    """

    destination: None | str | Unset = UNSET
    origin: None | str | Unset = UNSET
    place: None | str | Unset = UNSET
    transit: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        destination: None | str | Unset
        if isinstance(self.destination, Unset):
            destination = UNSET
        else:
            destination = self.destination

        origin: None | str | Unset
        if isinstance(self.origin, Unset):
            origin = UNSET
        else:
            origin = self.origin

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        transit: list[str] | Unset = UNSET
        if not isinstance(self.transit, Unset):
            transit = self.transit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if destination is not UNSET:
            field_dict["destination"] = destination
        if origin is not UNSET:
            field_dict["origin"] = origin
        if place is not UNSET:
            field_dict["place"] = place
        if transit is not UNSET:
            field_dict["transit"] = transit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_destination(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination = _parse_destination(d.pop("destination", UNSET))

        def _parse_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin = _parse_origin(d.pop("origin", UNSET))

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        transit = cast(list[str], d.pop("transit", UNSET))

        warning_route = cls(
            destination=destination,
            origin=origin,
            place=place,
            transit=transit,
        )

        return warning_route
