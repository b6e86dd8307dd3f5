from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_kind import EventKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.named import Named
    from ..models.timeline_event_details import TimelineEventDetails


T = TypeVar("T", bound="TimelineEvent")


@_attrs_define
class TimelineEvent:
    """
    Attributes:
        at (datetime.datetime):
        details (TimelineEventDetails): What changed (a transition's `from`, `to`, `reason`, `outcome`; a task's title
            and
            status; a link's kind, role and label…).
        id (int):
        kind (EventKind): What happened: the investigation `opened` or `updated`, a `transition` (from, to,
            reason, outcome), the team (`member_added`, `member_removed`), its links (`link_added`,
            `link_removed`), its tasks (`task_added`, `task_updated`: status, assignee, due date),
            a `journal` entry, a `message` in one of its threads, a `hit` of one of its alerts.
        actor (Named | None | Unset):
        object_id (None | Unset | UUID): The task, link, member or journal entry concerned.
    """

    at: datetime.datetime
    details: TimelineEventDetails
    id: int
    kind: EventKind
    actor: Named | None | Unset = UNSET
    object_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.named import Named  # noqa: PLC0415

        at = self.at.isoformat()

        details = self.details.to_dict()

        id = self.id

        kind = self.kind.value

        actor: dict[str, Any] | None | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        elif isinstance(self.actor, Named):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        object_id: None | str | Unset
        if isinstance(self.object_id, Unset):
            object_id = UNSET
        elif isinstance(self.object_id, UUID):
            object_id = str(self.object_id)
        else:
            object_id = self.object_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "details": details,
                "id": id,
                "kind": kind,
            }
        )
        if actor is not UNSET:
            field_dict["actor"] = actor
        if object_id is not UNSET:
            field_dict["object_id"] = object_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.named import Named  # noqa: PLC0415
        from ..models.timeline_event_details import TimelineEventDetails  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = TimelineEventDetails.from_dict(d.pop("details"))

        id = d.pop("id")

        kind = EventKind(d.pop("kind"))

        def _parse_actor(data: object) -> Named | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = Named.from_dict(data)

                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Named | None | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))

        def _parse_object_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_id_type_0 = UUID(data)

                return object_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        object_id = _parse_object_id(d.pop("object_id", UNSET))

        timeline_event = cls(
            at=at,
            details=details,
            id=id,
            kind=kind,
            actor=actor,
            object_id=object_id,
        )

        timeline_event.additional_properties = d
        return timeline_event

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
