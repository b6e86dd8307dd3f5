from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_target import SearchTarget
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_search import CompanySearch
    from ..models.conveyance_search import ConveyanceSearch
    from ..models.person_search import PersonSearch
    from ..models.seizure_search import SeizureSearch


T = TypeVar("T", bound="SavedSearchDto")


@_attrs_define
class SavedSearchDto:
    """
    Attributes:
        active (bool):
        created_at (datetime.datetime):
        hits (int): Cases (or records) that matched since it was saved.
        id (UUID):
        mine (bool): The caller owns it (and may change it).
        name (str):
        owner_id (UUID):
        owner_name (str):
        query (CompanySearch | ConveyanceSearch | PersonSearch | SeizureSearch): The filters of the list `target` names:
            `SeizureSearch` (seizures), `PersonSearch`, `CompanySearch` or `ConveyanceSearch`; another list's filters are
            refused (`query`: `not_for_target`).
        shared (bool):
        target (SearchTarget): What a rule searches: seizure cases (the default) or one of the registers.
        unit_id (UUID):
        updated_at (datetime.datetime):
        version (int):
        last_hit_at (datetime.datetime | None | Unset):
    """

    active: bool
    created_at: datetime.datetime
    hits: int
    id: UUID
    mine: bool
    name: str
    owner_id: UUID
    owner_name: str
    query: CompanySearch | ConveyanceSearch | PersonSearch | SeizureSearch
    shared: bool
    target: SearchTarget
    unit_id: UUID
    updated_at: datetime.datetime
    version: int
    last_hit_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_search import CompanySearch  # noqa: PLC0415
        from ..models.person_search import PersonSearch  # noqa: PLC0415
        from ..models.seizure_search import SeizureSearch  # noqa: PLC0415

        active = self.active

        created_at = self.created_at.isoformat()

        hits = self.hits

        id = str(self.id)

        mine = self.mine

        name = self.name

        owner_id = str(self.owner_id)

        owner_name = self.owner_name

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

        target = self.target.value

        unit_id = str(self.unit_id)

        updated_at = self.updated_at.isoformat()

        version = self.version

        last_hit_at: None | str | Unset
        if isinstance(self.last_hit_at, Unset):
            last_hit_at = UNSET
        elif isinstance(self.last_hit_at, datetime.datetime):
            last_hit_at = self.last_hit_at.isoformat()
        else:
            last_hit_at = self.last_hit_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "hits": hits,
                "id": id,
                "mine": mine,
                "name": name,
                "owner_id": owner_id,
                "owner_name": owner_name,
                "query": query,
                "shared": shared,
                "target": target,
                "unit_id": unit_id,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if last_hit_at is not UNSET:
            field_dict["last_hit_at"] = last_hit_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_search import CompanySearch  # noqa: PLC0415
        from ..models.conveyance_search import ConveyanceSearch  # noqa: PLC0415
        from ..models.person_search import PersonSearch  # noqa: PLC0415
        from ..models.seizure_search import SeizureSearch  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        hits = d.pop("hits")

        id = UUID(d.pop("id"))

        mine = d.pop("mine")

        name = d.pop("name")

        owner_id = UUID(d.pop("owner_id"))

        owner_name = d.pop("owner_name")

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

        shared = d.pop("shared")

        target = SearchTarget(d.pop("target"))

        unit_id = UUID(d.pop("unit_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_last_hit_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_hit_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_hit_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_hit_at = _parse_last_hit_at(d.pop("last_hit_at", UNSET))

        saved_search_dto = cls(
            active=active,
            created_at=created_at,
            hits=hits,
            id=id,
            mine=mine,
            name=name,
            owner_id=owner_id,
            owner_name=owner_name,
            query=query,
            shared=shared,
            target=target,
            unit_id=unit_id,
            updated_at=updated_at,
            version=version,
            last_hit_at=last_hit_at,
        )

        saved_search_dto.additional_properties = d
        return saved_search_dto

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
