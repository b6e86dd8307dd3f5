from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.party import Party


T = TypeVar("T", bound="Ack")


@_attrs_define
class Ack:
    """What the receiver answers to an accepted package.

    Attributes:
        body_sha256 (str): SHA-256 of the package's body as received, hex.
        format_ (str):
        package_id (UUID):
        received_at (datetime.datetime):
        receiver (Party): A node, as a package names it.
        status (str): `accepted`: kept for review by a liaison officer.
    """

    body_sha256: str
    format_: str
    package_id: UUID
    received_at: datetime.datetime
    receiver: Party
    status: str

    def to_dict(self) -> dict[str, Any]:
        body_sha256 = self.body_sha256

        format_ = self.format_

        package_id = str(self.package_id)

        received_at = self.received_at.isoformat()

        receiver = self.receiver.to_dict()

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body_sha256": body_sha256,
                "format": format_,
                "package_id": package_id,
                "received_at": received_at,
                "receiver": receiver,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.party import Party  # noqa: PLC0415

        d = dict(src_dict)
        body_sha256 = d.pop("body_sha256")

        format_ = d.pop("format")

        package_id = UUID(d.pop("package_id"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        receiver = Party.from_dict(d.pop("receiver"))

        status = d.pop("status")

        ack = cls(
            body_sha256=body_sha256,
            format_=format_,
            package_id=package_id,
            received_at=received_at,
            receiver=receiver,
            status=status,
        )

        return ack
