from enum import StrEnum


class ThreadTemplateType2Kind(StrEnum):
    FEEDBACK = "feedback"

    def __str__(self) -> str:
        return str(self.value)
