from enum import StrEnum


class SeizureStatsStatus(StrEnum):
    SUBMITTED = "submitted"
    VALIDATED = "validated"

    def __str__(self) -> str:
        return str(self.value)
