from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    ANALYST = "analyst"
    AUDITOR = "auditor"
    INVESTIGATOR = "investigator"
    LIAISON = "liaison"
    OFFICER = "officer"
    SUPERVISOR = "supervisor"

    def __str__(self) -> str:
        return str(self.value)
