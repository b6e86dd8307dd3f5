from enum import StrEnum


class Band(StrEnum):
    HIT = "hit"
    REVIEW = "review"

    def __str__(self) -> str:
        return str(self.value)
