from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merge_kind import MergeKind
from ..models.pair_status import PairStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.feature import Feature
    from ..models.named import Named
    from ..models.record_label import RecordLabel


T = TypeVar("T", bound="DuplicatePair")


@_attrs_define
class DuplicatePair:
    """Two records of a register the matching engine finds likely to be one.

    Attributes:
        detected_at (datetime.datetime):
        exact (bool): An identity document, registration number, tax id or EORI is the same.
        features (list[Feature]): Why: each piece of evidence and its part of the score.
        first (RecordLabel): A record named in a merge or a pair, as lists show it.
        id (UUID):
        kind (MergeKind): The register a merge or a pair belongs to.
        score (float): From 0 to 1.
        second (RecordLabel): A record named in a merge or a pair, as lists show it.
        status (PairStatus): `open` (to review), `merged`, `distinct` (reviewed: not the same).
        merge_id (None | Unset | UUID):
        review_reason (None | str | Unset):
        reviewed_at (datetime.datetime | None | Unset):
        reviewed_by (Named | None | Unset):
    """

    detected_at: datetime.datetime
    exact: bool
    features: list[Feature]
    first: RecordLabel
    id: UUID
    kind: MergeKind
    score: float
    second: RecordLabel
    status: PairStatus
    merge_id: None | Unset | UUID = UNSET
    review_reason: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    reviewed_by: Named | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        detected_at = self.detected_at.isoformat()

        exact = self.exact

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        first = self.first.to_dict()

        id = str(self.id)

        kind = self.kind.value

        score = self.score

        second = self.second.to_dict()

        status = self.status.value

        merge_id: None | str | Unset
        if isinstance(self.merge_id, Unset):
            merge_id = UNSET
        elif isinstance(self.merge_id, UUID):
            merge_id = str(self.merge_id)
        else:
            merge_id = self.merge_id

        review_reason: None | str | Unset
        if isinstance(self.review_reason, Unset):
            review_reason = UNSET
        else:
            review_reason = self.review_reason

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        reviewed_by: dict[str, Any] | None | Unset
        if isinstance(self.reviewed_by, Unset):
            reviewed_by = UNSET
        elif isinstance(self.reviewed_by, Named):
            reviewed_by = self.reviewed_by.to_dict()
        else:
            reviewed_by = self.reviewed_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detected_at": detected_at,
                "exact": exact,
                "features": features,
                "first": first,
                "id": id,
                "kind": kind,
                "score": score,
                "second": second,
                "status": status,
            }
        )
        if merge_id is not UNSET:
            field_dict["merge_id"] = merge_id
        if review_reason is not UNSET:
            field_dict["review_reason"] = review_reason
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if reviewed_by is not UNSET:
            field_dict["reviewed_by"] = reviewed_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feature import Feature  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415
        from ..models.record_label import RecordLabel  # noqa: PLC0415

        d = dict(src_dict)
        detected_at = datetime.datetime.fromisoformat(d.pop("detected_at"))

        exact = d.pop("exact")

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = Feature.from_dict(features_item_data)

            features.append(features_item)

        first = RecordLabel.from_dict(d.pop("first"))

        id = UUID(d.pop("id"))

        kind = MergeKind(d.pop("kind"))

        score = d.pop("score")

        second = RecordLabel.from_dict(d.pop("second"))

        status = PairStatus(d.pop("status"))

        def _parse_merge_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merge_id_type_0 = UUID(data)

                return merge_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        merge_id = _parse_merge_id(d.pop("merge_id", UNSET))

        def _parse_review_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_reason = _parse_review_reason(d.pop("review_reason", UNSET))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))

        def _parse_reviewed_by(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reviewed_by_type_1 = Named.from_dict(data)

                return reviewed_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by", UNSET))

        duplicate_pair = cls(
            detected_at=detected_at,
            exact=exact,
            features=features,
            first=first,
            id=id,
            kind=kind,
            score=score,
            second=second,
            status=status,
            merge_id=merge_id,
            review_reason=review_reason,
            reviewed_at=reviewed_at,
            reviewed_by=reviewed_by,
        )

        duplicate_pair.additional_properties = d
        return duplicate_pair

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
