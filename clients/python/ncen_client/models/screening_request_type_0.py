from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.person_query import PersonQuery


T = TypeVar("T", bound="ScreeningRequestType0")


@_attrs_define
class ScreeningRequestType0:
    """
    Attributes:
        person (PersonQuery): A person as the officer knows them: a full name in one field (any order, any script) or
            family and given names apart, and whatever else is at hand.
    """

    person: PersonQuery

    def to_dict(self) -> dict[str, Any]:
        person = self.person.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person": person,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_query import PersonQuery  # noqa: PLC0415

        d = dict(src_dict)
        person = PersonQuery.from_dict(d.pop("person"))

        screening_request_type_0 = cls(
            person=person,
        )

        return screening_request_type_0
