from enum import StrEnum


class TimelineKind(StrEnum):
    ALERT = "alert"
    ALERT_HIT = "alert_hit"
    CASE = "case"
    INVESTIGATION = "investigation"
    MESSAGE = "message"

    def __str__(self) -> str:
        return str(self.value)
