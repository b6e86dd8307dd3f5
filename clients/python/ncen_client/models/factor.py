from enum import StrEnum


class Factor(StrEnum):
    ALERTS = "alerts"
    BOUND = "bound"
    CASES = "cases"
    CASE_VALUE = "case_value"
    HITS = "hits"
    INVESTIGATIONS = "investigations"
    LINKED_COMPANIES = "linked_companies"
    LINKED_PERSONS = "linked_persons"
    MANUAL_FLAGS = "manual_flags"
    TYPOLOGIES = "typologies"

    def __str__(self) -> str:
        return str(self.value)
