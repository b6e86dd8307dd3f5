from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.broken_link import BrokenLink


T = TypeVar("T", bound="VerifyReport")


@_attrs_define
class VerifyReport:
    """
    Attributes:
        checked (int): Chain positions checked.
        checkpoints (int): Signed checkpoints the chain was checked against (`audit::anchor`); the first one it
            disagrees with, if any, is in `first_broken` when it comes before any broken link.
        ok (bool):
        other_databases (int): Checkpoints in the file that were signed for another database (not checked): a
            checkpoint file that outlived a recreated database, or this database restored
            elsewhere. Worth a look when not expected.
        pending (int): Events not yet sealed into the chain.
        first_broken (BrokenLink | None | Unset):
    """

    checked: int
    checkpoints: int
    ok: bool
    other_databases: int
    pending: int
    first_broken: BrokenLink | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.broken_link import BrokenLink  # noqa: PLC0415

        checked = self.checked

        checkpoints = self.checkpoints

        ok = self.ok

        other_databases = self.other_databases

        pending = self.pending

        first_broken: dict[str, Any] | None | Unset
        if isinstance(self.first_broken, Unset):
            first_broken = UNSET
        elif isinstance(self.first_broken, BrokenLink):
            first_broken = self.first_broken.to_dict()
        else:
            first_broken = self.first_broken

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked": checked,
                "checkpoints": checkpoints,
                "ok": ok,
                "other_databases": other_databases,
                "pending": pending,
            }
        )
        if first_broken is not UNSET:
            field_dict["first_broken"] = first_broken

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broken_link import BrokenLink  # noqa: PLC0415

        d = dict(src_dict)
        checked = d.pop("checked")

        checkpoints = d.pop("checkpoints")

        ok = d.pop("ok")

        other_databases = d.pop("other_databases")

        pending = d.pop("pending")

        def _parse_first_broken(data: object) -> BrokenLink | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_broken_type_1 = BrokenLink.from_dict(data)

                return first_broken_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BrokenLink | None | Unset, data)

        first_broken = _parse_first_broken(d.pop("first_broken", UNSET))

        verify_report = cls(
            checked=checked,
            checkpoints=checkpoints,
            ok=ok,
            other_databases=other_databases,
            pending=pending,
            first_broken=first_broken,
        )

        verify_report.additional_properties = d
        return verify_report

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
