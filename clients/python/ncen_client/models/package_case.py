from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.package_case_document import PackageCaseDocument


T = TypeVar("T", bound="PackageCase")


@_attrs_define
class PackageCase:
    """One case: its reference and version at the sender (a later package with a higher version
    updates it) and the case document through the scope's allow-list.

        Attributes:
            document (PackageCaseDocument): The case document (`CaseDto`) through the scope's allow-list.
            reference (str):
            version (int):
    """

    document: PackageCaseDocument
    reference: str
    version: int

    def to_dict(self) -> dict[str, Any]:
        document = self.document.to_dict()

        reference = self.reference

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document": document,
                "reference": reference,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.package_case_document import PackageCaseDocument  # noqa: PLC0415

        d = dict(src_dict)
        document = PackageCaseDocument.from_dict(d.pop("document"))

        reference = d.pop("reference")

        version = d.pop("version")

        package_case = cls(
            document=document,
            reference=reference,
            version=version,
        )

        return package_case
