from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_input import PersonInput


T = TypeVar("T", bound="PersonLinkInput")


@_attrs_define
class PersonLinkInput:
    """A person linked to the case: an existing record (`person_id`) or a new one (`person`).

    Attributes:
        role (str): Code from `person_roles`.
        person (None | PersonInput | Unset):
        person_id (None | Unset | UUID):
    """

    role: str
    person: None | PersonInput | Unset = UNSET
    person_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_input import PersonInput  # noqa: PLC0415

        role = self.role

        person: dict[str, Any] | None | Unset
        if isinstance(self.person, Unset):
            person = UNSET
        elif isinstance(self.person, PersonInput):
            person = self.person.to_dict()
        else:
            person = self.person

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if person is not UNSET:
            field_dict["person"] = person
        if person_id is not UNSET:
            field_dict["person_id"] = person_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_input import PersonInput  # noqa: PLC0415

        d = dict(src_dict)
        role = d.pop("role")

        def _parse_person(data: object) -> None | PersonInput | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                person_type_1 = PersonInput.from_dict(data)

                return person_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonInput | Unset, data)

        person = _parse_person(d.pop("person", UNSET))

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        person_link_input = cls(
            role=role,
            person=person,
            person_id=person_id,
        )

        return person_link_input
