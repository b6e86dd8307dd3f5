from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.class_ import Class

T = TypeVar("T", bound="FieldRule")


@_attrs_define
class FieldRule:
    """Whether a field of the case document leaves in a scope.

    Attributes:
        class_ (Class): How a field of the case document is classified for exchange.
        path (str): JSON path in the case document (`goods[].commodity_group`).
        sent (bool): Sent in the requested scope.
    """

    class_: Class
    path: str
    sent: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        class_ = self.class_.value

        path = self.path

        sent = self.sent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "class": class_,
                "path": path,
                "sent": sent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        class_ = Class(d.pop("class"))

        path = d.pop("path")

        sent = d.pop("sent")

        field_rule = cls(
            class_=class_,
            path=path,
            sent=sent,
        )

        field_rule.additional_properties = d
        return field_rule

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
