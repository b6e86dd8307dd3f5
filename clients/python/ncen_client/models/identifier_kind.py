from enum import StrEnum


class IdentifierKind(StrEnum):
    AIRCRAFT_REGISTRATION = "aircraft_registration"
    AIR_WAYBILL = "air_waybill"
    BILL_OF_LADING = "bill_of_lading"
    CONTAINER = "container"
    FLIGHT_NUMBER = "flight_number"
    IMO = "imo"
    MMSI = "mmsi"
    OTHER = "other"
    PLATE = "plate"
    TRACKING_NUMBER = "tracking_number"
    VIN = "vin"

    def __str__(self) -> str:
        return str(self.value)
