from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TypologyInput")


@_attrs_define
class TypologyInput:
    """A fraud typology to record against the company's part in a case or an investigation
    (exactly one of the two, naming the company).

        Attributes:
            typology (str): A `fraud_typologies` code.
            case_id (None | Unset | UUID):
            investigation_id (None | Unset | UUID):
            note (None | str | Unset):
    """

    typology: str
    case_id: None | Unset | UUID = UNSET
    investigation_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        typology = self.typology

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        elif isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        investigation_id: None | str | Unset
        if isinstance(self.investigation_id, Unset):
            investigation_id = UNSET
        elif isinstance(self.investigation_id, UUID):
            investigation_id = str(self.investigation_id)
        else:
            investigation_id = self.investigation_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "typology": typology,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id
        if investigation_id is not UNSET:
            field_dict["investigation_id"] = investigation_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        typology = d.pop("typology")

        def _parse_case_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_id_type_0 = UUID(data)

                return case_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        def _parse_investigation_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                investigation_id_type_0 = UUID(data)

                return investigation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        investigation_id = _parse_investigation_id(d.pop("investigation_id", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        typology_input = cls(
            typology=typology,
            case_id=case_id,
            investigation_id=investigation_id,
            note=note,
        )

        return typology_input
