from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.requested_action import RequestedAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named import Named


T = TypeVar("T", bound="ScreeningAlert")


@_attrs_define
class ScreeningAlert:
    """An active alert a screening query hits, as the screening officer may know it (graded
    disclosure): what to do and whom to contact, never the reason or the subject.

        Attributes:
            alert_reference (str):
            contact (Named): A user or unit named on an alert, a merge, a review.
            contact_unit (Named): A user or unit named on an alert, a merge, a review.
            requested_action (RequestedAction): What an officer who meets the subject is asked to do: `inform_owner` (let it
                go, and
                tell the alert's owner), `discreet_check` (check without the subject noticing),
                `control` (control the subject and goods), `detain` (hold the subject or goods and call
                the owner).
            score (float): From 0 to 1 (1: an identifier is the same).
            handling_instructions (None | str | Unset):
    """

    alert_reference: str
    contact: Named
    contact_unit: Named
    requested_action: RequestedAction
    score: float
    handling_instructions: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alert_reference = self.alert_reference

        contact = self.contact.to_dict()

        contact_unit = self.contact_unit.to_dict()

        requested_action = self.requested_action.value

        score = self.score

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
                "requested_action": requested_action,
                "score": score,
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

        requested_action = RequestedAction(d.pop("requested_action"))

        score = d.pop("score")

        def _parse_handling_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handling_instructions = _parse_handling_instructions(d.pop("handling_instructions", UNSET))

        screening_alert = cls(
            alert_reference=alert_reference,
            contact=contact,
            contact_unit=contact_unit,
            requested_action=requested_action,
            score=score,
            handling_instructions=handling_instructions,
        )

        screening_alert.additional_properties = d
        return screening_alert

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
