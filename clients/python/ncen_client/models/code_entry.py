from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.code_entry_attributes import CodeEntryAttributes
    from ..models.code_entry_labels import CodeEntryLabels


T = TypeVar("T", bound="CodeEntry")


@_attrs_define
class CodeEntry:
    """
    Attributes:
        attributes (CodeEntryAttributes): List-specific attributes, e.g. `kg_factor` for units of measure.
        code (str):
        labels (CodeEntryLabels): Label by language (`en` always present).
        retired (bool):
        sort_order (int):
        parent_code (None | str | Unset):
        retired_at (datetime.datetime | None | Unset):
    """

    attributes: CodeEntryAttributes
    code: str
    labels: CodeEntryLabels
    retired: bool
    sort_order: int
    parent_code: None | str | Unset = UNSET
    retired_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        code = self.code

        labels = self.labels.to_dict()

        retired = self.retired

        sort_order = self.sort_order

        parent_code: None | str | Unset
        if isinstance(self.parent_code, Unset):
            parent_code = UNSET
        else:
            parent_code = self.parent_code

        retired_at: None | str | Unset
        if isinstance(self.retired_at, Unset):
            retired_at = UNSET
        elif isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attributes": attributes,
                "code": code,
                "labels": labels,
                "retired": retired,
                "sort_order": sort_order,
            }
        )
        if parent_code is not UNSET:
            field_dict["parent_code"] = parent_code
        if retired_at is not UNSET:
            field_dict["retired_at"] = retired_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_entry_attributes import CodeEntryAttributes  # noqa: PLC0415
        from ..models.code_entry_labels import CodeEntryLabels  # noqa: PLC0415

        d = dict(src_dict)
        attributes = CodeEntryAttributes.from_dict(d.pop("attributes"))

        code = d.pop("code")

        labels = CodeEntryLabels.from_dict(d.pop("labels"))

        retired = d.pop("retired")

        sort_order = d.pop("sort_order")

        def _parse_parent_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_code = _parse_parent_code(d.pop("parent_code", UNSET))

        def _parse_retired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        retired_at = _parse_retired_at(d.pop("retired_at", UNSET))

        code_entry = cls(
            attributes=attributes,
            code=code,
            labels=labels,
            retired=retired,
            sort_order=sort_order,
            parent_code=parent_code,
            retired_at=retired_at,
        )

        code_entry.additional_properties = d
        return code_entry

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
