from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.import_mode import ImportMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="CommitRequest")


@_attrs_define
class CommitRequest:
    """Committing a dry run: its file, imported for real.

    Attributes:
        mode (ImportMode | None | Unset):
    """

    mode: ImportMode | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, ImportMode):
            mode = self.mode.value
        else:
            mode = self.mode

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_mode(data: object) -> ImportMode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_1 = ImportMode(data)

                return mode_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportMode | None | Unset, data)

        mode = _parse_mode(d.pop("mode", UNSET))

        commit_request = cls(
            mode=mode,
        )

        return commit_request
