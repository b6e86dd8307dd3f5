from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_input import DocumentInput


T = TypeVar("T", bound="PersonInput")


@_attrs_define
class PersonInput:
    """A person as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).

    Attributes:
        family_name (str):
        addresses (list[str] | Unset):
        aliases (list[str] | Unset):
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
    """

    family_name: str
    addresses: list[str] | Unset = UNSET
    aliases: list[str] | Unset = UNSET
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

    def to_dict(self) -> dict[str, Any]:
        family_name = self.family_name

        addresses: list[str] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = self.addresses

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "family_name": family_name,
            }
        )
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_input import DocumentInput  # noqa: PLC0415

        d = dict(src_dict)
        family_name = d.pop("family_name")

        addresses = cast(list[str], d.pop("addresses", UNSET))

        aliases = cast(list[str], d.pop("aliases", UNSET))

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

        person_input = cls(
            family_name=family_name,
            addresses=addresses,
            aliases=aliases,
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
        )

        return person_input
