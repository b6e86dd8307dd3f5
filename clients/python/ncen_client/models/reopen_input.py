from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReopenInput")


@_attrs_define
class ReopenInput:
    """A reason for sending a case back or reopening it.

    Attributes:
        reason (str): Why the case goes back to draft (1–1000 characters); kept in the history, shown at the
            top of the case and sent to its officer.
    """

    reason: str

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        reopen_input = cls(
            reason=reason,
        )

        return reopen_input
