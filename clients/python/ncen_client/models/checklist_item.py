from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChecklistItem")


@_attrs_define
class ChecklistItem:
    """
    Attributes:
        text (str):
        done (bool | Unset):
    """

    text: str
    done: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        done = self.done

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "text": text,
            }
        )
        if done is not UNSET:
            field_dict["done"] = done

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text")

        done = d.pop("done", UNSET)

        checklist_item = cls(
            text=text,
            done=done,
        )

        return checklist_item
