from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.link_input import LinkInput
    from ..models.member_input import MemberInput


T = TypeVar("T", bound="InvestigationInput")


@_attrs_define
class InvestigationInput:
    """A new investigation. The caller's unit supervises it; the lead and team may be named now
    (a supervisor names the lead) or later.

        Attributes:
            legal_basis (str): The legal basis of the investigation (the law, the prosecutor's mandate…).
            priority (str): Code list `investigation_priorities`.
            title (str):
            due_date (datetime.date | None | Unset): Not before today.
            lead_id (None | Unset | UUID): The lead investigator (a supervisor names them; they must be able to work on
                investigations).
            links (list[LinkInput] | Unset): What it starts from: a seizure case, a person, a company, a conveyance, an
                alert or a
                confirmed hit (links with their roles).
            members (list[MemberInput] | Unset): The first team: users and units.
            offence_types (list[str] | Unset): Code list `offence_types`.
            summary (None | str | Unset): What is suspected and why (nominal: seen by the team only).
    """

    legal_basis: str
    priority: str
    title: str
    due_date: datetime.date | None | Unset = UNSET
    lead_id: None | Unset | UUID = UNSET
    links: list[LinkInput] | Unset = UNSET
    members: list[MemberInput] | Unset = UNSET
    offence_types: list[str] | Unset = UNSET
    summary: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        legal_basis = self.legal_basis

        priority = self.priority

        title = self.title

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        elif isinstance(self.lead_id, UUID):
            lead_id = str(self.lead_id)
        else:
            lead_id = self.lead_id

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        members: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = members_item_data.to_dict()
                members.append(members_item)

        offence_types: list[str] | Unset = UNSET
        if not isinstance(self.offence_types, Unset):
            offence_types = self.offence_types

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "legal_basis": legal_basis,
                "priority": priority,
                "title": title,
            }
        )
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id
        if links is not UNSET:
            field_dict["links"] = links
        if members is not UNSET:
            field_dict["members"] = members
        if offence_types is not UNSET:
            field_dict["offence_types"] = offence_types
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link_input import LinkInput  # noqa: PLC0415
        from ..models.member_input import MemberInput  # noqa: PLC0415

        d = dict(src_dict)
        legal_basis = d.pop("legal_basis")

        priority = d.pop("priority")

        title = d.pop("title")

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_lead_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lead_id_type_0 = UUID(data)

                return lead_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        lead_id = _parse_lead_id(d.pop("lead_id", UNSET))

        _links = d.pop("links", UNSET)
        links: list[LinkInput] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = LinkInput.from_dict(links_item_data)

                links.append(links_item)

        _members = d.pop("members", UNSET)
        members: list[MemberInput] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = MemberInput.from_dict(members_item_data)

                members.append(members_item)

        offence_types = cast(list[str], d.pop("offence_types", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        investigation_input = cls(
            legal_basis=legal_basis,
            priority=priority,
            title=title,
            due_date=due_date,
            lead_id=lead_id,
            links=links,
            members=members,
            offence_types=offence_types,
            summary=summary,
        )

        return investigation_input
