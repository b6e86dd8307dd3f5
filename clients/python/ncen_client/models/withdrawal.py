from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.withdrawn_case import WithdrawnCase


T = TypeVar("T", bound="Withdrawal")


@_attrs_define
class Withdrawal:
    """The cases a sender withdraws, and why.

    Attributes:
        cases (list[WithdrawnCase]): Each case's reference and the version withdrawn (that one and every earlier one).
        package_id (UUID): The package that carried them.
        reason (str): Told to the receiver, 1–2000 characters.
    """

    cases: list[WithdrawnCase]
    package_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        package_id = str(self.package_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cases": cases,
                "package_id": package_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.withdrawn_case import WithdrawnCase  # noqa: PLC0415

        d = dict(src_dict)
        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = WithdrawnCase.from_dict(cases_item_data)

            cases.append(cases_item)

        package_id = UUID(d.pop("package_id"))

        reason = d.pop("reason")

        withdrawal = cls(
            cases=cases,
            package_id=package_id,
            reason=reason,
        )

        return withdrawal
