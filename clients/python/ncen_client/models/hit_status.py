from enum import StrEnum


class HitStatus(StrEnum):
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    NEW = "new"

    def __str__(self) -> str:
        return str(self.value)
