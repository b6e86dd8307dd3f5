from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.batch_row import BatchRow


T = TypeVar("T", bound="BatchRequest")


@_attrs_define
class BatchRequest:
    """A list to screen as JSON (`text/csv` with the same columns is accepted too).

    Attributes:
        rows (list[BatchRow]): 1 to 1 000 lines.
    """

    rows: list[BatchRow]

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_row import BatchRow  # noqa: PLC0415

        d = dict(src_dict)
        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = BatchRow.from_dict(rows_item_data)

            rows.append(rows_item)

        batch_request = cls(
            rows=rows,
        )

        return batch_request
