from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conveyance_role import ConveyanceRole

if TYPE_CHECKING:
    from ..models.conveyance_dto import ConveyanceDto


T = TypeVar("T", bound="LinkedConveyance")


@_attrs_define
class LinkedConveyance:
    """
    Attributes:
        conveyance (ConveyanceDto): A conveyance record.
        role (ConveyanceRole): The role of a conveyance in a case.
    """

    conveyance: ConveyanceDto
    role: ConveyanceRole
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conveyance = self.conveyance.to_dict()

        role = self.role.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conveyance": conveyance,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conveyance_dto import ConveyanceDto  # noqa: PLC0415

        d = dict(src_dict)
        conveyance = ConveyanceDto.from_dict(d.pop("conveyance"))

        role = ConveyanceRole(d.pop("role"))

        linked_conveyance = cls(
            conveyance=conveyance,
            role=role,
        )

        linked_conveyance.additional_properties = d
        return linked_conveyance

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
