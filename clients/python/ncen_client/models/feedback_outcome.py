from enum import StrEnum


class FeedbackOutcome(StrEnum):
    CONTROLLED_NOTHING_FOUND = "controlled_nothing_found"
    NOT_ARRIVED = "not_arrived"
    NOT_CONTROLLED = "not_controlled"
    SEIZED = "seized"

    def __str__(self) -> str:
        return str(self.value)
