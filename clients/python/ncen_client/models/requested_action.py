from enum import StrEnum


class RequestedAction(StrEnum):
    CONTROL = "control"
    DETAIN = "detain"
    DISCREET_CHECK = "discreet_check"
    INFORM_OWNER = "inform_owner"

    def __str__(self) -> str:
        return str(self.value)
