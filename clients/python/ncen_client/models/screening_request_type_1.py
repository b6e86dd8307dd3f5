from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.company_query import CompanyQuery


T = TypeVar("T", bound="ScreeningRequestType1")


@_attrs_define
class ScreeningRequestType1:
    """
    Attributes:
        company (CompanyQuery): A company as the officer knows it.
    """

    company: CompanyQuery

    def to_dict(self) -> dict[str, Any]:
        company = self.company.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company": company,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_query import CompanyQuery  # noqa: PLC0415

        d = dict(src_dict)
        company = CompanyQuery.from_dict(d.pop("company"))

        screening_request_type_1 = cls(
            company=company,
        )

        return screening_request_type_1
