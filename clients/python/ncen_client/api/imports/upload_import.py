from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_job import ImportJob
from ...models.problem import Problem
from ...models.record_type import RecordType
from ...models.upload_import_format import UploadImportFormat
from ...models.upload_import_mode import UploadImportMode
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    record_type: RecordType,
    format_: UploadImportFormat | Unset = UNSET,
    mode: UploadImportMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    source_system: str,
    filename: str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_record_type = record_type.value
    params["record_type"] = json_record_type

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params["dry_run"] = dry_run

    params["source_system"] = source_system

    params["filename"] = filename

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportJob | Problem | None:
    if response.status_code == 202:
        response_202 = ImportJob.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportJob | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    record_type: RecordType,
    format_: UploadImportFormat | Unset = UNSET,
    mode: UploadImportMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    source_system: str,
    filename: str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportJob | Problem]:
    """Uploads a file to import (the body: NDJSON, streamed to the store, at most
    `NCEN_IMPORT_LIMIT` bytes) and queues it: 202 with the job, which an instance runs
    (`GET /imports/{id}` follows it). A dry run (the default) checks every line and reports;
    `dry_run=false` writes, `all_or_nothing` or `valid_rows`. Each row is the create endpoint's
    body of `record_type` plus `external_id` (and `source_system` to override the import's) —
    an NDJSON line, or a CSV row whose header names each column by its field's path
    (`goods[0].quantity`; `docs/imports.md`): the same row again changes nothing, an edited one
    updates its record. The parties of imported cases are matched to the registers (see
    `GET /imports/{id}/proposals`). `Idempotency-Key`:
    a retry with the same key, settings and file answers the first job. Audited
    (`import.create`).

    Args:
        record_type (RecordType): What a file holds: one record of this type per line. `cases`:
            seizure cases in the
            shape of `POST /seizures`, goods, route and parties nested; a party given as a record
            (`person`, `company`, `conveyance`) is linked to the register record the matching
            engine finds it to be (an identifier, or a name above the threshold), else created —
            with the close ones below the threshold listed as proposals.
        format_ (UploadImportFormat | Unset): How the file is written. `ndjson`: one JSON object
            per line in the shape of the create
            endpoint's body plus `external_id` (and `source_system`, when it differs from the
            import's). `csv`: a header naming each column by its field's path in that body
            (`family_name`, `documents[0].number`, `goods[0].commodity_group`,
            `persons[0].person.family_name`) plus `external_id`; a cell is typed as its field is,
            an empty cell is no value (`docs/imports.md`). `xlsx`: the first worksheet of a
            workbook, read as CSV is (its first row the header).
        mode (UploadImportMode | Unset): `all_or_nothing`: one bad line and nothing is written;
            `valid_rows`: bad lines are
            skipped and reported, the others written.
        dry_run (bool | Unset):
        source_system (str):
        filename (str | Unset):
        idempotency_key (None | str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJob | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        record_type=record_type,
        format_=format_,
        mode=mode,
        dry_run=dry_run,
        source_system=source_system,
        filename=filename,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    record_type: RecordType,
    format_: UploadImportFormat | Unset = UNSET,
    mode: UploadImportMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    source_system: str,
    filename: str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportJob | Problem | None:
    """Uploads a file to import (the body: NDJSON, streamed to the store, at most
    `NCEN_IMPORT_LIMIT` bytes) and queues it: 202 with the job, which an instance runs
    (`GET /imports/{id}` follows it). A dry run (the default) checks every line and reports;
    `dry_run=false` writes, `all_or_nothing` or `valid_rows`. Each row is the create endpoint's
    body of `record_type` plus `external_id` (and `source_system` to override the import's) —
    an NDJSON line, or a CSV row whose header names each column by its field's path
    (`goods[0].quantity`; `docs/imports.md`): the same row again changes nothing, an edited one
    updates its record. The parties of imported cases are matched to the registers (see
    `GET /imports/{id}/proposals`). `Idempotency-Key`:
    a retry with the same key, settings and file answers the first job. Audited
    (`import.create`).

    Args:
        record_type (RecordType): What a file holds: one record of this type per line. `cases`:
            seizure cases in the
            shape of `POST /seizures`, goods, route and parties nested; a party given as a record
            (`person`, `company`, `conveyance`) is linked to the register record the matching
            engine finds it to be (an identifier, or a name above the threshold), else created —
            with the close ones below the threshold listed as proposals.
        format_ (UploadImportFormat | Unset): How the file is written. `ndjson`: one JSON object
            per line in the shape of the create
            endpoint's body plus `external_id` (and `source_system`, when it differs from the
            import's). `csv`: a header naming each column by its field's path in that body
            (`family_name`, `documents[0].number`, `goods[0].commodity_group`,
            `persons[0].person.family_name`) plus `external_id`; a cell is typed as its field is,
            an empty cell is no value (`docs/imports.md`). `xlsx`: the first worksheet of a
            workbook, read as CSV is (its first row the header).
        mode (UploadImportMode | Unset): `all_or_nothing`: one bad line and nothing is written;
            `valid_rows`: bad lines are
            skipped and reported, the others written.
        dry_run (bool | Unset):
        source_system (str):
        filename (str | Unset):
        idempotency_key (None | str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJob | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        record_type=record_type,
        format_=format_,
        mode=mode,
        dry_run=dry_run,
        source_system=source_system,
        filename=filename,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    record_type: RecordType,
    format_: UploadImportFormat | Unset = UNSET,
    mode: UploadImportMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    source_system: str,
    filename: str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportJob | Problem]:
    """Uploads a file to import (the body: NDJSON, streamed to the store, at most
    `NCEN_IMPORT_LIMIT` bytes) and queues it: 202 with the job, which an instance runs
    (`GET /imports/{id}` follows it). A dry run (the default) checks every line and reports;
    `dry_run=false` writes, `all_or_nothing` or `valid_rows`. Each row is the create endpoint's
    body of `record_type` plus `external_id` (and `source_system` to override the import's) —
    an NDJSON line, or a CSV row whose header names each column by its field's path
    (`goods[0].quantity`; `docs/imports.md`): the same row again changes nothing, an edited one
    updates its record. The parties of imported cases are matched to the registers (see
    `GET /imports/{id}/proposals`). `Idempotency-Key`:
    a retry with the same key, settings and file answers the first job. Audited
    (`import.create`).

    Args:
        record_type (RecordType): What a file holds: one record of this type per line. `cases`:
            seizure cases in the
            shape of `POST /seizures`, goods, route and parties nested; a party given as a record
            (`person`, `company`, `conveyance`) is linked to the register record the matching
            engine finds it to be (an identifier, or a name above the threshold), else created —
            with the close ones below the threshold listed as proposals.
        format_ (UploadImportFormat | Unset): How the file is written. `ndjson`: one JSON object
            per line in the shape of the create
            endpoint's body plus `external_id` (and `source_system`, when it differs from the
            import's). `csv`: a header naming each column by its field's path in that body
            (`family_name`, `documents[0].number`, `goods[0].commodity_group`,
            `persons[0].person.family_name`) plus `external_id`; a cell is typed as its field is,
            an empty cell is no value (`docs/imports.md`). `xlsx`: the first worksheet of a
            workbook, read as CSV is (its first row the header).
        mode (UploadImportMode | Unset): `all_or_nothing`: one bad line and nothing is written;
            `valid_rows`: bad lines are
            skipped and reported, the others written.
        dry_run (bool | Unset):
        source_system (str):
        filename (str | Unset):
        idempotency_key (None | str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJob | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        record_type=record_type,
        format_=format_,
        mode=mode,
        dry_run=dry_run,
        source_system=source_system,
        filename=filename,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    record_type: RecordType,
    format_: UploadImportFormat | Unset = UNSET,
    mode: UploadImportMode | Unset = UNSET,
    dry_run: bool | Unset = UNSET,
    source_system: str,
    filename: str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportJob | Problem | None:
    """Uploads a file to import (the body: NDJSON, streamed to the store, at most
    `NCEN_IMPORT_LIMIT` bytes) and queues it: 202 with the job, which an instance runs
    (`GET /imports/{id}` follows it). A dry run (the default) checks every line and reports;
    `dry_run=false` writes, `all_or_nothing` or `valid_rows`. Each row is the create endpoint's
    body of `record_type` plus `external_id` (and `source_system` to override the import's) —
    an NDJSON line, or a CSV row whose header names each column by its field's path
    (`goods[0].quantity`; `docs/imports.md`): the same row again changes nothing, an edited one
    updates its record. The parties of imported cases are matched to the registers (see
    `GET /imports/{id}/proposals`). `Idempotency-Key`:
    a retry with the same key, settings and file answers the first job. Audited
    (`import.create`).

    Args:
        record_type (RecordType): What a file holds: one record of this type per line. `cases`:
            seizure cases in the
            shape of `POST /seizures`, goods, route and parties nested; a party given as a record
            (`person`, `company`, `conveyance`) is linked to the register record the matching
            engine finds it to be (an identifier, or a name above the threshold), else created —
            with the close ones below the threshold listed as proposals.
        format_ (UploadImportFormat | Unset): How the file is written. `ndjson`: one JSON object
            per line in the shape of the create
            endpoint's body plus `external_id` (and `source_system`, when it differs from the
            import's). `csv`: a header naming each column by its field's path in that body
            (`family_name`, `documents[0].number`, `goods[0].commodity_group`,
            `persons[0].person.family_name`) plus `external_id`; a cell is typed as its field is,
            an empty cell is no value (`docs/imports.md`). `xlsx`: the first worksheet of a
            workbook, read as CSV is (its first row the header).
        mode (UploadImportMode | Unset): `all_or_nothing`: one bad line and nothing is written;
            `valid_rows`: bad lines are
            skipped and reported, the others written.
        dry_run (bool | Unset):
        source_system (str):
        filename (str | Unset):
        idempotency_key (None | str | Unset):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJob | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            record_type=record_type,
            format_=format_,
            mode=mode,
            dry_run=dry_run,
            source_system=source_system,
            filename=filename,
            idempotency_key=idempotency_key,
        )
    ).parsed
