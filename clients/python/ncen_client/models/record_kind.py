from enum import StrEnum


class RecordKind(StrEnum):
    COMPANY = "company"
    CONVEYANCE = "conveyance"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
