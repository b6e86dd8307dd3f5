from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CodeListSummary")


@_attrs_define
class CodeListSummary:
    """
    Attributes:
        description (str):
        entry_count (int): Active entries.
        name (str):
        parent_list (None | str | Unset): The list whose codes this list's `parent_code` refers to.
    """

    description: str
    entry_count: int
    name: str
    parent_list: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        entry_count = self.entry_count

        name = self.name

        parent_list: None | str | Unset
        if isinstance(self.parent_list, Unset):
            parent_list = UNSET
        else:
            parent_list = self.parent_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "entry_count": entry_count,
                "name": name,
            }
        )
        if parent_list is not UNSET:
            field_dict["parent_list"] = parent_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        entry_count = d.pop("entry_count")

        name = d.pop("name")

        def _parse_parent_list(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_list = _parse_parent_list(d.pop("parent_list", UNSET))

        code_list_summary = cls(
            description=description,
            entry_count=entry_count,
            name=name,
            parent_list=parent_list,
        )

        code_list_summary.additional_properties = d
        return code_list_summary

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
