from enum import StrEnum


class Scope(StrEnum):
    NOMINAL = "nominal"
    NON_NOMINAL = "non_nominal"

    def __str__(self) -> str:
        return str(self.value)
