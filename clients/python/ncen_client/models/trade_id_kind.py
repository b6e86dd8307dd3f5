from enum import StrEnum


class TradeIdKind(StrEnum):
    AEO = "aeo"
    EORI = "eori"
    IBAN = "iban"
    LEI = "lei"
    REGISTRATION = "registration"
    TAX = "tax"
    VAT = "vat"

    def __str__(self) -> str:
        return str(self.value)
