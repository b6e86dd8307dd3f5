from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provenance import Provenance
    from ..models.received_case_document import ReceivedCaseDocument
    from ..models.received_party import ReceivedParty
    from ..models.received_version import ReceivedVersion
    from ..models.received_withdrawal import ReceivedWithdrawal


T = TypeVar("T", bound="ReceivedCase")


@_attrs_define
class ReceivedCase:
    """
    Attributes:
        commodity_groups (list[str]):
        document (ReceivedCaseDocument): The case document as the partner sent it (current version).
        id (UUID):
        imported_at (datetime.datetime):
        imported_by (UUID):
        parties (list[ReceivedParty]):
        provenance (Provenance): Where a received record comes from.
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        version (int):
        versions (list[ReceivedVersion]): Every version received, newest first.
        detected_at (datetime.datetime | None | Unset):
        imported_by_name (None | str | Unset):
        withdrawal (None | ReceivedWithdrawal | Unset):
    """

    commodity_groups: list[str]
    document: ReceivedCaseDocument
    id: UUID
    imported_at: datetime.datetime
    imported_by: UUID
    parties: list[ReceivedParty]
    provenance: Provenance
    scope: Scope
    version: int
    versions: list[ReceivedVersion]
    detected_at: datetime.datetime | None | Unset = UNSET
    imported_by_name: None | str | Unset = UNSET
    withdrawal: None | ReceivedWithdrawal | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.received_withdrawal import ReceivedWithdrawal  # noqa: PLC0415

        commodity_groups = self.commodity_groups

        document = self.document.to_dict()

        id = str(self.id)

        imported_at = self.imported_at.isoformat()

        imported_by = str(self.imported_by)

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)

        provenance = self.provenance.to_dict()

        scope = self.scope.value

        version = self.version

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        detected_at: None | str | Unset
        if isinstance(self.detected_at, Unset):
            detected_at = UNSET
        elif isinstance(self.detected_at, datetime.datetime):
            detected_at = self.detected_at.isoformat()
        else:
            detected_at = self.detected_at

        imported_by_name: None | str | Unset
        if isinstance(self.imported_by_name, Unset):
            imported_by_name = UNSET
        else:
            imported_by_name = self.imported_by_name

        withdrawal: dict[str, Any] | None | Unset
        if isinstance(self.withdrawal, Unset):
            withdrawal = UNSET
        elif isinstance(self.withdrawal, ReceivedWithdrawal):
            withdrawal = self.withdrawal.to_dict()
        else:
            withdrawal = self.withdrawal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "commodity_groups": commodity_groups,
                "document": document,
                "id": id,
                "imported_at": imported_at,
                "imported_by": imported_by,
                "parties": parties,
                "provenance": provenance,
                "scope": scope,
                "version": version,
                "versions": versions,
            }
        )
        if detected_at is not UNSET:
            field_dict["detected_at"] = detected_at
        if imported_by_name is not UNSET:
            field_dict["imported_by_name"] = imported_by_name
        if withdrawal is not UNSET:
            field_dict["withdrawal"] = withdrawal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provenance import Provenance  # noqa: PLC0415
        from ..models.received_case_document import ReceivedCaseDocument  # noqa: PLC0415
        from ..models.received_party import ReceivedParty  # noqa: PLC0415
        from ..models.received_version import ReceivedVersion  # noqa: PLC0415
        from ..models.received_withdrawal import ReceivedWithdrawal  # noqa: PLC0415

        d = dict(src_dict)
        commodity_groups = cast(list[str], d.pop("commodity_groups"))

        document = ReceivedCaseDocument.from_dict(d.pop("document"))

        id = UUID(d.pop("id"))

        imported_at = datetime.datetime.fromisoformat(d.pop("imported_at"))

        imported_by = UUID(d.pop("imported_by"))

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in _parties:
            parties_item = ReceivedParty.from_dict(parties_item_data)

            parties.append(parties_item)

        provenance = Provenance.from_dict(d.pop("provenance"))

        scope = Scope(d.pop("scope"))

        version = d.pop("version")

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = ReceivedVersion.from_dict(versions_item_data)

            versions.append(versions_item)

        def _parse_detected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                detected_at_type_0 = datetime.datetime.fromisoformat(data)

                return detected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        detected_at = _parse_detected_at(d.pop("detected_at", UNSET))

        def _parse_imported_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        imported_by_name = _parse_imported_by_name(d.pop("imported_by_name", UNSET))

        def _parse_withdrawal(data: object) -> None | ReceivedWithdrawal | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withdrawal_type_1 = ReceivedWithdrawal.from_dict(data)

                return withdrawal_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReceivedWithdrawal | Unset, data)

        withdrawal = _parse_withdrawal(d.pop("withdrawal", UNSET))

        received_case = cls(
            commodity_groups=commodity_groups,
            document=document,
            id=id,
            imported_at=imported_at,
            imported_by=imported_by,
            parties=parties,
            provenance=provenance,
            scope=scope,
            version=version,
            versions=versions,
            detected_at=detected_at,
            imported_by_name=imported_by_name,
            withdrawal=withdrawal,
        )

        received_case.additional_properties = d
        return received_case

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
