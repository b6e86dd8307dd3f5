from enum import StrEnum


class CaseKind(StrEnum):
    OFFENCE = "offence"
    SEIZURE = "seizure"

    def __str__(self) -> str:
        return str(self.value)
