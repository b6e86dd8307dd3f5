from enum import StrEnum


class SearchTarget(StrEnum):
    COMPANIES = "companies"
    CONVEYANCES = "conveyances"
    PERSONS = "persons"
    SEIZURES = "seizures"

    def __str__(self) -> str:
        return str(self.value)
