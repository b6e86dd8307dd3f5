from enum import StrEnum


class PairStatus(StrEnum):
    DISTINCT = "distinct"
    MERGED = "merged"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
