from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.relation_kind import RelationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RelationInput")


@_attrs_define
class RelationInput:
    """A relation to record between this company and another.

    Attributes:
        company_id (UUID): The other company (not this one).
        kind (RelationKind): How this company stands to the other, as entered: "this company is the `parent` of the
            other", "… `subsidiary` of …", "… in the `same_group` as …", "… `successor_of` …" (a
            phoenix taking over), "… `predecessor_of` …", "… `agent_of` …", "… `principal_of` …".
        from_ (datetime.date | None | Unset):
        note (None | str | Unset):
        share_percent (float | None | Unset): Parent and subsidiary: the share the parent holds, over 0 and at most 100.
        until (datetime.date | None | Unset):
    """

    company_id: UUID
    kind: RelationKind
    from_: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    share_percent: float | None | Unset = UNSET
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        company_id = str(self.company_id)

        kind = self.kind.value

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        share_percent: float | None | Unset
        if isinstance(self.share_percent, Unset):
            share_percent = UNSET
        else:
            share_percent = self.share_percent

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        elif isinstance(self.until, datetime.date):
            until = self.until.isoformat()
        else:
            until = self.until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company_id": company_id,
                "kind": kind,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if note is not UNSET:
            field_dict["note"] = note
        if share_percent is not UNSET:
            field_dict["share_percent"] = share_percent
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        company_id = UUID(d.pop("company_id"))

        kind = RelationKind(d.pop("kind"))

        def _parse_from_(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_share_percent(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        share_percent = _parse_share_percent(d.pop("share_percent", UNSET))

        def _parse_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                until_type_0 = datetime.date.fromisoformat(data)

                return until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        until = _parse_until(d.pop("until", UNSET))

        relation_input = cls(
            company_id=company_id,
            kind=kind,
            from_=from_,
            note=note,
            share_percent=share_percent,
            until=until,
        )

        return relation_input
