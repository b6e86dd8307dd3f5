from enum import StrEnum


class BatchOutcome(StrEnum):
    CLEAR = "clear"
    HIT = "hit"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
