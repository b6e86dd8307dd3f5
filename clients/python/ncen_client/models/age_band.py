from enum import StrEnum


class AgeBand(StrEnum):
    UNDER_18 = "under_18"
    UNKNOWN = "unknown"
    VALUE_1 = "18_24"
    VALUE_2 = "25_34"
    VALUE_3 = "35_44"
    VALUE_4 = "45_54"
    VALUE_5 = "55_64"
    VALUE_6 = "65_plus"

    def __str__(self) -> str:
        return str(self.value)
