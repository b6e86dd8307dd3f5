from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RenewInput")


@_attrs_define
class RenewInput:
    """A renewal: the new end of validity, at most 12 months from today.

    Attributes:
        valid_until (datetime.date):
    """

    valid_until: datetime.date

    def to_dict(self) -> dict[str, Any]:
        valid_until = self.valid_until.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "valid_until": valid_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        renew_input = cls(
            valid_until=valid_until,
        )

        return renew_input
