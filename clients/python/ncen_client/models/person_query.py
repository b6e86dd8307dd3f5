from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_query import DocumentQuery


T = TypeVar("T", bound="PersonQuery")


@_attrs_define
class PersonQuery:
    """A person as the officer knows them: a full name in one field (any order, any script) or
    family and given names apart, and whatever else is at hand.

        Attributes:
            date_of_birth (None | str | Unset): Full or partial: `1979`, `1979-11` or `1979-11-07`.
            documents (list[DocumentQuery] | Unset):
            emails (list[str] | Unset):
            family_name (None | str | Unset):
            gender (Gender | None | Unset):
            given_names (None | str | Unset):
            name (None | str | Unset): A full name, in any order and script (`Abdelkader Bensaleh`, `王小明`).
            nationalities (list[str] | Unset):
            phones (list[str] | Unset):
    """

    date_of_birth: None | str | Unset = UNSET
    documents: list[DocumentQuery] | Unset = UNSET
    emails: list[str] | Unset = UNSET
    family_name: None | str | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    given_names: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    nationalities: list[str] | Unset = UNSET
    phones: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

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

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        nationalities: list[str] | Unset = UNSET
        if not isinstance(self.nationalities, Unset):
            nationalities = self.nationalities

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if documents is not UNSET:
            field_dict["documents"] = documents
        if emails is not UNSET:
            field_dict["emails"] = emails
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if gender is not UNSET:
            field_dict["gender"] = gender
        if given_names is not UNSET:
            field_dict["given_names"] = given_names
        if name is not UNSET:
            field_dict["name"] = name
        if nationalities is not UNSET:
            field_dict["nationalities"] = nationalities
        if phones is not UNSET:
            field_dict["phones"] = phones

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_query import DocumentQuery  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_date_of_birth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        _documents = d.pop("documents", UNSET)
        documents: list[DocumentQuery] | Unset = UNSET
        if _documents is not UNSET:
            documents = []
            for documents_item_data in _documents:
                documents_item = DocumentQuery.from_dict(documents_item_data)

                documents.append(documents_item)

        emails = cast(list[str], d.pop("emails", UNSET))

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

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

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        nationalities = cast(list[str], d.pop("nationalities", UNSET))

        phones = cast(list[str], d.pop("phones", UNSET))

        person_query = cls(
            date_of_birth=date_of_birth,
            documents=documents,
            emails=emails,
            family_name=family_name,
            gender=gender,
            given_names=given_names,
            name=name,
            nationalities=nationalities,
            phones=phones,
        )

        return person_query
