from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.instrument import Instrument

T = TypeVar("T", bound="AgreementRef")


@_attrs_define
class AgreementRef:
    """The legal basis as the sender records it.

    Attributes:
        instrument (Instrument): The kind of legal instrument an agreement rests on.
        reference (str):
    """

    instrument: Instrument
    reference: str

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument.value

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instrument": instrument,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = Instrument(d.pop("instrument"))

        reference = d.pop("reference")

        agreement_ref = cls(
            instrument=instrument,
            reference=reference,
        )

        return agreement_ref
