from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement_ref import AgreementRef
    from ..models.package_case import PackageCase
    from ..models.party import Party
    from ..models.withdrawal import Withdrawal


T = TypeVar("T", bound="Package")


@_attrs_define
class Package:
    """A package as it travels (its canonical JSON is what is signed and hashed).

    Attributes:
        agreement (AgreementRef): The legal basis as the sender records it.
        cases (list[PackageCase]): The cases (1–100); none in a withdrawal.
        created_at (datetime.datetime):
        format_ (str): `ncen-exchange/1`.
        id (UUID):
        recipient (Party): A node, as a package names it.
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
        sender (Party): A node, as a package names it.
        withdrawal (None | Unset | Withdrawal):
    """

    agreement: AgreementRef
    cases: list[PackageCase]
    created_at: datetime.datetime
    format_: str
    id: UUID
    recipient: Party
    scope: Scope
    sender: Party
    withdrawal: None | Unset | Withdrawal = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.withdrawal import Withdrawal  # noqa: PLC0415

        agreement = self.agreement.to_dict()

        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        created_at = self.created_at.isoformat()

        format_ = self.format_

        id = str(self.id)

        recipient = self.recipient.to_dict()

        scope = self.scope.value

        sender = self.sender.to_dict()

        withdrawal: dict[str, Any] | None | Unset
        if isinstance(self.withdrawal, Unset):
            withdrawal = UNSET
        elif isinstance(self.withdrawal, Withdrawal):
            withdrawal = self.withdrawal.to_dict()
        else:
            withdrawal = self.withdrawal

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agreement": agreement,
                "cases": cases,
                "created_at": created_at,
                "format": format_,
                "id": id,
                "recipient": recipient,
                "scope": scope,
                "sender": sender,
            }
        )
        if withdrawal is not UNSET:
            field_dict["withdrawal"] = withdrawal

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_ref import AgreementRef  # noqa: PLC0415
        from ..models.package_case import PackageCase  # noqa: PLC0415
        from ..models.party import Party  # noqa: PLC0415
        from ..models.withdrawal import Withdrawal  # noqa: PLC0415

        d = dict(src_dict)
        agreement = AgreementRef.from_dict(d.pop("agreement"))

        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = PackageCase.from_dict(cases_item_data)

            cases.append(cases_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        format_ = d.pop("format")

        id = UUID(d.pop("id"))

        recipient = Party.from_dict(d.pop("recipient"))

        scope = Scope(d.pop("scope"))

        sender = Party.from_dict(d.pop("sender"))

        def _parse_withdrawal(data: object) -> None | Unset | Withdrawal:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                withdrawal_type_1 = Withdrawal.from_dict(data)

                return withdrawal_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | Withdrawal, data)

        withdrawal = _parse_withdrawal(d.pop("withdrawal", UNSET))

        package = cls(
            agreement=agreement,
            cases=cases,
            created_at=created_at,
            format_=format_,
            id=id,
            recipient=recipient,
            scope=scope,
            sender=sender,
            withdrawal=withdrawal,
        )

        return package
