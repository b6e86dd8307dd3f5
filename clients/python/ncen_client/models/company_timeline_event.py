from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.timeline_kind import TimelineKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyTimelineEvent")


@_attrs_define
class CompanyTimelineEvent:
    """One event of a company's timeline.

    Attributes:
        at (datetime.datetime): Cases: detected; investigations: linked; alerts: activated (or written); hits:
            found; threads: started.
        id (UUID): The record to open: the case, investigation, alert (for a hit too) or thread.
        kind (TimelineKind): What a timeline event is: a case the company appears in (`detail`: its roles there),
            its link to an investigation (`detail`: its role), an alert on it (`detail`: the risk
            level), a hit of an alert on its record, a message thread about it — about one of its
            cases or investigations, or a warning watching it (`detail`: the thread's kind).
        detail (None | str | Unset):
        reference (None | str | Unset): The case's, investigation's or alert's reference.
        status (None | str | Unset): The case's, investigation's, alert's or hit's status.
        title (None | str | Unset): The investigation's title, the thread's subject.
    """

    at: datetime.datetime
    id: UUID
    kind: TimelineKind
    detail: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "id": id,
                "kind": kind,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if reference is not UNSET:
            field_dict["reference"] = reference
        if status is not UNSET:
            field_dict["status"] = status
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        kind = TimelineKind(d.pop("kind"))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        company_timeline_event = cls(
            at=at,
            id=id,
            kind=kind,
            detail=detail,
            reference=reference,
            status=status,
            title=title,
        )

        company_timeline_event.additional_properties = d
        return company_timeline_event

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
