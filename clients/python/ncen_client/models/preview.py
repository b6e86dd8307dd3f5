from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scope import Scope

if TYPE_CHECKING:
    from ..models.agreement_dto import AgreementDto
    from ..models.field_rule import FieldRule
    from ..models.preview_documents_item import PreviewDocumentsItem


T = TypeVar("T", bound="Preview")


@_attrs_define
class Preview:
    """
    Attributes:
        agreement (AgreementDto):
        documents (list[PreviewDocumentsItem]): Each case exactly as it would leave.
        fields (list[FieldRule]): Every classified field and whether it leaves in this scope.
        scope (Scope): What of a case an exchange may carry: `non_nominal` (no one identified: the allow-list
            of `exchange::scope`) or `nominal` (persons, companies and conveyances too). An
            agreement in the nominal scope covers non-nominal exchanges as well.
    """

    agreement: AgreementDto
    documents: list[PreviewDocumentsItem]
    fields: list[FieldRule]
    scope: Scope
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agreement = self.agreement.to_dict()

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        scope = self.scope.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement": agreement,
                "documents": documents,
                "fields": fields,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_dto import AgreementDto  # noqa: PLC0415
        from ..models.field_rule import FieldRule  # noqa: PLC0415
        from ..models.preview_documents_item import PreviewDocumentsItem  # noqa: PLC0415

        d = dict(src_dict)
        agreement = AgreementDto.from_dict(d.pop("agreement"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = PreviewDocumentsItem.from_dict(documents_item_data)

            documents.append(documents_item)

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = FieldRule.from_dict(fields_item_data)

            fields.append(fields_item)

        scope = Scope(d.pop("scope"))

        preview = cls(
            agreement=agreement,
            documents=documents,
            fields=fields,
            scope=scope,
        )

        preview.additional_properties = d
        return preview

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
