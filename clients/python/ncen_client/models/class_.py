from enum import StrEnum


class Class(StrEnum):
    LOCAL = "local"
    NOMINAL = "nominal"
    NON_NOMINAL = "non_nominal"

    def __str__(self) -> str:
        return str(self.value)
