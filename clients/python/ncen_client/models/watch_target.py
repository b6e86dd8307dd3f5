from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.watch_type import WatchType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WatchTarget")


@_attrs_define
class WatchTarget:
    """What a warning asks to watch.

    Attributes:
        description (str): Who or what, in words (name, description of the goods or the vehicle…).
        type_ (WatchType): What a warning asks to watch: a register record, or a bare identifier.
        identifier (None | str | Unset): Container, flight or AWB number, passport number, plate, IMO number…
        register_id (None | Unset | UUID): The person, company or conveyance record, for those types.
    """

    description: str
    type_: WatchType
    identifier: None | str | Unset = UNSET
    register_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        type_ = self.type_.value

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        register_id: None | str | Unset
        if isinstance(self.register_id, Unset):
            register_id = UNSET
        elif isinstance(self.register_id, UUID):
            register_id = str(self.register_id)
        else:
            register_id = self.register_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "type": type_,
            }
        )
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if register_id is not UNSET:
            field_dict["register_id"] = register_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        type_ = WatchType(d.pop("type"))

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_register_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                register_id_type_0 = UUID(data)

                return register_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        register_id = _parse_register_id(d.pop("register_id", UNSET))

        watch_target = cls(
            description=description,
            type_=type_,
            identifier=identifier,
            register_id=register_id,
        )

        return watch_target
