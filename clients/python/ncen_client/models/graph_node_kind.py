from enum import StrEnum


class GraphNodeKind(StrEnum):
    ADDRESS = "address"
    CASE = "case"
    COMPANY = "company"
    CONVEYANCE = "conveyance"
    EMAIL = "email"
    IDENTIFIER = "identifier"
    PERSON = "person"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)
