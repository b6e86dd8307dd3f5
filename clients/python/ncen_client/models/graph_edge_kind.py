from enum import StrEnum


class GraphEdgeKind(StrEnum):
    COMPANY_RELATION = "company_relation"
    COMPANY_ROLE = "company_role"
    HOLDS = "holds"
    IN_CASE = "in_case"

    def __str__(self) -> str:
        return str(self.value)
