from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.thread_template_type_0 import ThreadTemplateType0
    from ..models.thread_template_type_1 import ThreadTemplateType1
    from ..models.thread_template_type_2 import ThreadTemplateType2
    from ..models.thread_template_type_3 import ThreadTemplateType3
    from ..models.unit_ref import UnitRef
    from ..models.user_ref import UserRef


T = TypeVar("T", bound="CreateThread")


@_attrs_define
class CreateThread:
    """
    Attributes:
        body (str): The first message: plain text with light formatting (`*bold*`, `_italic_`, links).
        participants (list[UnitRef | UserRef]): Users and units besides the sender (who always takes part).
        subject (str):
        template (ThreadTemplateType0 | ThreadTemplateType1 | ThreadTemplateType2 | ThreadTemplateType3): The kind of
            thread and its structured fields (the CENcomm templates), tagged by `kind`.
        attachment_ids (list[UUID] | Unset): Files uploaded for the first message (`POST /message-attachments`).
        handling (None | str | Unset): A handling marker, e.g. "no onward sharing".
        urgent (bool | Unset):
    """

    body: str
    participants: list[UnitRef | UserRef]
    subject: str
    template: ThreadTemplateType0 | ThreadTemplateType1 | ThreadTemplateType2 | ThreadTemplateType3
    attachment_ids: list[UUID] | Unset = UNSET
    handling: None | str | Unset = UNSET
    urgent: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.thread_template_type_0 import ThreadTemplateType0  # noqa: PLC0415
        from ..models.thread_template_type_1 import ThreadTemplateType1  # noqa: PLC0415
        from ..models.thread_template_type_2 import ThreadTemplateType2  # noqa: PLC0415
        from ..models.user_ref import UserRef  # noqa: PLC0415

        body = self.body

        participants = []
        for participants_item_data in self.participants:
            participants_item: dict[str, Any]
            if isinstance(participants_item_data, UserRef):
                participants_item = participants_item_data.to_dict()
            else:
                participants_item = participants_item_data.to_dict()

            participants.append(participants_item)

        subject = self.subject

        template: dict[str, Any]
        if isinstance(self.template, ThreadTemplateType0):
            template = self.template.to_dict()
        elif isinstance(self.template, ThreadTemplateType1):
            template = self.template.to_dict()
        elif isinstance(self.template, ThreadTemplateType2):
            template = self.template.to_dict()
        else:
            template = self.template.to_dict()

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

        urgent = self.urgent

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
                "participants": participants,
                "subject": subject,
                "template": template,
            }
        )
        if attachment_ids is not UNSET:
            field_dict["attachment_ids"] = attachment_ids
        if handling is not UNSET:
            field_dict["handling"] = handling
        if urgent is not UNSET:
            field_dict["urgent"] = urgent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.thread_template_type_0 import ThreadTemplateType0  # noqa: PLC0415
        from ..models.thread_template_type_1 import ThreadTemplateType1  # noqa: PLC0415
        from ..models.thread_template_type_2 import ThreadTemplateType2  # noqa: PLC0415
        from ..models.thread_template_type_3 import ThreadTemplateType3  # noqa: PLC0415
        from ..models.unit_ref import UnitRef  # noqa: PLC0415
        from ..models.user_ref import UserRef  # noqa: PLC0415

        d = dict(src_dict)
        body = d.pop("body")

        participants = []
        _participants = d.pop("participants")
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

        subject = d.pop("subject")

        def _parse_template(
            data: object,
        ) -> ThreadTemplateType0 | ThreadTemplateType1 | ThreadTemplateType2 | ThreadTemplateType3:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_thread_template_type_0 = ThreadTemplateType0.from_dict(data)

                return componentsschemas_thread_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_thread_template_type_1 = ThreadTemplateType1.from_dict(data)

                return componentsschemas_thread_template_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_thread_template_type_2 = ThreadTemplateType2.from_dict(data)

                return componentsschemas_thread_template_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_thread_template_type_3 = ThreadTemplateType3.from_dict(data)

            return componentsschemas_thread_template_type_3

        template = _parse_template(d.pop("template"))

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

        urgent = d.pop("urgent", UNSET)

        create_thread = cls(
            body=body,
            participants=participants,
            subject=subject,
            template=template,
            attachment_ids=attachment_ids,
            handling=handling,
            urgent=urgent,
        )

        return create_thread
