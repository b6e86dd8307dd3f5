from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.company_flag import CompanyFlag
    from ..models.company_person import CompanyPerson
    from ..models.computed_link import ComputedLink
    from ..models.relation import Relation
    from ..models.risk_dto import RiskDto
    from ..models.shared_hub import SharedHub
    from ..models.shared_identifier import SharedIdentifier
    from ..models.typology import Typology


T = TypeVar("T", bound="CompanyProfile")


@_attrs_define
class CompanyProfile:
    """Everything the company database holds around a company, in one read.

    Attributes:
        computed_links (list[ComputedLink]): Other companies sharing an address, phone, e-mail, website, bank account,
            director
            or owner (addresses shared by more than `hub_limit` companies are not listed company
            by company: see `hubs`).
        flags (list[CompanyFlag]):
        hubs (list[SharedHub]): Shared addresses and contact points too common to list (a formation agent's address):
            what is shared and by how many companies.
        people (list[CompanyPerson]):
        relations (list[Relation]):
        risk (RiskDto): A company's risk: the score, its band, and every contribution (they add up to the
            score).
        shared_identifiers (list[SharedIdentifier]):
        typologies (list[Typology]):
    """

    computed_links: list[ComputedLink]
    flags: list[CompanyFlag]
    hubs: list[SharedHub]
    people: list[CompanyPerson]
    relations: list[Relation]
    risk: RiskDto
    shared_identifiers: list[SharedIdentifier]
    typologies: list[Typology]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        computed_links = []
        for computed_links_item_data in self.computed_links:
            computed_links_item = computed_links_item_data.to_dict()
            computed_links.append(computed_links_item)

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.to_dict()
            flags.append(flags_item)

        hubs = []
        for hubs_item_data in self.hubs:
            hubs_item = hubs_item_data.to_dict()
            hubs.append(hubs_item)

        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)

        relations = []
        for relations_item_data in self.relations:
            relations_item = relations_item_data.to_dict()
            relations.append(relations_item)

        risk = self.risk.to_dict()

        shared_identifiers = []
        for shared_identifiers_item_data in self.shared_identifiers:
            shared_identifiers_item = shared_identifiers_item_data.to_dict()
            shared_identifiers.append(shared_identifiers_item)

        typologies = []
        for typologies_item_data in self.typologies:
            typologies_item = typologies_item_data.to_dict()
            typologies.append(typologies_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "computed_links": computed_links,
                "flags": flags,
                "hubs": hubs,
                "people": people,
                "relations": relations,
                "risk": risk,
                "shared_identifiers": shared_identifiers,
                "typologies": typologies,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_flag import CompanyFlag  # noqa: PLC0415
        from ..models.company_person import CompanyPerson  # noqa: PLC0415
        from ..models.computed_link import ComputedLink  # noqa: PLC0415
        from ..models.relation import Relation  # noqa: PLC0415
        from ..models.risk_dto import RiskDto  # noqa: PLC0415
        from ..models.shared_hub import SharedHub  # noqa: PLC0415
        from ..models.shared_identifier import SharedIdentifier  # noqa: PLC0415
        from ..models.typology import Typology  # noqa: PLC0415

        d = dict(src_dict)
        computed_links = []
        _computed_links = d.pop("computed_links")
        for computed_links_item_data in _computed_links:
            computed_links_item = ComputedLink.from_dict(computed_links_item_data)

            computed_links.append(computed_links_item)

        flags = []
        _flags = d.pop("flags")
        for flags_item_data in _flags:
            flags_item = CompanyFlag.from_dict(flags_item_data)

            flags.append(flags_item)

        hubs = []
        _hubs = d.pop("hubs")
        for hubs_item_data in _hubs:
            hubs_item = SharedHub.from_dict(hubs_item_data)

            hubs.append(hubs_item)

        people = []
        _people = d.pop("people")
        for people_item_data in _people:
            people_item = CompanyPerson.from_dict(people_item_data)

            people.append(people_item)

        relations = []
        _relations = d.pop("relations")
        for relations_item_data in _relations:
            relations_item = Relation.from_dict(relations_item_data)

            relations.append(relations_item)

        risk = RiskDto.from_dict(d.pop("risk"))

        shared_identifiers = []
        _shared_identifiers = d.pop("shared_identifiers")
        for shared_identifiers_item_data in _shared_identifiers:
            shared_identifiers_item = SharedIdentifier.from_dict(shared_identifiers_item_data)

            shared_identifiers.append(shared_identifiers_item)

        typologies = []
        _typologies = d.pop("typologies")
        for typologies_item_data in _typologies:
            typologies_item = Typology.from_dict(typologies_item_data)

            typologies.append(typologies_item)

        company_profile = cls(
            computed_links=computed_links,
            flags=flags,
            hubs=hubs,
            people=people,
            relations=relations,
            risk=risk,
            shared_identifiers=shared_identifiers,
            typologies=typologies,
        )

        company_profile.additional_properties = d
        return company_profile

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
