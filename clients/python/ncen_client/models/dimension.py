from enum import StrEnum


class Dimension(StrEnum):
    COMMODITY_GROUP = "commodity_group"
    COMMODITY_TYPE = "commodity_type"
    CONCEALMENT_METHOD = "concealment_method"
    CONVEYANCE_TYPE = "conveyance_type"
    DESTINATION_COUNTRY = "destination_country"
    DETECTION_METHOD = "detection_method"
    DIRECTION = "direction"
    KIND = "kind"
    LOCATION_TYPE = "location_type"
    OFFENDER_NATIONALITY = "offender_nationality"
    ORIGIN_COUNTRY = "origin_country"
    PERIOD = "period"
    PLACE = "place"
    REPORTING_UNIT = "reporting_unit"
    ROUTE = "route"
    ROUTE_SEGMENT = "route_segment"
    TRANSIT_COUNTRY = "transit_country"
    UNIT = "unit"

    def __str__(self) -> str:
        return str(self.value)
