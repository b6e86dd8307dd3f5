from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_kind import CaseKind
from ..models.case_status import CaseStatus

T = TypeVar("T", bound="CaseAppearance")


@_attrs_define
class CaseAppearance:
    """A case a register record appears in, and its role there.

    Attributes:
        case_id (UUID):
        detected_at (datetime.datetime):
        kind (CaseKind): A seizure (goods seized) or an offence without seizure.
        reference (str):
        role (str):
        status (CaseStatus): Where a case is in its workflow: `draft → submitted → validated` (reopen → draft).
    """

    case_id: UUID
    detected_at: datetime.datetime
    kind: CaseKind
    reference: str
    role: str
    status: CaseStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        detected_at = self.detected_at.isoformat()

        kind = self.kind.value

        reference = self.reference

        role = self.role

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "detected_at": detected_at,
                "kind": kind,
                "reference": reference,
                "role": role,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        kind = CaseKind(d.pop("kind"))

        reference = d.pop("reference")

        role = d.pop("role")

        status = CaseStatus(d.pop("status"))

        case_appearance = cls(
            case_id=case_id,
            detected_at=detected_at,
            kind=kind,
            reference=reference,
            role=role,
            status=status,
        )

        case_appearance.additional_properties = d
        return case_appearance

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
