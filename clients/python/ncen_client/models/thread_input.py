from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_ref import UnitRef
    from ..models.user_ref import UserRef


T = TypeVar("T", bound="ThreadInput")


@_attrs_define
class ThreadInput:
    """A thread started from an investigation.

    Attributes:
        body (str): The first message.
        subject (str):
        attachment_ids (list[UUID] | Unset): Files uploaded for the first message (`POST /message-attachments`).
        handling (None | str | Unset):
        participants (list[UnitRef | UserRef] | Unset): Users and units besides the team (the lead and the members take
            part in every thread
            of the investigation). A request names at least one.
        request_due (datetime.datetime | None | Unset): Makes the thread a request for information, to be answered by
            then (in the future).
        urgent (bool | Unset):
    """

    body: str
    subject: str
    attachment_ids: list[UUID] | Unset = UNSET
    handling: None | str | Unset = UNSET
    participants: list[UnitRef | UserRef] | Unset = UNSET
    request_due: datetime.datetime | None | Unset = UNSET
    urgent: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_ref import UserRef  # noqa: PLC0415

        body = self.body

        subject = self.subject

        attachment_ids: list[str] | Unset = UNSET
        if not isinstance(self.attachment_ids, Unset):
            attachment_ids = []
            for attachment_ids_item_data in self.attachment_ids:
                attachment_ids_item = str(attachment_ids_item_data)
                attachment_ids.append(attachment_ids_item)

        handling: None | str | Unset
        if isinstance(self.handling, Unset):
            handling = UNSET
        else:
            handling = self.handling

        participants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.participants, Unset):
            participants = []
            for participants_item_data in self.participants:
                participants_item: dict[str, Any]
                if isinstance(participants_item_data, UserRef):
                    participants_item = participants_item_data.to_dict()
                else:
                    participants_item = participants_item_data.to_dict()

                participants.append(participants_item)

        request_due: None | str | Unset
        if isinstance(self.request_due, Unset):
            request_due = UNSET
        elif isinstance(self.request_due, datetime.datetime):
            request_due = self.request_due.isoformat()
        else:
            request_due = self.request_due

        urgent = self.urgent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
                "subject": subject,
            }
        )
        if attachment_ids is not UNSET:
            field_dict["attachment_ids"] = attachment_ids
        if handling is not UNSET:
            field_dict["handling"] = handling
        if participants is not UNSET:
            field_dict["participants"] = participants
        if request_due is not UNSET:
            field_dict["request_due"] = request_due
        if urgent is not UNSET:
            field_dict["urgent"] = urgent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_ref import UnitRef  # noqa: PLC0415
        from ..models.user_ref import UserRef  # noqa: PLC0415

        d = dict(src_dict)
        body = d.pop("body")

        subject = d.pop("subject")

        _attachment_ids = d.pop("attachment_ids", UNSET)
        attachment_ids: list[UUID] | Unset = UNSET
        if _attachment_ids is not UNSET:
            attachment_ids = []
            for attachment_ids_item_data in _attachment_ids:
                attachment_ids_item = UUID(attachment_ids_item_data)

                attachment_ids.append(attachment_ids_item)

        def _parse_handling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        handling = _parse_handling(d.pop("handling", UNSET))

        _participants = d.pop("participants", UNSET)
        participants: list[UnitRef | UserRef] | Unset = UNSET
        if _participants is not UNSET:
            participants = []
            for participants_item_data in _participants:

                def _parse_participants_item(data: object) -> UnitRef | UserRef:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_participant_ref_type_0 = UserRef.from_dict(data)

                        return componentsschemas_participant_ref_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_participant_ref_type_1 = UnitRef.from_dict(data)

                    return componentsschemas_participant_ref_type_1

                participants_item = _parse_participants_item(participants_item_data)

                participants.append(participants_item)

        def _parse_request_due(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_due_type_0 = datetime.datetime.fromisoformat(data)

                return request_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        request_due = _parse_request_due(d.pop("request_due", UNSET))

        urgent = d.pop("urgent", UNSET)

        thread_input = cls(
            body=body,
            subject=subject,
            attachment_ids=attachment_ids,
            handling=handling,
            participants=participants,
            request_due=request_due,
            urgent=urgent,
        )

        return thread_input
