from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_entry_attributes_type_0 import CreateEntryAttributesType0
    from ..models.create_entry_labels import CreateEntryLabels


T = TypeVar("T", bound="CreateEntry")


@_attrs_define
class CreateEntry:
    """
    Attributes:
        code (str): 1–64 characters: letters, digits, `_`, `-`, `.`.
        labels (CreateEntryLabels):
        attributes (CreateEntryAttributesType0 | None | Unset):
        parent_code (None | str | Unset):
        sort_order (int | None | Unset):
    """

    code: str
    labels: CreateEntryLabels
    attributes: CreateEntryAttributesType0 | None | Unset = UNSET
    parent_code: None | str | Unset = UNSET
    sort_order: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_entry_attributes_type_0 import CreateEntryAttributesType0  # noqa: PLC0415

        code = self.code

        labels = self.labels.to_dict()

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, CreateEntryAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        parent_code: None | str | Unset
        if isinstance(self.parent_code, Unset):
            parent_code = UNSET
        else:
            parent_code = self.parent_code

        sort_order: int | None | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        else:
            sort_order = self.sort_order

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "labels": labels,
            }
        )
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if parent_code is not UNSET:
            field_dict["parent_code"] = parent_code
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_entry_attributes_type_0 import CreateEntryAttributesType0  # noqa: PLC0415
        from ..models.create_entry_labels import CreateEntryLabels  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        labels = CreateEntryLabels.from_dict(d.pop("labels"))

        def _parse_attributes(data: object) -> CreateEntryAttributesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = CreateEntryAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateEntryAttributesType0 | None | Unset, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        def _parse_parent_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_code = _parse_parent_code(d.pop("parent_code", UNSET))

        def _parse_sort_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sort_order = _parse_sort_order(d.pop("sort_order", UNSET))

        create_entry = cls(
            code=code,
            labels=labels,
            attributes=attributes,
            parent_code=parent_code,
            sort_order=sort_order,
        )

        return create_entry
