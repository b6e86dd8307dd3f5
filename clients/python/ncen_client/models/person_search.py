from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonSearch")


@_attrs_define
class PersonSearch:
    """The filters of the person list (`GET /persons`) a rule keeps: every person registered or
    corrected from then on that the list would show is a hit.

        Attributes:
            birth_year (int | None | Unset):
            born (None | str | Unset): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
            country (None | str | Unset):
            document (None | str | Unset):
            nationality (None | str | Unset):
            q (None | str | Unset): As the list's `q`: a name (similar spellings), a document number, a phone or e-mail.
    """

    birth_year: int | None | Unset = UNSET
    born: None | str | Unset = UNSET
    country: None | str | Unset = UNSET
    document: None | str | Unset = UNSET
    nationality: None | str | Unset = UNSET
    q: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        birth_year: int | None | Unset
        if isinstance(self.birth_year, Unset):
            birth_year = UNSET
        else:
            birth_year = self.birth_year

        born: None | str | Unset
        if isinstance(self.born, Unset):
            born = UNSET
        else:
            born = self.born

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        document: None | str | Unset
        if isinstance(self.document, Unset):
            document = UNSET
        else:
            document = self.document

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        q: None | str | Unset
        if isinstance(self.q, Unset):
            q = UNSET
        else:
            q = self.q

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if birth_year is not UNSET:
            field_dict["birth_year"] = birth_year
        if born is not UNSET:
            field_dict["born"] = born
        if country is not UNSET:
            field_dict["country"] = country
        if document is not UNSET:
            field_dict["document"] = document
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if q is not UNSET:
            field_dict["q"] = q

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_birth_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        birth_year = _parse_birth_year(d.pop("birth_year", UNSET))

        def _parse_born(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        born = _parse_born(d.pop("born", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_document(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document = _parse_document(d.pop("document", UNSET))

        def _parse_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_q(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        q = _parse_q(d.pop("q", UNSET))

        person_search = cls(
            birth_year=birth_year,
            born=born,
            country=country,
            document=document,
            nationality=nationality,
            q=q,
        )

        return person_search
