from enum import StrEnum


class PackageKind(StrEnum):
    CASES = "cases"
    WITHDRAWAL = "withdrawal"

    def __str__(self) -> str:
        return str(self.value)
