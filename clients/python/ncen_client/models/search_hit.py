from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_summary import CaseSummary
    from ..models.hit_record import HitRecord


T = TypeVar("T", bound="SearchHit")


@_attrs_define
class SearchHit:
    """A case, or a register record, that matched a rule (as the rule's `target` says).

    Attributes:
        matched_at (datetime.datetime):
        case (CaseSummary | None | Unset):
        record (HitRecord | None | Unset):
    """

    matched_at: datetime.datetime
    case: CaseSummary | None | Unset = UNSET
    record: HitRecord | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.case_summary import CaseSummary  # noqa: PLC0415
        from ..models.hit_record import HitRecord  # noqa: PLC0415

        matched_at = self.matched_at.isoformat()

        case: dict[str, Any] | None | Unset
        if isinstance(self.case, Unset):
            case = UNSET
        elif isinstance(self.case, CaseSummary):
            case = self.case.to_dict()
        else:
            case = self.case

        record: dict[str, Any] | None | Unset
        if isinstance(self.record, Unset):
            record = UNSET
        elif isinstance(self.record, HitRecord):
            record = self.record.to_dict()
        else:
            record = self.record

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "matched_at": matched_at,
            }
        )
        if case is not UNSET:
            field_dict["case"] = case
        if record is not UNSET:
            field_dict["record"] = record

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_summary import CaseSummary  # noqa: PLC0415
        from ..models.hit_record import HitRecord  # noqa: PLC0415

        d = dict(src_dict)
        matched_at = datetime.datetime.fromisoformat(d.pop("matched_at"))

        def _parse_case(data: object) -> CaseSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                case_type_1 = CaseSummary.from_dict(data)

                return case_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseSummary | None | Unset, data)

        case = _parse_case(d.pop("case", UNSET))

        def _parse_record(data: object) -> HitRecord | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                record_type_1 = HitRecord.from_dict(data)

                return record_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HitRecord | None | Unset, data)

        record = _parse_record(d.pop("record", UNSET))

        search_hit = cls(
            matched_at=matched_at,
            case=case,
            record=record,
        )

        search_hit.additional_properties = d
        return search_hit

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
