from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.conveyance_role import ConveyanceRole
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conveyance_input import ConveyanceInput


T = TypeVar("T", bound="ConveyanceLinkInput")


@_attrs_define
class ConveyanceLinkInput:
    """A conveyance linked to the case: an existing record or a new one.

    Attributes:
        role (ConveyanceRole): The role of a conveyance in a case.
        conveyance (ConveyanceInput | None | Unset):
        conveyance_id (None | Unset | UUID):
    """

    role: ConveyanceRole
    conveyance: ConveyanceInput | None | Unset = UNSET
    conveyance_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.conveyance_input import ConveyanceInput  # noqa: PLC0415

        role = self.role.value

        conveyance: dict[str, Any] | None | Unset
        if isinstance(self.conveyance, Unset):
            conveyance = UNSET
        elif isinstance(self.conveyance, ConveyanceInput):
            conveyance = self.conveyance.to_dict()
        else:
            conveyance = self.conveyance

        conveyance_id: None | str | Unset
        if isinstance(self.conveyance_id, Unset):
            conveyance_id = UNSET
        elif isinstance(self.conveyance_id, UUID):
            conveyance_id = str(self.conveyance_id)
        else:
            conveyance_id = self.conveyance_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if conveyance is not UNSET:
            field_dict["conveyance"] = conveyance
        if conveyance_id is not UNSET:
            field_dict["conveyance_id"] = conveyance_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conveyance_input import ConveyanceInput  # noqa: PLC0415

        d = dict(src_dict)
        role = ConveyanceRole(d.pop("role"))

        def _parse_conveyance(data: object) -> ConveyanceInput | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conveyance_type_1 = ConveyanceInput.from_dict(data)

                return conveyance_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConveyanceInput | None | Unset, data)

        conveyance = _parse_conveyance(d.pop("conveyance", UNSET))

        def _parse_conveyance_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conveyance_id_type_0 = UUID(data)

                return conveyance_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        conveyance_id = _parse_conveyance_id(d.pop("conveyance_id", UNSET))

        conveyance_link_input = cls(
            role=role,
            conveyance=conveyance,
            conveyance_id=conveyance_id,
        )

        return conveyance_link_input
