from enum import StrEnum


class RecordType(StrEnum):
    CASES = "cases"
    COMPANIES = "companies"
    CONVEYANCES = "conveyances"
    PERSONS = "persons"

    def __str__(self) -> str:
        return str(self.value)
