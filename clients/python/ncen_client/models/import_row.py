from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_outcome import ImportOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="ImportRow")


@_attrs_define
class ImportRow:
    """
    Attributes:
        errors (list[FieldError]):
        line (int): The file's line (the header is line 1).
        name (str):
        outcome (ImportOutcome):
        company_id (None | Unset | UUID): The company matched, or created on commit.
        existing_label (None | str | Unset): Matched by name or proposed: the existing company, its label and the score.
        score (float | None | Unset):
    """

    errors: list[FieldError]
    line: int
    name: str
    outcome: ImportOutcome
    company_id: None | Unset | UUID = UNSET
    existing_label: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        line = self.line

        name = self.name

        outcome = self.outcome.value

        company_id: None | str | Unset
        if isinstance(self.company_id, Unset):
            company_id = UNSET
        elif isinstance(self.company_id, UUID):
            company_id = str(self.company_id)
        else:
            company_id = self.company_id

        existing_label: None | str | Unset
        if isinstance(self.existing_label, Unset):
            existing_label = UNSET
        else:
            existing_label = self.existing_label

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "line": line,
                "name": name,
                "outcome": outcome,
            }
        )
        if company_id is not UNSET:
            field_dict["company_id"] = company_id
        if existing_label is not UNSET:
            field_dict["existing_label"] = existing_label
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = FieldError.from_dict(errors_item_data)

            errors.append(errors_item)

        line = d.pop("line")

        name = d.pop("name")

        outcome = ImportOutcome(d.pop("outcome"))

        def _parse_company_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                company_id_type_0 = UUID(data)

                return company_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        company_id = _parse_company_id(d.pop("company_id", UNSET))

        def _parse_existing_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_label = _parse_existing_label(d.pop("existing_label", UNSET))

        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        import_row = cls(
            errors=errors,
            line=line,
            name=name,
            outcome=outcome,
            company_id=company_id,
            existing_label=existing_label,
            score=score,
        )

        import_row.additional_properties = d
        return import_row

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
