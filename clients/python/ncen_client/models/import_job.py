from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_format import ImportFormat
from ..models.import_mode import ImportMode
from ..models.import_status import ImportStatus
from ..models.record_type import RecordType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportJob")


@_attrs_define
class ImportJob:
    """An import and where it stands.

    Attributes:
        bytes_done (int): Bytes of the file read so far (against `size_bytes`: how far the run is).
        cancel_requested (bool):
        created (int): Records created (a dry run: that would be).
        created_at (datetime.datetime):
        created_by (UUID):
        dry_run (bool):
        format_ (ImportFormat): How the file is written. `ndjson`: one JSON object per line in the shape of the create
            endpoint's body plus `external_id` (and `source_system`, when it differs from the
            import's). `csv`: a header naming each column by its field's path in that body
            (`family_name`, `documents[0].number`, `goods[0].commodity_group`,
            `persons[0].person.family_name`) plus `external_id`; a cell is typed as its field is,
            an empty cell is no value (`docs/imports.md`). `xlsx`: the first worksheet of a
            workbook, read as CSV is (its first row the header).
        id (UUID):
        matched (int): Cases: parties linked to existing register records (by identifier, or by a name above
            the threshold).
        mode (ImportMode): `all_or_nothing`: one bad line and nothing is written; `valid_rows`: bad lines are
            skipped and reported, the others written.
        proposals (int): Cases: parties created beside an existing record they may be (see
            `GET /imports/{id}/proposals`).
        record_type (RecordType): What a file holds: one record of this type per line. `cases`: seizure cases in the
            shape of `POST /seizures`, goods, route and parties nested; a party given as a record
            (`person`, `company`, `conveyance`) is linked to the register record the matching
            engine finds it to be (an identifier, or a name above the threshold), else created —
            with the close ones below the threshold listed as proposals.
        rejected (int): Lines refused (see `GET /imports/{id}/problems`).
        rows_done (int): Lines settled so far (applied, unchanged or rejected).
        sha256 (str): SHA-256 (hex) of the file.
        size_bytes (int):
        source_system (str):
        status (ImportStatus): `queued` (waiting for an instance), `running`, then `succeeded`, `failed` (see
            `failure`; an `all_or_nothing` import with bad lines writes nothing) or `cancelled`.
        unchanged (int):
        updated (int):
        created_by_name (None | str | Unset):
        failure (None | str | Unset): Why it failed, when it did.
        file_purged_at (datetime.datetime | None | Unset): When the file was removed from the store (`FILE_DAYS` after
            the last import reading
            it ended): the report stays, but a dry run can no longer be committed.
        filename (None | str | Unset):
        finished_at (datetime.datetime | None | Unset):
        started_at (datetime.datetime | None | Unset):
    """

    bytes_done: int
    cancel_requested: bool
    created: int
    created_at: datetime.datetime
    created_by: UUID
    dry_run: bool
    format_: ImportFormat
    id: UUID
    matched: int
    mode: ImportMode
    proposals: int
    record_type: RecordType
    rejected: int
    rows_done: int
    sha256: str
    size_bytes: int
    source_system: str
    status: ImportStatus
    unchanged: int
    updated: int
    created_by_name: None | str | Unset = UNSET
    failure: None | str | Unset = UNSET
    file_purged_at: datetime.datetime | None | Unset = UNSET
    filename: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bytes_done = self.bytes_done

        cancel_requested = self.cancel_requested

        created = self.created

        created_at = self.created_at.isoformat()

        created_by = str(self.created_by)

        dry_run = self.dry_run

        format_ = self.format_.value

        id = str(self.id)

        matched = self.matched

        mode = self.mode.value

        proposals = self.proposals

        record_type = self.record_type.value

        rejected = self.rejected

        rows_done = self.rows_done

        sha256 = self.sha256

        size_bytes = self.size_bytes

        source_system = self.source_system

        status = self.status.value

        unchanged = self.unchanged

        updated = self.updated

        created_by_name: None | str | Unset
        if isinstance(self.created_by_name, Unset):
            created_by_name = UNSET
        else:
            created_by_name = self.created_by_name

        failure: None | str | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        else:
            failure = self.failure

        file_purged_at: None | str | Unset
        if isinstance(self.file_purged_at, Unset):
            file_purged_at = UNSET
        elif isinstance(self.file_purged_at, datetime.datetime):
            file_purged_at = self.file_purged_at.isoformat()
        else:
            file_purged_at = self.file_purged_at

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bytes_done": bytes_done,
                "cancel_requested": cancel_requested,
                "created": created,
                "created_at": created_at,
                "created_by": created_by,
                "dry_run": dry_run,
                "format": format_,
                "id": id,
                "matched": matched,
                "mode": mode,
                "proposals": proposals,
                "record_type": record_type,
                "rejected": rejected,
                "rows_done": rows_done,
                "sha256": sha256,
                "size_bytes": size_bytes,
                "source_system": source_system,
                "status": status,
                "unchanged": unchanged,
                "updated": updated,
            }
        )
        if created_by_name is not UNSET:
            field_dict["created_by_name"] = created_by_name
        if failure is not UNSET:
            field_dict["failure"] = failure
        if file_purged_at is not UNSET:
            field_dict["file_purged_at"] = file_purged_at
        if filename is not UNSET:
            field_dict["filename"] = filename
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bytes_done = d.pop("bytes_done")

        cancel_requested = d.pop("cancel_requested")

        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = UUID(d.pop("created_by"))

        dry_run = d.pop("dry_run")

        format_ = ImportFormat(d.pop("format"))

        id = UUID(d.pop("id"))

        matched = d.pop("matched")

        mode = ImportMode(d.pop("mode"))

        proposals = d.pop("proposals")

        record_type = RecordType(d.pop("record_type"))

        rejected = d.pop("rejected")

        rows_done = d.pop("rows_done")

        sha256 = d.pop("sha256")

        size_bytes = d.pop("size_bytes")

        source_system = d.pop("source_system")

        status = ImportStatus(d.pop("status"))

        unchanged = d.pop("unchanged")

        updated = d.pop("updated")

        def _parse_created_by_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by_name = _parse_created_by_name(d.pop("created_by_name", UNSET))

        def _parse_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_file_purged_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                file_purged_at_type_0 = datetime.datetime.fromisoformat(data)

                return file_purged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        file_purged_at = _parse_file_purged_at(d.pop("file_purged_at", UNSET))

        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        import_job = cls(
            bytes_done=bytes_done,
            cancel_requested=cancel_requested,
            created=created,
            created_at=created_at,
            created_by=created_by,
            dry_run=dry_run,
            format_=format_,
            id=id,
            matched=matched,
            mode=mode,
            proposals=proposals,
            record_type=record_type,
            rejected=rejected,
            rows_done=rows_done,
            sha256=sha256,
            size_bytes=size_bytes,
            source_system=source_system,
            status=status,
            unchanged=unchanged,
            updated=updated,
            created_by_name=created_by_name,
            failure=failure,
            file_purged_at=file_purged_at,
            filename=filename,
            finished_at=finished_at,
            started_at=started_at,
        )

        import_job.additional_properties = d
        return import_job

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
