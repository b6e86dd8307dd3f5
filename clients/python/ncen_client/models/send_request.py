from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.scope import Scope
from ..types import UNSET, Unset

T = TypeVar("T", bound="SendRequest")


@_attrs_define
class SendRequest:
    """Validated cases to send to a partner. A liaison officer's package is signed and queued at
    once; an investigator's waits for a liaison officer's approval (four eyes).

        Attributes:
            case_ids (list[UUID]): Validated cases, 1–100.
            partner_id (UUID):
            scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
                of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
                agreement in the nominal scope covers non-nominal exchanges as well.
            note (None | str | Unset): Why these cases go to this partner (shown to the approving liaison officer).
    """

    case_ids: list[UUID]
    partner_id: UUID
    scope: Scope
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        case_ids = []
        for case_ids_item_data in self.case_ids:
            case_ids_item = str(case_ids_item_data)
            case_ids.append(case_ids_item)

        partner_id = str(self.partner_id)

        scope = self.scope.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_ids": case_ids,
                "partner_id": partner_id,
                "scope": scope,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_ids = []
        _case_ids = d.pop("case_ids")
        for case_ids_item_data in _case_ids:
            case_ids_item = UUID(case_ids_item_data)

            case_ids.append(case_ids_item)

        partner_id = UUID(d.pop("partner_id"))

        scope = Scope(d.pop("scope"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        send_request = cls(
            case_ids=case_ids,
            partner_id=partner_id,
            scope=scope,
            note=note,
        )

        return send_request
