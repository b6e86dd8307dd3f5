from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    sha256: str,
    *,
    body: File,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ncen-Key"] = ncen_key

    headers["Ncen-Sent-At"] = ncen_sent_at

    headers["Ncen-Signature"] = ncen_signature

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/exchange/inbox/files/{sha256}".format(
            sha256=quote(str(sha256), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sha256: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Response[Any | Problem]:
    """A partner node uploads a file (a photo, an X-ray, a document) that a package it is about to
    deliver lists by SHA-256 — the inbox answers such a package 409 `files_missing` until
    every file it lists has arrived. Signed as a package is (`Ncen-Key`, `Ncen-Sent-At`,
    `Ncen-Signature` over the file's bytes). Refused with 413 `too_large` (the attachment
    limit), 401 `unsigned`, `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`,
    422 `wrong_hash` (the bytes do not hash to the address) or `unsupported_type` (not a JPEG,
    PNG, WebP, TIFF or PDF); 429 `throttled` as for packages. Kept once per partner and
    content: uploading it again is answered 204 all the same. Every attempt is audited.

    Args:
        sha256 (str):
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        sha256=sha256,
        body=body,
        ncen_key=ncen_key,
        ncen_sent_at=ncen_sent_at,
        ncen_signature=ncen_signature,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sha256: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Any | Problem | None:
    """A partner node uploads a file (a photo, an X-ray, a document) that a package it is about to
    deliver lists by SHA-256 — the inbox answers such a package 409 `files_missing` until
    every file it lists has arrived. Signed as a package is (`Ncen-Key`, `Ncen-Sent-At`,
    `Ncen-Signature` over the file's bytes). Refused with 413 `too_large` (the attachment
    limit), 401 `unsigned`, `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`,
    422 `wrong_hash` (the bytes do not hash to the address) or `unsupported_type` (not a JPEG,
    PNG, WebP, TIFF or PDF); 429 `throttled` as for packages. Kept once per partner and
    content: uploading it again is answered 204 all the same. Every attempt is audited.

    Args:
        sha256 (str):
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        sha256=sha256,
        client=client,
        body=body,
        ncen_key=ncen_key,
        ncen_sent_at=ncen_sent_at,
        ncen_signature=ncen_signature,
    ).parsed


async def asyncio_detailed(
    sha256: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Response[Any | Problem]:
    """A partner node uploads a file (a photo, an X-ray, a document) that a package it is about to
    deliver lists by SHA-256 — the inbox answers such a package 409 `files_missing` until
    every file it lists has arrived. Signed as a package is (`Ncen-Key`, `Ncen-Sent-At`,
    `Ncen-Signature` over the file's bytes). Refused with 413 `too_large` (the attachment
    limit), 401 `unsigned`, `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`,
    422 `wrong_hash` (the bytes do not hash to the address) or `unsupported_type` (not a JPEG,
    PNG, WebP, TIFF or PDF); 429 `throttled` as for packages. Kept once per partner and
    content: uploading it again is answered 204 all the same. Every attempt is audited.

    Args:
        sha256 (str):
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        sha256=sha256,
        body=body,
        ncen_key=ncen_key,
        ncen_sent_at=ncen_sent_at,
        ncen_signature=ncen_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sha256: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Any | Problem | None:
    """A partner node uploads a file (a photo, an X-ray, a document) that a package it is about to
    deliver lists by SHA-256 — the inbox answers such a package 409 `files_missing` until
    every file it lists has arrived. Signed as a package is (`Ncen-Key`, `Ncen-Sent-At`,
    `Ncen-Signature` over the file's bytes). Refused with 413 `too_large` (the attachment
    limit), 401 `unsigned`, `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`,
    422 `wrong_hash` (the bytes do not hash to the address) or `unsupported_type` (not a JPEG,
    PNG, WebP, TIFF or PDF); 429 `throttled` as for packages. Kept once per partner and
    content: uploading it again is answered 204 all the same. Every attempt is audited.

    Args:
        sha256 (str):
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            sha256=sha256,
            client=client,
            body=body,
            ncen_key=ncen_key,
            ncen_sent_at=ncen_sent_at,
            ncen_signature=ncen_signature,
        )
    ).parsed
