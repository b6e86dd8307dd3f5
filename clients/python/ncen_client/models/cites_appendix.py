from enum import StrEnum


class CitesAppendix(StrEnum):
    I = "I"
    II = "II"
    III = "III"

    def __str__(self) -> str:
        return str(self.value)
