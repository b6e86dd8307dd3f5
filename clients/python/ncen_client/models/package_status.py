from enum import StrEnum


class PackageStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    AWAITING_APPROVAL = "awaiting_approval"
    DECLINED = "declined"
    FAILED = "failed"
    PENDING = "pending"
    REJECTED = "rejected"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
