from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_input import CompanyInput


T = TypeVar("T", bound="CompanyLinkInput")


@_attrs_define
class CompanyLinkInput:
    """A company linked to the case: an existing record (`company_id`) or a new one (`company`).

    Attributes:
        role (str): Code from `company_roles`.
        company (CompanyInput | None | Unset):
        company_id (None | Unset | UUID):
    """

    role: str
    company: CompanyInput | None | Unset = UNSET
    company_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_input import CompanyInput  # noqa: PLC0415

        role = self.role

        company: dict[str, Any] | None | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        elif isinstance(self.company, CompanyInput):
            company = self.company.to_dict()
        else:
            company = self.company

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        elif isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if company is not UNSET:
            field_dict["company"] = company
        if company_id is not UNSET:
            field_dict["company_id"] = company_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_input import CompanyInput  # noqa: PLC0415

        d = dict(src_dict)
        role = d.pop("role")

        def _parse_company(data: object) -> CompanyInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                company_type_1 = CompanyInput.from_dict(data)

                return company_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyInput | None | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_company_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_id_type_0 = UUID(data)

                return company_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

        company_link_input = cls(
            role=role,
            company=company,
            company_id=company_id,
        )

        return company_link_input
