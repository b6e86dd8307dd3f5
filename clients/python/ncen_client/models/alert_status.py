from enum import StrEnum


class AlertStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
