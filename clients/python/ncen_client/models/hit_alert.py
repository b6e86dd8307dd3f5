from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.requested_action import RequestedAction
from ..models.risk_level import RiskLevel
from ..models.subject_kind import SubjectKind

T = TypeVar("T", bound="HitAlert")


@_attrs_define
class HitAlert:
    """The alert a hit is about, as its unit sees it in the queue.

    Attributes:
        id (UUID):
        reference (str):
        requested_action (RequestedAction): What an officer who meets the subject is asked to do: `inform_owner` (let it
            go, and
            tell the alert's owner), `discreet_check` (check without the subject noticing),
            `control` (control the subject and goods), `detain` (hold the subject or goods and call
            the owner).
        risk_level (RiskLevel):
        subject_kind (SubjectKind): What the alert watches: a register record, or a bare identifier.
        subject_label (str):
    """

    id: UUID
    reference: str
    requested_action: RequestedAction
    risk_level: RiskLevel
    subject_kind: SubjectKind
    subject_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reference = self.reference

        requested_action = self.requested_action.value

        risk_level = self.risk_level.value

        subject_kind = self.subject_kind.value

        subject_label = self.subject_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "requested_action": requested_action,
                "risk_level": risk_level,
                "subject_kind": subject_kind,
                "subject_label": subject_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reference = d.pop("reference")

        requested_action = RequestedAction(d.pop("requested_action"))

        risk_level = RiskLevel(d.pop("risk_level"))

        subject_kind = SubjectKind(d.pop("subject_kind"))

        subject_label = d.pop("subject_label")

        hit_alert = cls(
            id=id,
            reference=reference,
            requested_action=requested_action,
            risk_level=risk_level,
            subject_kind=subject_kind,
            subject_label=subject_label,
        )

        hit_alert.additional_properties = d
        return hit_alert

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
