from enum import StrEnum


class InvestigationStatus(StrEnum):
    ASSIGNED = "assigned"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    OPENED = "opened"
    REOPENED = "reopened"
    SUSPENDED = "suspended"
    UNDER_REVIEW = "under_review"

    def __str__(self) -> str:
        return str(self.value)
