from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.scope import Scope

T = TypeVar("T", bound="PreviewRequest")


@_attrs_define
class PreviewRequest:
    """What would leave for a partner: the agreement that covers it and each case as it would be
    sent, built from the allow-list of the scope.

        Attributes:
            case_ids (list[UUID]): Validated cases, 1–100.
            partner_id (UUID):
            scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
                of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
                agreement in the nominal scope covers non-nominal exchanges as well.
    """

    case_ids: list[UUID]
    partner_id: UUID
    scope: Scope

    def to_dict(self) -> dict[str, Any]:
        case_ids = []
        for case_ids_item_data in self.case_ids:
            case_ids_item = str(case_ids_item_data)
            case_ids.append(case_ids_item)

        partner_id = str(self.partner_id)

        scope = self.scope.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_ids": case_ids,
                "partner_id": partner_id,
                "scope": scope,
            }
        )

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

        preview_request = cls(
            case_ids=case_ids,
            partner_id=partner_id,
            scope=scope,
        )

        return preview_request
