from enum import StrEnum


class ImportOutcome(StrEnum):
    CREATED = "created"
    MATCHED_IDENTIFIER = "matched_identifier"
    MATCHED_NAME = "matched_name"
    PROPOSAL = "proposal"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
