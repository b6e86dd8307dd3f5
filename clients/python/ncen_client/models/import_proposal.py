from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportProposal")


@_attrs_define
class ImportProposal:
    """A party of an imported case that the import created, and an existing register record it
    may be (below the threshold at which the import links to it): to compare, and merge
    through the registers if they are one.

        Attributes:
            candidate_id (UUID): The existing record it may be.
            case_id (UUID):
            field (str): Where in the case (`persons[0]`).
            line (int):
            record_id (UUID): The record the import created.
            record_kind (str): `person` or `company`.
            score (float):
            candidate_label (None | str | Unset): How lists show the existing record.
            record_label (None | str | Unset): How lists show the created record (a person's name and date of birth, a
                company's
                name and country); absent once it is gone (merged away).
    """

    candidate_id: UUID
    case_id: UUID
    field: str
    line: int
    record_id: UUID
    record_kind: str
    score: float
    candidate_label: None | str | Unset = UNSET
    record_label: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        candidate_id = str(self.candidate_id)

        case_id = str(self.case_id)

        field = self.field

        line = self.line

        record_id = str(self.record_id)

        record_kind = self.record_kind

        score = self.score

        candidate_label: None | str | Unset
        if isinstance(self.candidate_label, Unset):
            candidate_label = UNSET
        else:
            candidate_label = self.candidate_label

        record_label: None | str | Unset
        if isinstance(self.record_label, Unset):
            record_label = UNSET
        else:
            record_label = self.record_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "candidate_id": candidate_id,
                "case_id": case_id,
                "field": field,
                "line": line,
                "record_id": record_id,
                "record_kind": record_kind,
                "score": score,
            }
        )
        if candidate_label is not UNSET:
            field_dict["candidate_label"] = candidate_label
        if record_label is not UNSET:
            field_dict["record_label"] = record_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidate_id = UUID(d.pop("candidate_id"))

        case_id = UUID(d.pop("case_id"))

        field = d.pop("field")

        line = d.pop("line")

        record_id = UUID(d.pop("record_id"))

        record_kind = d.pop("record_kind")

        score = d.pop("score")

        def _parse_candidate_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        candidate_label = _parse_candidate_label(d.pop("candidate_label", UNSET))

        def _parse_record_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        record_label = _parse_record_label(d.pop("record_label", UNSET))

        import_proposal = cls(
            candidate_id=candidate_id,
            case_id=case_id,
            field=field,
            line=line,
            record_id=record_id,
            record_kind=record_kind,
            score=score,
            candidate_label=candidate_label,
            record_label=record_label,
        )

        import_proposal.additional_properties = d
        return import_proposal

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
