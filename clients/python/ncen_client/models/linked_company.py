from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.company_dto import CompanyDto


T = TypeVar("T", bound="LinkedCompany")


@_attrs_define
class LinkedCompany:
    """
    Attributes:
        company (CompanyDto): A company record.
        role (str):
    """

    company: CompanyDto
    role: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        company = self.company.to_dict()

        role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "company": company,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_dto import CompanyDto  # noqa: PLC0415

        d = dict(src_dict)
        company = CompanyDto.from_dict(d.pop("company"))

        role = d.pop("role")

        linked_company = cls(
            company=company,
            role=role,
        )

        linked_company.additional_properties = d
        return linked_company

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
