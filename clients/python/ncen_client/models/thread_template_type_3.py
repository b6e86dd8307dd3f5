from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.thread_template_type_3_kind import ThreadTemplateType3Kind

T = TypeVar("T", bound="ThreadTemplateType3")


@_attrs_define
class ThreadTemplateType3:
    """A seizure message: the case's non-nominal summary goes with it.

    Attributes:
        case_id (UUID):
        kind (ThreadTemplateType3Kind):
    """

    case_id: UUID
    kind: ThreadTemplateType3Kind

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "case_id": case_id,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        kind = ThreadTemplateType3Kind(d.pop("kind"))

        thread_template_type_3 = cls(
            case_id=case_id,
            kind=kind,
        )

        return thread_template_type_3
