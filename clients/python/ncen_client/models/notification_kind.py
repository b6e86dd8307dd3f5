from enum import StrEnum


class NotificationKind(StrEnum):
    ALERT_ACTIVATION = "alert_activation"
    ALERT_HIT = "alert_hit"
    ALERT_MATCH = "alert_match"
    CASE_REOPENED = "case_reopened"
    CASE_RETURNED = "case_returned"
    DEADLINE_OVERDUE = "deadline_overdue"
    DEADLINE_SOON = "deadline_soon"
    FEEDBACK = "feedback"
    FEEDBACK_OVERDUE = "feedback_overdue"
    INVESTIGATION_ASSIGNED = "investigation_assigned"
    INVESTIGATION_REVIEW = "investigation_review"
    INVESTIGATION_TASK = "investigation_task"
    MESSAGE = "message"
    REQUEST = "request"
    REQUEST_ANSWERED = "request_answered"
    REQUEST_OVERDUE = "request_overdue"
    SEARCH_HIT = "search_hit"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
