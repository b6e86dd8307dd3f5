from enum import StrEnum


class StandingCode(StrEnum):
    LEAD = "lead"
    MEMBER = "member"
    SUPERVISOR = "supervisor"

    def __str__(self) -> str:
        return str(self.value)
