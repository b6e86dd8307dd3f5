from enum import StrEnum


class ThreadTemplateType1Kind(StrEnum):
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
