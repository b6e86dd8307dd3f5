from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.search_target import SearchTarget
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_search import CompanySearch
    from ..models.conveyance_search import ConveyanceSearch
    from ..models.person_search import PersonSearch
    from ..models.seizure_search import SeizureSearch


T = TypeVar("T", bound="SavedSearchInput")


@_attrs_define
class SavedSearchInput:
    """A new rule.

    Attributes:
        name (str):
        query (CompanySearch | ConveyanceSearch | PersonSearch | SeizureSearch): The filters of the list `target` names:
            `SeizureSearch` (seizures), `PersonSearch`, `CompanySearch` or `ConveyanceSearch`; another list's filters are
            refused (`query`: `not_for_target`).
        shared (bool | Unset): The members of the owner's unit see the rule and its hits (default false).
        target (SearchTarget | Unset): What a rule searches: seizure cases (the default) or one of the registers.
    """

    name: str
    query: CompanySearch | ConveyanceSearch | PersonSearch | SeizureSearch
    shared: bool | Unset = UNSET
    target: SearchTarget | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_search import CompanySearch  # noqa: PLC0415
        from ..models.person_search import PersonSearch  # noqa: PLC0415
        from ..models.seizure_search import SeizureSearch  # noqa: PLC0415

        name = self.name

        query: dict[str, Any]
        if isinstance(self.query, SeizureSearch):
            query = self.query.to_dict()
        elif isinstance(self.query, PersonSearch):
            query = self.query.to_dict()
        elif isinstance(self.query, CompanySearch):
            query = self.query.to_dict()
        else:
            query = self.query.to_dict()

        shared = self.shared

        target: str | Unset = UNSET
        if not isinstance(self.target, Unset):
            target = self.target.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "query": query,
            }
        )
        if shared is not UNSET:
            field_dict["shared"] = shared
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_search import CompanySearch  # noqa: PLC0415
        from ..models.conveyance_search import ConveyanceSearch  # noqa: PLC0415
        from ..models.person_search import PersonSearch  # noqa: PLC0415
        from ..models.seizure_search import SeizureSearch  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        def _parse_query(data: object) -> CompanySearch | ConveyanceSearch | PersonSearch | SeizureSearch:
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
            if not isinstance(data, dict):
                raise TypeError()
            query_type_3 = ConveyanceSearch.from_dict(data)

            return query_type_3

        query = _parse_query(d.pop("query"))

        shared = d.pop("shared", UNSET)

        _target = d.pop("target", UNSET)
        target: SearchTarget | Unset
        if isinstance(_target, Unset):
            target = UNSET
        else:
            target = SearchTarget(_target)

        saved_search_input = cls(
            name=name,
            query=query,
            shared=shared,
            target=target,
        )

        return saved_search_input
