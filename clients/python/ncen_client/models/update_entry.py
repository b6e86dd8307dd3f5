from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.update_entry_labels_type_0 import UpdateEntryLabelsType0


T = TypeVar("T", bound="UpdateEntry")


@_attrs_define
class UpdateEntry:
    """An entry's editable fields. `PATCH` takes a JSON merge patch of them (RFC 7396): only
    what changes; within `labels`, `null` removes a language.

        Attributes:
            labels (None | Unset | UpdateEntryLabelsType0):
            retired (bool | None | Unset): `true` retires the entry (no longer offered for new records), `false` reinstates
                it.
            sort_order (int | None | Unset):
    """

    labels: None | Unset | UpdateEntryLabelsType0 = UNSET
    retired: bool | None | Unset = UNSET
    sort_order: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.update_entry_labels_type_0 import UpdateEntryLabelsType0  # noqa: PLC0415

        labels: dict[str, Any] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, UpdateEntryLabelsType0):
            labels = self.labels.to_dict()
        else:
            labels = self.labels

        retired: bool | None | Unset
        if isinstance(self.retired, Unset):
            retired = UNSET
        else:
            retired = self.retired

        sort_order: int | None | Unset
        if isinstance(self.sort_order, Unset):
            sort_order = UNSET
        else:
            sort_order = self.sort_order

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if labels is not UNSET:
            field_dict["labels"] = labels
        if retired is not UNSET:
            field_dict["retired"] = retired
        if sort_order is not UNSET:
            field_dict["sort_order"] = sort_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_entry_labels_type_0 import UpdateEntryLabelsType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_labels(data: object) -> None | Unset | UpdateEntryLabelsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                labels_type_0 = UpdateEntryLabelsType0.from_dict(data)

                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpdateEntryLabelsType0, data)

        labels = _parse_labels(d.pop("labels", UNSET))

        def _parse_retired(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        retired = _parse_retired(d.pop("retired", UNSET))

        def _parse_sort_order(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sort_order = _parse_sort_order(d.pop("sort_order", UNSET))

        update_entry = cls(
            labels=labels,
            retired=retired,
            sort_order=sort_order,
        )

        return update_entry
