from enum import StrEnum


class CompanyStatus(StrEnum):
    ACTIVE = "active"
    DEREGISTERED = "deregistered"
    DISSOLVED = "dissolved"
    DORMANT = "dormant"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
