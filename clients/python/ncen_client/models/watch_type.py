from enum import StrEnum


class WatchType(StrEnum):
    AWB = "awb"
    COMPANY = "company"
    CONTAINER = "container"
    CONVEYANCE = "conveyance"
    FLIGHT = "flight"
    OTHER = "other"
    PASSPORT = "passport"
    PERSON = "person"
    VEHICLE = "vehicle"
    VESSEL = "vessel"

    def __str__(self) -> str:
        return str(self.value)
