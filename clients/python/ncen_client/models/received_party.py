from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.candidate import Candidate
    from ..models.party_link import PartyLink
    from ..models.provenance import Provenance
    from ..models.screening_alert import ScreeningAlert


T = TypeVar("T", bound="ReceivedParty")


@_attrs_define
class ReceivedParty:
    """A person or company of a received case, with this node's register records that may be the
    same and the active alerts it may hit (as when imported).

        Attributes:
            alerts (list[ScreeningAlert]): Active alerts it may hit (`ScreeningAlert`).
            candidates (list[Candidate]): Register records that may be the same, best first (`Candidate` of the screening):
                proposals for a liaison officer or analyst, never merged automatically.
            kind (str): `person` or `company`.
            label (str):
            position (int): Where it stands among the case's parties (persons first, then companies): names it in
                `/exchange/received/{id}/parties/{position}/link`.
            provenance (Provenance): Where a received record comes from.
            link (None | PartyLink | Unset):
            role (None | str | Unset):
    """

    alerts: list[ScreeningAlert]
    candidates: list[Candidate]
    kind: str
    label: str
    position: int
    provenance: Provenance
    link: None | PartyLink | Unset = UNSET
    role: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.party_link import PartyLink  # noqa: PLC0415

        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)

        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)

        kind = self.kind

        label = self.label

        position = self.position

        provenance = self.provenance.to_dict()

        link: dict[str, Any] | None | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        elif isinstance(self.link, PartyLink):
            link = self.link.to_dict()
        else:
            link = self.link

        role: None | str | Unset
        if isinstance(self.role, Unset):
            role = UNSET
        else:
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "alerts": alerts,
                "candidates": candidates,
                "kind": kind,
                "label": label,
                "position": position,
                "provenance": provenance,
            }
        )
        if link is not UNSET:
            field_dict["link"] = link
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate import Candidate  # noqa: PLC0415
        from ..models.party_link import PartyLink  # noqa: PLC0415
        from ..models.provenance import Provenance  # noqa: PLC0415
        from ..models.screening_alert import ScreeningAlert  # noqa: PLC0415

        d = dict(src_dict)
        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = ScreeningAlert.from_dict(alerts_item_data)

            alerts.append(alerts_item)

        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in _candidates:
            candidates_item = Candidate.from_dict(candidates_item_data)

            candidates.append(candidates_item)

        kind = d.pop("kind")

        label = d.pop("label")

        position = d.pop("position")

        provenance = Provenance.from_dict(d.pop("provenance"))

        def _parse_link(data: object) -> None | PartyLink | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_type_1 = PartyLink.from_dict(data)

                return link_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartyLink | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        def _parse_role(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role = _parse_role(d.pop("role", UNSET))

        received_party = cls(
            alerts=alerts,
            candidates=candidates,
            kind=kind,
            label=label,
            position=position,
            provenance=provenance,
            link=link,
            role=role,
        )

        received_party.additional_properties = d
        return received_party

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
