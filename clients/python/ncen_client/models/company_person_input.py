from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.person_role import PersonRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="CompanyPersonInput")


@_attrs_define
class CompanyPersonInput:
    """A person to link to the company.

    Attributes:
        person_id (UUID):
        role (PersonRole): A person's role in a company.
        from_ (datetime.date | None | Unset):
        note (None | str | Unset):
        share_percent (float | None | Unset): Shareholders and beneficial owners: the share held, over 0 and at most
            100; the shares
            held at any one time add up to at most 100 %.
        until (datetime.date | None | Unset): Not before `from`.
    """

    person_id: UUID
    role: PersonRole
    from_: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    share_percent: float | None | Unset = UNSET
    until: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        role = self.role.value

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
                "person_id": person_id,
                "role": role,
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
        person_id = UUID(d.pop("person_id"))

        role = PersonRole(d.pop("role"))

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

        company_person_input = cls(
            person_id=person_id,
            role=role,
            from_=from_,
            note=note,
            share_percent=share_percent,
            until=until,
        )

        return company_person_input
