from enum import StrEnum


class AttachmentKind(StrEnum):
    DOCUMENT = "document"
    PHOTO = "photo"
    XRAY = "xray"

    def __str__(self) -> str:
        return str(self.value)
