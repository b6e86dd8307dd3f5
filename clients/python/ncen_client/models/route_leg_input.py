from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RouteLegInput")


@_attrs_define
class RouteLegInput:
    """One leg of the route.

    Attributes:
        country (str): ISO 3166-1 alpha-2 code.
        position (int): 1 to n without gaps.
        role (str): Code from `route_leg_roles` (origin, departure, transit, destination).
        arrival_date (datetime.date | None | Unset):
        departure_date (datetime.date | None | Unset):
        place (None | str | Unset):
        unlocode (None | str | Unset): UN/LOCODE (`FRPAR`); one space after the country part is allowed, and lower case.
    """

    country: str
    position: int
    role: str
    arrival_date: datetime.date | None | Unset = UNSET
    departure_date: datetime.date | None | Unset = UNSET
    place: None | str | Unset = UNSET
    unlocode: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        position = self.position

        role = self.role

        arrival_date: None | str | Unset
        if isinstance(self.arrival_date, Unset):
            arrival_date = UNSET
        elif isinstance(self.arrival_date, datetime.date):
            arrival_date = self.arrival_date.isoformat()
        else:
            arrival_date = self.arrival_date

        departure_date: None | str | Unset
        if isinstance(self.departure_date, Unset):
            departure_date = UNSET
        elif isinstance(self.departure_date, datetime.date):
            departure_date = self.departure_date.isoformat()
        else:
            departure_date = self.departure_date

        place: None | str | Unset
        if isinstance(self.place, Unset):
            place = UNSET
        else:
            place = self.place

        unlocode: None | str | Unset
        if isinstance(self.unlocode, Unset):
            unlocode = UNSET
        else:
            unlocode = self.unlocode

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "position": position,
                "role": role,
            }
        )
        if arrival_date is not UNSET:
            field_dict["arrival_date"] = arrival_date
        if departure_date is not UNSET:
            field_dict["departure_date"] = departure_date
        if place is not UNSET:
            field_dict["place"] = place
        if unlocode is not UNSET:
            field_dict["unlocode"] = unlocode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        position = d.pop("position")

        role = d.pop("role")

        def _parse_arrival_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                arrival_date_type_0 = datetime.date.fromisoformat(data)

                return arrival_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        arrival_date = _parse_arrival_date(d.pop("arrival_date", UNSET))

        def _parse_departure_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                departure_date_type_0 = datetime.date.fromisoformat(data)

                return departure_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        departure_date = _parse_departure_date(d.pop("departure_date", UNSET))

        def _parse_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place = _parse_place(d.pop("place", UNSET))

        def _parse_unlocode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unlocode = _parse_unlocode(d.pop("unlocode", UNSET))

        route_leg_input = cls(
            country=country,
            position=position,
            role=role,
            arrival_date=arrival_date,
            departure_date=departure_date,
            place=place,
            unlocode=unlocode,
        )

        return route_leg_input
