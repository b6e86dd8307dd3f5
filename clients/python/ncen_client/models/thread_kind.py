from enum import StrEnum


class ThreadKind(StrEnum):
    FEEDBACK = "feedback"
    GENERAL = "general"
    REQUEST = "request"
    SEIZURE = "seizure"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
