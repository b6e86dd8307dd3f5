from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.counted_status import CountedStatus
from ..models.dimension import Dimension
from ..models.period import Period
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.measures import Measures
    from ..models.stats_comparison import StatsComparison
    from ..models.stats_row import StatsRow


T = TypeVar("T", bound="SeizureStats")


@_attrs_define
class SeizureStats:
    """A statistics table.

    Attributes:
        currency (str): ISO 4217 code of `value`.
        from_ (datetime.date):
        group (list[Dimension]):
        more (bool): More rows than the 5 000 shown (the smallest left out): filter or group less finely.
        pending (int): Cases saved in the last seconds and not counted yet (the statistics worker adds them
            within about a second).
        period (Period): The length of the periods a table grouped by `period` counts by. Keys: `2026-03-05`,
            `2026-W10` (ISO week), `2026-03`, `2026-Q1`, `2026`.
        rows (list[StatsRow]): Rows, the largest count first (by period first when grouped by period).
        to (datetime.date):
        total (Measures): What a cell of the table counts.
        last_year (None | StatsComparison | Unset):
        previous (None | StatsComparison | Unset):
        status (CountedStatus | None | Unset):
    """

    currency: str
    from_: datetime.date
    group: list[Dimension]
    more: bool
    pending: int
    period: Period
    rows: list[StatsRow]
    to: datetime.date
    total: Measures
    last_year: None | StatsComparison | Unset = UNSET
    previous: None | StatsComparison | Unset = UNSET
    status: CountedStatus | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.stats_comparison import StatsComparison  # noqa: PLC0415

        currency = self.currency

        from_ = self.from_.isoformat()

        group = []
        for group_item_data in self.group:
            group_item = group_item_data.value
            group.append(group_item)

        more = self.more

        pending = self.pending

        period = self.period.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        to = self.to.isoformat()

        total = self.total.to_dict()

        last_year: dict[str, Any] | None | Unset
        if isinstance(self.last_year, Unset):
            last_year = UNSET
        elif isinstance(self.last_year, StatsComparison):
            last_year = self.last_year.to_dict()
        else:
            last_year = self.last_year

        previous: dict[str, Any] | None | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        elif isinstance(self.previous, StatsComparison):
            previous = self.previous.to_dict()
        else:
            previous = self.previous

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CountedStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "from": from_,
                "group": group,
                "more": more,
                "pending": pending,
                "period": period,
                "rows": rows,
                "to": to,
                "total": total,
            }
        )
        if last_year is not UNSET:
            field_dict["last_year"] = last_year
        if previous is not UNSET:
            field_dict["previous"] = previous
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measures import Measures  # noqa: PLC0415
        from ..models.stats_comparison import StatsComparison  # noqa: PLC0415
        from ..models.stats_row import StatsRow  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        group = []
        _group = d.pop("group")
        for group_item_data in _group:
            group_item = Dimension(group_item_data)

            group.append(group_item)

        more = d.pop("more")

        pending = d.pop("pending")

        period = Period(d.pop("period"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = StatsRow.from_dict(rows_item_data)

            rows.append(rows_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        total = Measures.from_dict(d.pop("total"))

        def _parse_last_year(data: object) -> None | StatsComparison | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_year_type_1 = StatsComparison.from_dict(data)

                return last_year_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatsComparison | Unset, data)

        last_year = _parse_last_year(d.pop("last_year", UNSET))

        def _parse_previous(data: object) -> None | StatsComparison | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                previous_type_1 = StatsComparison.from_dict(data)

                return previous_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatsComparison | Unset, data)

        previous = _parse_previous(d.pop("previous", UNSET))

        def _parse_status(data: object) -> CountedStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = CountedStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountedStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        seizure_stats = cls(
            currency=currency,
            from_=from_,
            group=group,
            more=more,
            pending=pending,
            period=period,
            rows=rows,
            to=to,
            total=total,
            last_year=last_year,
            previous=previous,
            status=status,
        )

        seizure_stats.additional_properties = d
        return seizure_stats

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
