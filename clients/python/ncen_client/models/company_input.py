from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.company_status import CompanyStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.company_address import CompanyAddress
    from ..models.company_identifier import CompanyIdentifier
    from ..models.former_name import FormerName


T = TypeVar("T", bound="CompanyInput")


@_attrs_define
class CompanyInput:
    """A company as entered (create), or the fields to change (`PATCH`, as a JSON merge patch).

    Attributes:
        name (str): The legal name.
        activities (list[str] | Unset): Codes from `company_roles` (importer, exporter, broker, carrier…).
        addresses (list[CompanyAddress] | Unset):
        aliases (list[str] | Unset): Trading names and other spellings.
        country (None | str | Unset): ISO 3166-1 alpha-2 code: where the company is established.
        emails (list[str] | Unset):
        eori (None | str | Unset): EORI number: country code and up to 15 letters or digits, e.g. `FR12345678901234`
            (spaces, `-`, `.` and `/` are ignored; case too).
        former_names (list[FormerName] | Unset): Names the company went by before, with their dates.
        hs_chapters (list[str] | Unset): HS chapters traded, two digits (`01`–`97`).
        identifiers (list[CompanyIdentifier] | Unset): Further identifiers — VAT, LEI, IBAN of accounts used, AEO
            certificate, other
            registrations — validated with their check digits.
        incorporated_on (datetime.date | None | Unset):
        incorporation_country (None | str | Unset): ISO 3166-1 alpha-2 code, when incorporated elsewhere.
        legal_form (None | str | Unset): A `legal_forms` code of the company's country (e.g. `fr_sas`, `de_gmbh`).
        notes (None | str | Unset):
        phones (list[str] | Unset):
        registration_number (None | str | Unset): Stored normalised (upper case, no spaces or hyphens).
        status (CompanyStatus | None | Unset):
        status_since (datetime.date | None | Unset): Since when the status holds (the dissolution date of a dissolved
            company).
        tax_id (None | str | Unset): Stored normalised.
        trade_countries (list[str] | Unset): Usual route countries (ISO 3166-1 alpha-2).
        websites (list[str] | Unset):
    """

    name: str
    activities: list[str] | Unset = UNSET
    addresses: list[CompanyAddress] | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    country: None | str | Unset = UNSET
    emails: list[str] | Unset = UNSET
    eori: None | str | Unset = UNSET
    former_names: list[FormerName] | Unset = UNSET
    hs_chapters: list[str] | Unset = UNSET
    identifiers: list[CompanyIdentifier] | Unset = UNSET
    incorporated_on: datetime.date | None | Unset = UNSET
    incorporation_country: None | str | Unset = UNSET
    legal_form: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    phones: list[str] | Unset = UNSET
    registration_number: None | str | Unset = UNSET
    status: CompanyStatus | None | Unset = UNSET
    status_since: datetime.date | None | Unset = UNSET
    tax_id: None | str | Unset = UNSET
    trade_countries: list[str] | Unset = UNSET
    websites: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        activities: list[str] | Unset = UNSET
        if not isinstance(self.activities, Unset):
            activities = self.activities

        addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = []
            for addresses_item_data in self.addresses:
                addresses_item = addresses_item_data.to_dict()
                addresses.append(addresses_item)

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        emails: list[str] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = self.emails

        eori: None | str | Unset
        if isinstance(self.eori, Unset):
            eori = UNSET
        else:
            eori = self.eori

        former_names: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.former_names, Unset):
            former_names = []
            for former_names_item_data in self.former_names:
                former_names_item = former_names_item_data.to_dict()
                former_names.append(former_names_item)

        hs_chapters: list[str] | Unset = UNSET
        if not isinstance(self.hs_chapters, Unset):
            hs_chapters = self.hs_chapters

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        incorporated_on: None | str | Unset
        if isinstance(self.incorporated_on, Unset):
            incorporated_on = UNSET
        elif isinstance(self.incorporated_on, datetime.date):
            incorporated_on = self.incorporated_on.isoformat()
        else:
            incorporated_on = self.incorporated_on

        incorporation_country: None | str | Unset
        if isinstance(self.incorporation_country, Unset):
            incorporation_country = UNSET
        else:
            incorporation_country = self.incorporation_country

        legal_form: None | str | Unset
        if isinstance(self.legal_form, Unset):
            legal_form = UNSET
        else:
            legal_form = self.legal_form

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phones: list[str] | Unset = UNSET
        if not isinstance(self.phones, Unset):
            phones = self.phones

        registration_number: None | str | Unset
        if isinstance(self.registration_number, Unset):
            registration_number = UNSET
        else:
            registration_number = self.registration_number

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CompanyStatus):
            status = self.status.value
        else:
            status = self.status

        status_since: None | str | Unset
        if isinstance(self.status_since, Unset):
            status_since = UNSET
        elif isinstance(self.status_since, datetime.date):
            status_since = self.status_since.isoformat()
        else:
            status_since = self.status_since

        tax_id: None | str | Unset
        if isinstance(self.tax_id, Unset):
            tax_id = UNSET
        else:
            tax_id = self.tax_id

        trade_countries: list[str] | Unset = UNSET
        if not isinstance(self.trade_countries, Unset):
            trade_countries = self.trade_countries

        websites: list[str] | Unset = UNSET
        if not isinstance(self.websites, Unset):
            websites = self.websites

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if activities is not UNSET:
            field_dict["activities"] = activities
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if country is not UNSET:
            field_dict["country"] = country
        if emails is not UNSET:
            field_dict["emails"] = emails
        if eori is not UNSET:
            field_dict["eori"] = eori
        if former_names is not UNSET:
            field_dict["former_names"] = former_names
        if hs_chapters is not UNSET:
            field_dict["hs_chapters"] = hs_chapters
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if incorporated_on is not UNSET:
            field_dict["incorporated_on"] = incorporated_on
        if incorporation_country is not UNSET:
            field_dict["incorporation_country"] = incorporation_country
        if legal_form is not UNSET:
            field_dict["legal_form"] = legal_form
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phones is not UNSET:
            field_dict["phones"] = phones
        if registration_number is not UNSET:
            field_dict["registration_number"] = registration_number
        if status is not UNSET:
            field_dict["status"] = status
        if status_since is not UNSET:
            field_dict["status_since"] = status_since
        if tax_id is not UNSET:
            field_dict["tax_id"] = tax_id
        if trade_countries is not UNSET:
            field_dict["trade_countries"] = trade_countries
        if websites is not UNSET:
            field_dict["websites"] = websites

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_address import CompanyAddress  # noqa: PLC0415
        from ..models.company_identifier import CompanyIdentifier  # noqa: PLC0415
        from ..models.former_name import FormerName  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        activities = cast(list[str], d.pop("activities", UNSET))

        _addresses = d.pop("addresses", UNSET)
        addresses: list[CompanyAddress] | Unset = UNSET
        if _addresses is not UNSET:
            addresses = []
            for addresses_item_data in _addresses:
                addresses_item = CompanyAddress.from_dict(addresses_item_data)

                addresses.append(addresses_item)

        aliases = cast(list[str], d.pop("aliases", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        emails = cast(list[str], d.pop("emails", UNSET))

        def _parse_eori(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eori = _parse_eori(d.pop("eori", UNSET))

        _former_names = d.pop("former_names", UNSET)
        former_names: list[FormerName] | Unset = UNSET
        if _former_names is not UNSET:
            former_names = []
            for former_names_item_data in _former_names:
                former_names_item = FormerName.from_dict(former_names_item_data)

                former_names.append(former_names_item)

        hs_chapters = cast(list[str], d.pop("hs_chapters", UNSET))

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[CompanyIdentifier] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = CompanyIdentifier.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        def _parse_incorporated_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                incorporated_on_type_0 = datetime.date.fromisoformat(data)

                return incorporated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        incorporated_on = _parse_incorporated_on(d.pop("incorporated_on", UNSET))

        def _parse_incorporation_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        incorporation_country = _parse_incorporation_country(d.pop("incorporation_country", UNSET))

        def _parse_legal_form(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_form = _parse_legal_form(d.pop("legal_form", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        phones = cast(list[str], d.pop("phones", UNSET))

        def _parse_registration_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        registration_number = _parse_registration_number(d.pop("registration_number", UNSET))

        def _parse_status(data: object) -> CompanyStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = CompanyStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_status_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_since_type_0 = datetime.date.fromisoformat(data)

                return status_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        status_since = _parse_status_since(d.pop("status_since", UNSET))

        def _parse_tax_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tax_id = _parse_tax_id(d.pop("tax_id", UNSET))

        trade_countries = cast(list[str], d.pop("trade_countries", UNSET))

        websites = cast(list[str], d.pop("websites", UNSET))

        company_input = cls(
            name=name,
            activities=activities,
            addresses=addresses,
            aliases=aliases,
            country=country,
            emails=emails,
            eori=eori,
            former_names=former_names,
            hs_chapters=hs_chapters,
            identifiers=identifiers,
            incorporated_on=incorporated_on,
            incorporation_country=incorporation_country,
            legal_form=legal_form,
            notes=notes,
            phones=phones,
            registration_number=registration_number,
            status=status,
            status_since=status_since,
            tax_id=tax_id,
            trade_countries=trade_countries,
            websites=websites,
        )

        return company_input
