from enum import StrEnum


class Outcome(StrEnum):
    ADMINISTRATIVE_PENALTY = "administrative_penalty"
    MERGED = "merged"
    NO_OFFENCE = "no_offence"
    PROSECUTION = "prosecution"
    TRANSFERRED = "transferred"

    def __str__(self) -> str:
        return str(self.value)
