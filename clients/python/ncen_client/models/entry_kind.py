from enum import StrEnum


class EntryKind(StrEnum):
    ACTION = "action"
    DECISION = "decision"
    FINDING = "finding"
    NOTE = "note"

    def __str__(self) -> str:
        return str(self.value)
