from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_entry import CodeEntry


T = TypeVar("T", bound="CodeList")


@_attrs_define
class CodeList:
    """
    Attributes:
        description (str):
        entries (list[CodeEntry]):
        name (str):
        parent_list (None | str | Unset):
    """

    description: str
    entries: list[CodeEntry]
    name: str
    parent_list: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)

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
                "entries": entries,
                "name": name,
            }
        )
        if parent_list is not UNSET:
            field_dict["parent_list"] = parent_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_entry import CodeEntry  # noqa: PLC0415

        d = dict(src_dict)
        description = d.pop("description")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in _entries:
            entries_item = CodeEntry.from_dict(entries_item_data)

            entries.append(entries_item)

        name = d.pop("name")

        def _parse_parent_list(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_list = _parse_parent_list(d.pop("parent_list", UNSET))

        code_list = cls(
            description=description,
            entries=entries,
            name=name,
            parent_list=parent_list,
        )

        code_list.additional_properties = d
        return code_list

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
