from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvestigationCounts")


@_attrs_define
class InvestigationCounts:
    """Counts of what the investigation holds.

    Attributes:
        journal_entries (int):
        links (int):
        open_tasks (int):
        overdue_tasks (int):
    """

    journal_entries: int
    links: int
    open_tasks: int
    overdue_tasks: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        journal_entries = self.journal_entries

        links = self.links

        open_tasks = self.open_tasks

        overdue_tasks = self.overdue_tasks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "journal_entries": journal_entries,
                "links": links,
                "open_tasks": open_tasks,
                "overdue_tasks": overdue_tasks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        journal_entries = d.pop("journal_entries")

        links = d.pop("links")

        open_tasks = d.pop("open_tasks")

        overdue_tasks = d.pop("overdue_tasks")

        investigation_counts = cls(
            journal_entries=journal_entries,
            links=links,
            open_tasks=open_tasks,
            overdue_tasks=overdue_tasks,
        )

        investigation_counts.additional_properties = d
        return investigation_counts

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
