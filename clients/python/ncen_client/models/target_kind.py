from enum import StrEnum


class TargetKind(StrEnum):
    ALERT = "alert"
    ALERT_HIT = "alert_hit"
    CASE = "case"
    COMPANY = "company"
    CONVEYANCE = "conveyance"
    INVESTIGATION = "investigation"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
