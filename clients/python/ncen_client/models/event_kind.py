from enum import StrEnum


class EventKind(StrEnum):
    HIT = "hit"
    JOURNAL = "journal"
    LINK_ADDED = "link_added"
    LINK_REMOVED = "link_removed"
    MEMBER_ADDED = "member_added"
    MEMBER_REMOVED = "member_removed"
    MESSAGE = "message"
    OPENED = "opened"
    TASK_ADDED = "task_added"
    TASK_UPDATED = "task_updated"
    TRANSITION = "transition"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
