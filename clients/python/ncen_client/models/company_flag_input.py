from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CompanyFlagInput")


@_attrs_define
class CompanyFlagInput:
    """An analyst's manual flag: points added to (or taken from) the risk score, with why.

    Attributes:
        points (int): −50 to 50, not 0.
        reason (str):
    """

    points: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        points = self.points

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "points": points,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        points = d.pop("points")

        reason = d.pop("reason")

        company_flag_input = cls(
            points=points,
            reason=reason,
        )

        return company_flag_input
