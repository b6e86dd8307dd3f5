from enum import StrEnum


class NodeKind(StrEnum):
    ADDRESS = "address"
    AEO = "aeo"
    COMPANY = "company"
    EMAIL = "email"
    EORI = "eori"
    IBAN = "iban"
    LEI = "lei"
    PERSON = "person"
    PHONE = "phone"
    REGISTRATION = "registration"
    TAX = "tax"
    VAT = "vat"
    WEBSITE = "website"

    def __str__(self) -> str:
        return str(self.value)
