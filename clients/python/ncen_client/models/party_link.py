from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartyLink")


@_attrs_define
class PartyLink:
    """A liaison officer's decision that a received party is a register record.

    Attributes:
        linked_at (datetime.datetime):
        linked_by (UUID):
        record_id (UUID): The register record (a person for a person, a company for a company); when it was
            merged since, its survivor.
        record_label (str): How lists show the record.
        linked_by_name (None | str | Unset):
    """

    linked_at: datetime.datetime
    linked_by: UUID
    record_id: UUID
    record_label: str
    linked_by_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        linked_at = self.linked_at.isoformat()

        linked_by = str(self.linked_by)

        record_id = str(self.record_id)

        record_label = self.record_label

        linked_by_name: None | str | Unset
        if isinstance(self.linked_by_name, Unset):
            linked_by_name = UNSET
        else:
            linked_by_name = self.linked_by_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "linked_at": linked_at,
                "linked_by": linked_by,
                "record_id": record_id,
                "record_label": record_label,
            }
        )
        if linked_by_name is not UNSET:
            field_dict["linked_by_name"] = linked_by_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        linked_at = datetime.datetime.fromisoformat(d.pop("linked_at"))

        linked_by = UUID(d.pop("linked_by"))

        record_id = UUID(d.pop("record_id"))

        record_label = d.pop("record_label")

        def _parse_linked_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linked_by_name = _parse_linked_by_name(d.pop("linked_by_name", UNSET))

        party_link = cls(
            linked_at=linked_at,
            linked_by=linked_by,
            record_id=record_id,
            record_label=record_label,
            linked_by_name=linked_by_name,
        )

        party_link.additional_properties = d
        return party_link

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
