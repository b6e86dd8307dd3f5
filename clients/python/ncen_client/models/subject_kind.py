from enum import StrEnum


class SubjectKind(StrEnum):
    COMPANY = "company"
    CONVEYANCE = "conveyance"
    IDENTIFIER = "identifier"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
