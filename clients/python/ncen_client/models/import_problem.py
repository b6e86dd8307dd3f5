from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportProblem")


@_attrs_define
class ImportProblem:
    """What was wrong with a line.

    Attributes:
        code (str): Stable code: the API's field-error codes and `invalid` (a value of the wrong type);
            for the line itself `encoding`, `too_long`, `duplicate`, NDJSON's `json` and
            `not_an_object`, CSV's `columns`, `quote` and `csv`; `locked` for a case no longer a
            draft (reopen it to let an import change it). See `docs/imports.md`.
        field (str): The field (as the create endpoint names it), or `line` for the line as a whole.
        line (int): 1-based line of the file.
        message (str):
        external_id (None | str | Unset):
    """

    code: str
    field: str
    line: int
    message: str
    external_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        field = self.field

        line = self.line

        message = self.message

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "field": field,
                "line": line,
                "message": message,
            }
        )
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        field = d.pop("field")

        line = d.pop("line")

        message = d.pop("message")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        import_problem = cls(
            code=code,
            field=field,
            line=line,
            message=message,
            external_id=external_id,
        )

        import_problem.additional_properties = d
        return import_problem

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
