from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentInput")


@_attrs_define
class DocumentInput:
    """An identity document.

    Attributes:
        document_type (str): Code from `document_types`.
        number (str):
        expires_on (datetime.date | None | Unset):
        issuing_country (None | str | Unset): ISO 3166-1 alpha-2 code from `countries`.
    """

    document_type: str
    number: str
    expires_on: datetime.date | None | Unset = UNSET
    issuing_country: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document_type = self.document_type

        number = self.number

        expires_on: None | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        elif isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        issuing_country: None | str | Unset
        if isinstance(self.issuing_country, Unset):
            issuing_country = UNSET
        else:
            issuing_country = self.issuing_country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document_type": document_type,
                "number": number,
            }
        )
        if expires_on is not UNSET:
            field_dict["expires_on"] = expires_on
        if issuing_country is not UNSET:
            field_dict["issuing_country"] = issuing_country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_type = d.pop("document_type")

        number = d.pop("number")

        def _parse_expires_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expires_on = _parse_expires_on(d.pop("expires_on", UNSET))

        def _parse_issuing_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issuing_country = _parse_issuing_country(d.pop("issuing_country", UNSET))

        document_input = cls(
            document_type=document_type,
            number=number,
            expires_on=expires_on,
            issuing_country=issuing_country,
        )

        return document_input
