from enum import StrEnum


class Instrument(StrEnum):
    BILATERAL_CMAA = "bilateral_cmaa"
    JOHANNESBURG_CONVENTION = "johannesburg_convention"
    MOU = "mou"
    NAIROBI_CONVENTION = "nairobi_convention"
    OTHER = "other"
    REGIONAL_CONVENTION = "regional_convention"

    def __str__(self) -> str:
        return str(self.value)
