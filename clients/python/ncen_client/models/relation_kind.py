from enum import StrEnum


class RelationKind(StrEnum):
    AGENT_OF = "agent_of"
    PARENT = "parent"
    PREDECESSOR_OF = "predecessor_of"
    PRINCIPAL_OF = "principal_of"
    SAME_GROUP = "same_group"
    SUBSIDIARY = "subsidiary"
    SUCCESSOR_OF = "successor_of"

    def __str__(self) -> str:
        return str(self.value)
