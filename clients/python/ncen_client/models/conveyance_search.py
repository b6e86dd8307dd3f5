from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.identifier_kind import IdentifierKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConveyanceSearch")


@_attrs_define
class ConveyanceSearch:
    """The filters of the conveyance list (`GET /conveyances`) a rule keeps.

    Attributes:
        conveyance_type (None | str | Unset): A `conveyance_types` code.
        country (None | str | Unset):
        identifier_kind (IdentifierKind | None | Unset):
        q (None | str | Unset): As the list's `q`: an identifier's beginning or part of the name.
    """

    conveyance_type: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    identifier_kind: IdentifierKind | None | Unset = UNSET
    q: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        conveyance_type: None | str | Unset
        if isinstance(self.conveyance_type, Unset):
            conveyance_type = UNSET
        else:
            conveyance_type = self.conveyance_type

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        identifier_kind: None | str | Unset
        if isinstance(self.identifier_kind, Unset):
            identifier_kind = UNSET
        elif isinstance(self.identifier_kind, IdentifierKind):
            identifier_kind = self.identifier_kind.value
        else:
            identifier_kind = self.identifier_kind

        q: None | str | Unset
        if isinstance(self.q, Unset):
            q = UNSET
        else:
            q = self.q

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if conveyance_type is not UNSET:
            field_dict["conveyance_type"] = conveyance_type
        if country is not UNSET:
            field_dict["country"] = country
        if identifier_kind is not UNSET:
            field_dict["identifier_kind"] = identifier_kind
        if q is not UNSET:
            field_dict["q"] = q

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_conveyance_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conveyance_type = _parse_conveyance_type(d.pop("conveyance_type", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_identifier_kind(data: object) -> IdentifierKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                identifier_kind_type_1 = IdentifierKind(data)

                return identifier_kind_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentifierKind | None | Unset, data)

        identifier_kind = _parse_identifier_kind(d.pop("identifier_kind", UNSET))

        def _parse_q(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        q = _parse_q(d.pop("q", UNSET))

        conveyance_search = cls(
            conveyance_type=conveyance_type,
            country=country,
            identifier_kind=identifier_kind,
            q=q,
        )

        return conveyance_search
