from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_search import CompanySearch
    from ..models.conveyance_search import ConveyanceSearch
    from ..models.person_search import PersonSearch
    from ..models.seizure_search import SeizureSearch


T = TypeVar("T", bound="SavedSearchPatch")


@_attrs_define
class SavedSearchPatch:
    """A change to a rule (its owner's): only the fields given change.

    Attributes:
        active (bool | None | Unset): A paused rule matches nothing.
        name (None | str | Unset):
        query (CompanySearch | ConveyanceSearch | None | PersonSearch | SeizureSearch | Unset): The filters of the list
            `target` names: `SeizureSearch` (seizures), `PersonSearch`, `CompanySearch` or `ConveyanceSearch`; another
            list's filters are refused (`query`: `not_for_target`).
        shared (bool | None | Unset):
    """

    active: bool | None | Unset = UNSET
    name: None | str | Unset = UNSET
    query: CompanySearch | ConveyanceSearch | None | PersonSearch | SeizureSearch | Unset = UNSET
    shared: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_search import CompanySearch  # noqa: PLC0415
        from ..models.conveyance_search import ConveyanceSearch  # noqa: PLC0415
        from ..models.person_search import PersonSearch  # noqa: PLC0415
        from ..models.seizure_search import SeizureSearch  # noqa: PLC0415

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        query: dict[str, Any] | None | Unset
        if isinstance(self.query, Unset):
            query = UNSET
        elif isinstance(self.query, SeizureSearch):
            query = self.query.to_dict()
        elif isinstance(self.query, PersonSearch):
            query = self.query.to_dict()
        elif isinstance(self.query, CompanySearch):
            query = self.query.to_dict()
        elif isinstance(self.query, ConveyanceSearch):
            query = self.query.to_dict()
        else:
            query = self.query

        shared: bool | None | Unset
        if isinstance(self.shared, Unset):
            shared = UNSET
        else:
            shared = self.shared

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if name is not UNSET:
            field_dict["name"] = name
        if query is not UNSET:
            field_dict["query"] = query
        if shared is not UNSET:
            field_dict["shared"] = shared

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_search import CompanySearch  # noqa: PLC0415
        from ..models.conveyance_search import ConveyanceSearch  # noqa: PLC0415
        from ..models.person_search import PersonSearch  # noqa: PLC0415
        from ..models.seizure_search import SeizureSearch  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_query(
            data: object,
        ) -> CompanySearch | ConveyanceSearch | None | PersonSearch | SeizureSearch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                query_type_0 = SeizureSearch.from_dict(data)

                return query_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                query_type_1 = PersonSearch.from_dict(data)

                return query_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                query_type_2 = CompanySearch.from_dict(data)

                return query_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                query_type_3 = ConveyanceSearch.from_dict(data)

                return query_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanySearch | ConveyanceSearch | None | PersonSearch | SeizureSearch | Unset, data)

        query = _parse_query(d.pop("query", UNSET))

        def _parse_shared(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shared = _parse_shared(d.pop("shared", UNSET))

        saved_search_patch = cls(
            active=active,
            name=name,
            query=query,
            shared=shared,
        )

        return saved_search_patch
