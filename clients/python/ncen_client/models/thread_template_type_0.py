from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.thread_template_type_0_kind import ThreadTemplateType0Kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ThreadTemplateType0")


@_attrs_define
class ThreadTemplateType0:
    """A discussion, optionally about a case.

    Attributes:
        kind (ThreadTemplateType0Kind):
        case_id (None | Unset | UUID):
    """

    kind: ThreadTemplateType0Kind
    case_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        case_id: None | str | Unset
        if isinstance(self.case_id, Unset):
            case_id = UNSET
        elif isinstance(self.case_id, UUID):
            case_id = str(self.case_id)
        else:
            case_id = self.case_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if case_id is not UNSET:
            field_dict["case_id"] = case_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ThreadTemplateType0Kind(d.pop("kind"))

        def _parse_case_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                case_id_type_0 = UUID(data)

                return case_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        case_id = _parse_case_id(d.pop("case_id", UNSET))

        thread_template_type_0 = cls(
            kind=kind,
            case_id=case_id,
        )

        return thread_template_type_0
