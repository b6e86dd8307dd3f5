from enum import StrEnum


class ThreadTemplateType3Kind(StrEnum):
    SEIZURE = "seizure"

    def __str__(self) -> str:
        return str(self.value)
