from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="LinkParty")


@_attrs_define
class LinkParty:
    """Links a received party to a register record.

    Attributes:
        record_id (UUID): A person of the register for a person, a company for a company (a merged record's
            survivor is linked).
    """

    record_id: UUID

    def to_dict(self) -> dict[str, Any]:
        record_id = str(self.record_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "record_id": record_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        record_id = UUID(d.pop("record_id"))

        link_party = cls(
            record_id=record_id,
        )

        return link_party
