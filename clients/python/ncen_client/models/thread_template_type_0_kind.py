from enum import StrEnum


class ThreadTemplateType0Kind(StrEnum):
    GENERAL = "general"

    def __str__(self) -> str:
        return str(self.value)
