from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hit_status import HitStatus
from ..models.record_kind import RecordKind
from ..models.requested_action import RequestedAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="AlertNotice")


@_attrs_define
class AlertNotice:
    """What an officer whose data hit an alert is told (graded disclosure): what to do and whom
    to contact — never the reason or the intelligence behind the alert.

        Attributes:
            alert_reference (str):
            contact (Named): A user or unit named on an alert, a merge, a review.
            contact_unit (Named): A user or unit named on an alert, a merge, a review.
            created_at (datetime.datetime):
            hit_id (UUID):
            record_id (UUID):
            record_kind (RecordKind): The kind of register record a hit is about.
            record_label (str):
            requested_action (RequestedAction): What an officer who meets the subject is asked to do: `inform_owner` (let it
                go, and
                tell the alert's owner), `discreet_check` (check without the subject noticing),
                `control` (control the subject and goods), `detain` (hold the subject or goods and call
                the owner).
            status (HitStatus): `new` (awaiting review by the alert's unit), `confirmed` (it is the subject: the cases
                that brought it are linked to the alert), `dismissed` (it is not; the same data will
                not hit this alert again).
            handling_instructions (None | str | Unset):
    """

    alert_reference: str
    contact: Named
    contact_unit: Named
    created_at: datetime.datetime
    hit_id: UUID
    record_id: UUID
    record_kind: RecordKind
    record_label: str
    requested_action: RequestedAction
    status: HitStatus
    handling_instructions: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_reference = self.alert_reference

        contact = self.contact.to_dict()

        contact_unit = self.contact_unit.to_dict()

        created_at = self.created_at.isoformat()

        hit_id = str(self.hit_id)

        record_id = str(self.record_id)

        record_kind = self.record_kind.value

        record_label = self.record_label

        requested_action = self.requested_action.value

        status = self.status.value

        handling_instructions: None | str | Unset
        if isinstance(self.handling_instructions, Unset):
            handling_instructions = UNSET
        else:
            handling_instructions = self.handling_instructions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alert_reference": alert_reference,
                "contact": contact,
                "contact_unit": contact_unit,
                "created_at": created_at,
                "hit_id": hit_id,
                "record_id": record_id,
                "record_kind": record_kind,
                "record_label": record_label,
                "requested_action": requested_action,
                "status": status,
            }
        )
        if handling_instructions is not UNSET:
            field_dict["handling_instructions"] = handling_instructions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        alert_reference = d.pop("alert_reference")

        contact = Named.from_dict(d.pop("contact"))

        contact_unit = Named.from_dict(d.pop("contact_unit"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        hit_id = UUID(d.pop("hit_id"))

        record_id = UUID(d.pop("record_id"))

        record_kind = RecordKind(d.pop("record_kind"))

        record_label = d.pop("record_label")

        requested_action = RequestedAction(d.pop("requested_action"))

        status = HitStatus(d.pop("status"))

        def _parse_handling_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handling_instructions = _parse_handling_instructions(d.pop("handling_instructions", UNSET))

        alert_notice = cls(
            alert_reference=alert_reference,
            contact=contact,
            contact_unit=contact_unit,
            created_at=created_at,
            hit_id=hit_id,
            record_id=record_id,
            record_kind=record_kind,
            record_label=record_label,
            requested_action=requested_action,
            status=status,
            handling_instructions=handling_instructions,
        )

        alert_notice.additional_properties = d
        return alert_notice

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
