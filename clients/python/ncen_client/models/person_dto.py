from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_input import DocumentInput


T = TypeVar("T", bound="PersonDto")


@_attrs_define
class PersonDto:
    """A person record.

    Attributes:
        created_at (datetime.datetime):
        family_name (str):
        id (UUID):
        updated_at (datetime.datetime):
        version (int): Send back in `If-Match` when updating.
        addresses (list[str] | Unset):
        aliases (list[str] | Unset):
        created_by (None | Unset | UUID):
        date_of_birth (None | str | Unset): Full or partial: `1980`, `1980-05` or `1980-05-17`; empty clears it.
        documents (list[DocumentInput] | Unset):
        emails (list[str] | Unset):
        gender (Gender | None | Unset):
        given_names (None | str | Unset):
        nationalities (list[str] | Unset): ISO 3166-1 alpha-2 codes.
        notes (None | str | Unset):
        original_script_name (None | str | Unset): The name in its original script (e.g. Cyrillic, Arabic).
        phones (list[str] | Unset):
        place_of_birth (None | str | Unset):
        updated_by (None | Unset | UUID):
    """

    created_at: datetime.datetime
    family_name: str
    id: UUID
    updated_at: datetime.datetime
    version: int
    addresses: list[str] | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    created_by: None | Unset | UUID = UNSET
    date_of_birth: None | str | Unset = UNSET
    documents: list[DocumentInput] | Unset = UNSET
    emails: list[str] | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    given_names: None | str | Unset = UNSET
    nationalities: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET
    original_script_name: None | str | Unset = UNSET
    phones: list[str] | Unset = UNSET
    place_of_birth: None | str | Unset = UNSET
    updated_by: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        family_name = self.family_name

        id = str(self.id)

        updated_at = self.updated_at.isoformat()

        version = self.version

        addresses: list[str] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = self.addresses

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        elif isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = self.date_of_birth

        documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.documents, Unset):
            documents = []
            for documents_item_data in self.documents:
                documents_item = documents_item_data.to_dict()
                documents.append(documents_item)

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, Gender):
            gender = self.gender.value
        else:
            gender = self.gender

        given_names: None | str | Unset
        if isinstance(self.given_names, Unset):
            given_names = UNSET
        else:
            given_names = self.given_names

        nationalities: list[str] | Unset = UNSET
        if not isinstance(self.nationalities, Unset):
            nationalities = self.nationalities

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        original_script_name: None | str | Unset
        if isinstance(self.original_script_name, Unset):
            original_script_name = UNSET
        else:
            original_script_name = self.original_script_name

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        place_of_birth: None | str | Unset
        if isinstance(self.place_of_birth, Unset):
            place_of_birth = UNSET
        else:
            place_of_birth = self.place_of_birth

        updated_by: None | str | Unset
        if isinstance(self.updated_by, Unset):
            updated_by = UNSET
        elif isinstance(self.updated_by, UUID):
            updated_by = str(self.updated_by)
        else:
            updated_by = self.updated_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "family_name": family_name,
                "id": id,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if documents is not UNSET:
            field_dict["documents"] = documents
        if emails is not UNSET:
            field_dict["emails"] = emails
        if gender is not UNSET:
            field_dict["gender"] = gender
        if given_names is not UNSET:
            field_dict["given_names"] = given_names
        if nationalities is not UNSET:
            field_dict["nationalities"] = nationalities
        if notes is not UNSET:
            field_dict["notes"] = notes
        if original_script_name is not UNSET:
            field_dict["original_script_name"] = original_script_name
        if phones is not UNSET:
            field_dict["phones"] = phones
        if place_of_birth is not UNSET:
            field_dict["place_of_birth"] = place_of_birth
        if updated_by is not UNSET:
            field_dict["updated_by"] = updated_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_input import DocumentInput  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        family_name = d.pop("family_name")

        id = UUID(d.pop("id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        addresses = cast(list[str], d.pop("addresses", UNSET))

        aliases = cast(list[str], d.pop("aliases", UNSET))

        def _parse_created_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_date_of_birth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[DocumentInput] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = DocumentInput.from_dict(documents_item_data)

                documents.append(documents_item)

        emails = cast(list[str], d.pop("emails", UNSET))

        def _parse_gender(data: object) -> Gender | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                gender_type_1 = Gender(data)

                return gender_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Gender | None | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        def _parse_given_names(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_names = _parse_given_names(d.pop("given_names", UNSET))

        nationalities = cast(list[str], d.pop("nationalities", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_original_script_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_script_name = _parse_original_script_name(d.pop("original_script_name", UNSET))

        phones = cast(list[str], d.pop("phones", UNSET))

        def _parse_place_of_birth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place_of_birth = _parse_place_of_birth(d.pop("place_of_birth", UNSET))

        def _parse_updated_by(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_by_type_0 = UUID(data)

                return updated_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        updated_by = _parse_updated_by(d.pop("updated_by", UNSET))

        person_dto = cls(
            created_at=created_at,
            family_name=family_name,
            id=id,
            updated_at=updated_at,
            version=version,
            addresses=addresses,
            aliases=aliases,
            created_by=created_by,
            date_of_birth=date_of_birth,
            documents=documents,
            emails=emails,
            gender=gender,
            given_names=given_names,
            nationalities=nationalities,
            notes=notes,
            original_script_name=original_script_name,
            phones=phones,
            place_of_birth=place_of_birth,
            updated_by=updated_by,
        )

        person_dto.additional_properties = d
        return person_dto

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
