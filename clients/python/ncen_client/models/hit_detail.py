from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hit_status import HitStatus
from ..models.record_kind import RecordKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fact import Fact
    from ..models.feature import Feature
    from ..models.hit_alert import HitAlert
    from ..models.hit_case import HitCase
    from ..models.named import Named


T = TypeVar("T", bound="HitDetail")


@_attrs_define
class HitDetail:
    """A hit with what the review needs: the alert's subject and the record side by side, and
    the engine's explanation.

        Attributes:
            alert (HitAlert): The alert a hit is about, as its unit sees it in the queue.
            cases (list[HitCase]): The cases in which the record appeared while the hit awaited review.
            created_at (datetime.datetime):
            exact (bool): An identity document, registration number, tax id, EORI or conveyance identifier is
                the same.
            features (list[Feature]): Why: each piece of evidence and its part of the score.
            id (UUID):
            record (list[Fact]):
            record_id (UUID):
            record_kind (RecordKind): The kind of register record a hit is about.
            record_label (str):
            score (float): From 0 to 1.
            status (HitStatus): `new` (awaiting review by the alert's unit), `confirmed` (it is the subject: the cases
                that brought it are linked to the alert), `dismissed` (it is not; the same data will
                not hit this alert again).
            subject (list[Fact]):
            review_reason (None | str | Unset):
            reviewed_at (datetime.datetime | None | Unset):
            reviewed_by (Named | None | Unset):
    """

    alert: HitAlert
    cases: list[HitCase]
    created_at: datetime.datetime
    exact: bool
    features: list[Feature]
    id: UUID
    record: list[Fact]
    record_id: UUID
    record_kind: RecordKind
    record_label: str
    score: float
    status: HitStatus
    subject: list[Fact]
    review_reason: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    reviewed_by: Named | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        alert = self.alert.to_dict()

        cases = []
        for cases_item_data in self.cases:
            cases_item = cases_item_data.to_dict()
            cases.append(cases_item)

        created_at = self.created_at.isoformat()

        exact = self.exact

        features = []
        for features_item_data in self.features:
            features_item = features_item_data.to_dict()
            features.append(features_item)

        id = str(self.id)

        record = []
        for record_item_data in self.record:
            record_item = record_item_data.to_dict()
            record.append(record_item)

        record_id = str(self.record_id)

        record_kind = self.record_kind.value

        record_label = self.record_label

        score = self.score

        status = self.status.value

        subject = []
        for subject_item_data in self.subject:
            subject_item = subject_item_data.to_dict()
            subject.append(subject_item)

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
                "alert": alert,
                "cases": cases,
                "created_at": created_at,
                "exact": exact,
                "features": features,
                "id": id,
                "record": record,
                "record_id": record_id,
                "record_kind": record_kind,
                "record_label": record_label,
                "score": score,
                "status": status,
                "subject": subject,
            }
        )
        if review_reason is not UNSET:
            field_dict["review_reason"] = review_reason
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if reviewed_by is not UNSET:
            field_dict["reviewed_by"] = reviewed_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact import Fact  # noqa: PLC0415
        from ..models.feature import Feature  # noqa: PLC0415
        from ..models.hit_alert import HitAlert  # noqa: PLC0415
        from ..models.hit_case import HitCase  # noqa: PLC0415
        from ..models.named import Named  # noqa: PLC0415

        d = dict(src_dict)
        alert = HitAlert.from_dict(d.pop("alert"))

        cases = []
        _cases = d.pop("cases")
        for cases_item_data in _cases:
            cases_item = HitCase.from_dict(cases_item_data)

            cases.append(cases_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        exact = d.pop("exact")

        features = []
        _features = d.pop("features")
        for features_item_data in _features:
            features_item = Feature.from_dict(features_item_data)

            features.append(features_item)

        id = UUID(d.pop("id"))

        record = []
        _record = d.pop("record")
        for record_item_data in _record:
            record_item = Fact.from_dict(record_item_data)

            record.append(record_item)

        record_id = UUID(d.pop("record_id"))

        record_kind = RecordKind(d.pop("record_kind"))

        record_label = d.pop("record_label")

        score = d.pop("score")

        status = HitStatus(d.pop("status"))

        subject = []
        _subject = d.pop("subject")
        for subject_item_data in _subject:
            subject_item = Fact.from_dict(subject_item_data)

            subject.append(subject_item)

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

        hit_detail = cls(
            alert=alert,
            cases=cases,
            created_at=created_at,
            exact=exact,
            features=features,
            id=id,
            record=record,
            record_id=record_id,
            record_kind=record_kind,
            record_label=record_label,
            score=score,
            status=status,
            subject=subject,
            review_reason=review_reason,
            reviewed_at=reviewed_at,
            reviewed_by=reviewed_by,
        )

        hit_detail.additional_properties = d
        return hit_detail

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
