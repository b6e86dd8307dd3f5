from enum import StrEnum


class AddressKind(StrEnum):
    OPERATIONAL = "operational"
    REGISTERED = "registered"
    WAREHOUSE = "warehouse"

    def __str__(self) -> str:
        return str(self.value)
