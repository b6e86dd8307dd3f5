from enum import StrEnum


class PersonRole(StrEnum):
    BENEFICIAL_OWNER = "beneficial_owner"
    CUSTOMS_BROKER = "customs_broker"
    DIRECTOR = "director"
    EMPLOYEE = "employee"
    REPRESENTATIVE = "representative"
    SHAREHOLDER = "shareholder"

    def __str__(self) -> str:
        return str(self.value)
