from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.gender import Gender
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchRow")


@_attrs_define
class BatchRow:
    """One line of a passenger list or cargo manifest. A JSON row and a CSV line have the same
    fields (the CSV header names the columns, in any order). A row needs a name, a document
    number, a phone, an e-mail or a conveyance identifier.

        Attributes:
            air_waybill (None | str | Unset): IATA air waybill number (check digit verified).
            bill_of_lading (None | str | Unset):
            container (None | str | Unset): ISO 6346 container number (check digit verified).
            date_of_birth (None | str | Unset): Full or partial: `1979`, `1979-11` or `1979-11-07`.
            document_country (None | str | Unset): ISO 3166-1 alpha-2 code of the document's issuer.
            document_number (None | str | Unset):
            email (None | str | Unset):
            family_name (None | str | Unset):
            flight_number (None | str | Unset):
            gender (Gender | None | Unset):
            given_names (None | str | Unset):
            name (None | str | Unset): A full name in any order and script; or `family_name` and `given_names`.
            nationality (None | str | Unset): ISO 3166-1 alpha-2 code.
            phone (None | str | Unset):
            plate (None | str | Unset):
            reference (None | str | Unset): The list's own reference for the line (seat, booking, manifest line), returned
                as is.
    """

    air_waybill: None | str | Unset = UNSET
    bill_of_lading: None | str | Unset = UNSET
    container: None | str | Unset = UNSET
    date_of_birth: None | str | Unset = UNSET
    document_country: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    family_name: None | str | Unset = UNSET
    flight_number: None | str | Unset = UNSET
    gender: Gender | None | Unset = UNSET
    given_names: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    nationality: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    plate: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        air_waybill: None | str | Unset
        if isinstance(self.air_waybill, Unset):
            air_waybill = UNSET
        else:
            air_waybill = self.air_waybill

        bill_of_lading: None | str | Unset
        if isinstance(self.bill_of_lading, Unset):
            bill_of_lading = UNSET
        else:
            bill_of_lading = self.bill_of_lading

        container: None | str | Unset
        if isinstance(self.container, Unset):
            container = UNSET
        else:
            container = self.container

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = self.date_of_birth

        document_country: None | str | Unset
        if isinstance(self.document_country, Unset):
            document_country = UNSET
        else:
            document_country = self.document_country

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        flight_number: None | str | Unset
        if isinstance(self.flight_number, Unset):
            flight_number = UNSET
        else:
            flight_number = self.flight_number

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

        nationality: None | str | Unset
        if isinstance(self.nationality, Unset):
            nationality = UNSET
        else:
            nationality = self.nationality

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        plate: None | str | Unset
        if isinstance(self.plate, Unset):
            plate = UNSET
        else:
            plate = self.plate

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if air_waybill is not UNSET:
            field_dict["air_waybill"] = air_waybill
        if bill_of_lading is not UNSET:
            field_dict["bill_of_lading"] = bill_of_lading
        if container is not UNSET:
            field_dict["container"] = container
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if document_country is not UNSET:
            field_dict["document_country"] = document_country
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if email is not UNSET:
            field_dict["email"] = email
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if flight_number is not UNSET:
            field_dict["flight_number"] = flight_number
        if gender is not UNSET:
            field_dict["gender"] = gender
        if given_names is not UNSET:
            field_dict["given_names"] = given_names
        if name is not UNSET:
            field_dict["name"] = name
        if nationality is not UNSET:
            field_dict["nationality"] = nationality
        if phone is not UNSET:
            field_dict["phone"] = phone
        if plate is not UNSET:
            field_dict["plate"] = plate
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_air_waybill(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        air_waybill = _parse_air_waybill(d.pop("air_waybill", UNSET))

        def _parse_bill_of_lading(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bill_of_lading = _parse_bill_of_lading(d.pop("bill_of_lading", UNSET))

        def _parse_container(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        container = _parse_container(d.pop("container", UNSET))

        def _parse_date_of_birth(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_document_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_country = _parse_document_country(d.pop("document_country", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_flight_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        flight_number = _parse_flight_number(d.pop("flight_number", UNSET))

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

        def _parse_nationality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nationality = _parse_nationality(d.pop("nationality", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_plate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plate = _parse_plate(d.pop("plate", UNSET))

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))

        batch_row = cls(
            air_waybill=air_waybill,
            bill_of_lading=bill_of_lading,
            container=container,
            date_of_birth=date_of_birth,
            document_country=document_country,
            document_number=document_number,
            email=email,
            family_name=family_name,
            flight_number=flight_number,
            gender=gender,
            given_names=given_names,
            name=name,
            nationality=nationality,
            phone=phone,
            plate=plate,
            reference=reference,
        )

        return batch_row
