from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shared_kind import SharedKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_ref import CompanyRef


T = TypeVar("T", bound="ComputedLink")


@_attrs_define
class ComputedLink:
    """A computed link: another company sharing something with this one.

    Attributes:
        company (CompanyRef): Another company, as a link shows it.
        shared (SharedKind): Why two companies are linked without anyone having recorded it.
        value (str): What is shared: the address, number or account as stored, or the person's name.
        person_id (None | Unset | UUID): The shared person, for `director` and `owner`.
    """

    company: CompanyRef
    shared: SharedKind
    value: str
    person_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company = self.company.to_dict()

        shared = self.shared.value

        value = self.value

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "company": company,
                "shared": shared,
                "value": value,
            }
        )
        if person_id is not UNSET:
            field_dict["person_id"] = person_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415

        d = dict(src_dict)
        company = CompanyRef.from_dict(d.pop("company"))

        shared = SharedKind(d.pop("shared"))

        value = d.pop("value")

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

        computed_link = cls(
            company=company,
            shared=shared,
            value=value,
            person_id=person_id,
        )

        computed_link.additional_properties = d
        return computed_link

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
