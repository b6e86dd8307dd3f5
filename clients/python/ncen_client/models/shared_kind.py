from enum import StrEnum


class SharedKind(StrEnum):
    ADDRESS = "address"
    BANK_ACCOUNT = "bank_account"
    DIRECTOR = "director"
    EMAIL = "email"
    OWNER = "owner"
    PHONE = "phone"
    WEBSITE = "website"

    def __str__(self) -> str:
        return str(self.value)
