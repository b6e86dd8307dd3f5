from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_status import AlertStatus
from ..models.requested_action import RequestedAction
from ..models.risk_level import RiskLevel
from ..models.subject_kind import SubjectKind

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="AlertSummary")


@_attrs_define
class AlertSummary:
    """An alert in a list.

    Attributes:
        id (UUID):
        new_hits (int): Hits awaiting review.
        owner (Named): A user or unit named on an alert, a merge, a review.
        reference (str):
        requested_action (RequestedAction): What an officer who meets the subject is asked to do: `inform_owner` (let it
            go, and
            tell the alert's owner), `discreet_check` (check without the subject noticing),
            `control` (control the subject and goods), `detain` (hold the subject or goods and call
            the owner).
        risk_level (RiskLevel):
        status (AlertStatus): `draft` (being written; matches nothing) → `active` (a supervisor of the owning unit
            activated it; data entering nCEN is checked against it) → `expired` (past its
            `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
        subject_kind (SubjectKind): What the alert watches: a register record, or a bare identifier.
        subject_label (str):
        updated_at (datetime.datetime):
        valid_from (datetime.date):
        valid_until (datetime.date):
    """

    id: UUID
    new_hits: int
    owner: Named
    reference: str
    requested_action: RequestedAction
    risk_level: RiskLevel
    status: AlertStatus
    subject_kind: SubjectKind
    subject_label: str
    updated_at: datetime.datetime
    valid_from: datetime.date
    valid_until: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        new_hits = self.new_hits

        owner = self.owner.to_dict()

        reference = self.reference

        requested_action = self.requested_action.value

        risk_level = self.risk_level.value

        status = self.status.value

        subject_kind = self.subject_kind.value

        subject_label = self.subject_label

        updated_at = self.updated_at.isoformat()

        valid_from = self.valid_from.isoformat()

        valid_until = self.valid_until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "new_hits": new_hits,
                "owner": owner,
                "reference": reference,
                "requested_action": requested_action,
                "risk_level": risk_level,
                "status": status,
                "subject_kind": subject_kind,
                "subject_label": subject_label,
                "updated_at": updated_at,
                "valid_from": valid_from,
                "valid_until": valid_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        new_hits = d.pop("new_hits")

        owner = Named.from_dict(d.pop("owner"))

        reference = d.pop("reference")

        requested_action = RequestedAction(d.pop("requested_action"))

        risk_level = RiskLevel(d.pop("risk_level"))

        status = AlertStatus(d.pop("status"))

        subject_kind = SubjectKind(d.pop("subject_kind"))

        subject_label = d.pop("subject_label")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        alert_summary = cls(
            id=id,
            new_hits=new_hits,
            owner=owner,
            reference=reference,
            requested_action=requested_action,
            risk_level=risk_level,
            status=status,
            subject_kind=subject_kind,
            subject_label=subject_label,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_until=valid_until,
        )

        alert_summary.additional_properties = d
        return alert_summary

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
