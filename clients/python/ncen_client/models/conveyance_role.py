from enum import StrEnum


class ConveyanceRole(StrEnum):
    CARRYING = "carrying"
    CONTAINER = "container"
    OTHER = "other"
    PARCEL = "parcel"
    TRAILER = "trailer"

    def __str__(self) -> str:
        return str(self.value)
