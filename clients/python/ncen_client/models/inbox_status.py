from enum import StrEnum


class InboxStatus(StrEnum):
    DISMISSED = "dismissed"
    IMPORTED = "imported"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)
