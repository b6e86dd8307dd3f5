from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="Typology")


@_attrs_define
class Typology:
    """
    Attributes:
        id (UUID):
        recorded_at (datetime.datetime):
        recorded_by (Named): A user or unit named on an alert, a merge, a review.
        typology (str):
        case (Named | None | Unset):
        investigation (Named | None | Unset):
        note (None | str | Unset):
    """

    id: UUID
    recorded_at: datetime.datetime
    recorded_by: Named
    typology: str
    case: Named | None | Unset = UNSET
    investigation: Named | None | Unset = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        id = str(self.id)

        recorded_at = self.recorded_at.isoformat()

        recorded_by = self.recorded_by.to_dict()

        typology = self.typology

        case: dict[str, Any] | None | Unset
        if isinstance(self.case, Unset):
            case = UNSET
        elif isinstance(self.case, Named):
            case = self.case.to_dict()
        else:
            case = self.case

        investigation: dict[str, Any] | None | Unset
        if isinstance(self.investigation, Unset):
            investigation = UNSET
        elif isinstance(self.investigation, Named):
            investigation = self.investigation.to_dict()
        else:
            investigation = self.investigation

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "typology": typology,
            }
        )
        if case is not UNSET:
            field_dict["case"] = case
        if investigation is not UNSET:
            field_dict["investigation"] = investigation
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by = Named.from_dict(d.pop("recorded_by"))

        typology = d.pop("typology")

        def _parse_case(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                case_type_1 = Named.from_dict(data)

                return case_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        case = _parse_case(d.pop("case", UNSET))

        def _parse_investigation(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                investigation_type_1 = Named.from_dict(data)

                return investigation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        investigation = _parse_investigation(d.pop("investigation", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        typology = cls(
            id=id,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            typology=typology,
            case=case,
            investigation=investigation,
            note=note,
        )

        typology.additional_properties = d
        return typology

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
