from enum import StrEnum


class RegisterSort(StrEnum):
    LAST_CASE = "last_case"
    NAME = "name"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
