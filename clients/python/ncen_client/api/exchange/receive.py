from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ack import Ack
from ...models.package import Package
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: Package,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Ncen-Key"] = ncen_key

    headers["Ncen-Sent-At"] = ncen_sent_at

    headers["Ncen-Signature"] = ncen_signature

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/exchange/inbox",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Ack | Problem | None:
    if response.status_code == 200:
        response_200 = Ack.from_dict(response.json())

        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Ack | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Package,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Response[Ack | Problem]:
    """A partner node delivers a package (see `docs/exchange.md`). Authenticated by the
    signature, not a user token: `Ncen-Key` names the partner, `Ncen-Signature` is its
    Ed25519 signature of `ncen-exchange/1\\n<Ncen-Sent-At>\\n<SHA-256 of the body, hex>`.
    Answers the signed acknowledgement (body: canonical JSON of `Ack`; `Ncen-Signature`: this
    node's signature of it), or a precise refusal: 413 `too_large`, 401 `unsigned`,
    `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`, `no_agreement`, 400
    `malformed`, 422 `malformed`, `wrong_recipient`, `wrong_sender`, 409 `replayed` (with
    `acknowledgement` and `acknowledgement_signature` when the same package was accepted
    before), 409 `files_missing` (with `missing`: the SHA-256 of each file the cases list that
    has not been uploaded yet, `PUT /exchange/inbox/files/{sha256}`); before any check, even
    before the body is read, 429 `throttled` for an address refused too often in the last 15
    minutes. Every attempt is audited.

    Args:
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (Package): A package as it travels (its canonical JSON is what is signed and hashed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Ack | Problem]
    """

    kwargs = _get_kwargs(
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
    *,
    client: AuthenticatedClient | Client,
    body: Package,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Ack | Problem | None:
    """A partner node delivers a package (see `docs/exchange.md`). Authenticated by the
    signature, not a user token: `Ncen-Key` names the partner, `Ncen-Signature` is its
    Ed25519 signature of `ncen-exchange/1\\n<Ncen-Sent-At>\\n<SHA-256 of the body, hex>`.
    Answers the signed acknowledgement (body: canonical JSON of `Ack`; `Ncen-Signature`: this
    node's signature of it), or a precise refusal: 413 `too_large`, 401 `unsigned`,
    `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`, `no_agreement`, 400
    `malformed`, 422 `malformed`, `wrong_recipient`, `wrong_sender`, 409 `replayed` (with
    `acknowledgement` and `acknowledgement_signature` when the same package was accepted
    before), 409 `files_missing` (with `missing`: the SHA-256 of each file the cases list that
    has not been uploaded yet, `PUT /exchange/inbox/files/{sha256}`); before any check, even
    before the body is read, 429 `throttled` for an address refused too often in the last 15
    minutes. Every attempt is audited.

    Args:
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (Package): A package as it travels (its canonical JSON is what is signed and hashed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Ack | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        ncen_key=ncen_key,
        ncen_sent_at=ncen_sent_at,
        ncen_signature=ncen_signature,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Package,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Response[Ack | Problem]:
    """A partner node delivers a package (see `docs/exchange.md`). Authenticated by the
    signature, not a user token: `Ncen-Key` names the partner, `Ncen-Signature` is its
    Ed25519 signature of `ncen-exchange/1\\n<Ncen-Sent-At>\\n<SHA-256 of the body, hex>`.
    Answers the signed acknowledgement (body: canonical JSON of `Ack`; `Ncen-Signature`: this
    node's signature of it), or a precise refusal: 413 `too_large`, 401 `unsigned`,
    `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`, `no_agreement`, 400
    `malformed`, 422 `malformed`, `wrong_recipient`, `wrong_sender`, 409 `replayed` (with
    `acknowledgement` and `acknowledgement_signature` when the same package was accepted
    before), 409 `files_missing` (with `missing`: the SHA-256 of each file the cases list that
    has not been uploaded yet, `PUT /exchange/inbox/files/{sha256}`); before any check, even
    before the body is read, 429 `throttled` for an address refused too often in the last 15
    minutes. Every attempt is audited.

    Args:
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (Package): A package as it travels (its canonical JSON is what is signed and hashed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Ack | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        ncen_key=ncen_key,
        ncen_sent_at=ncen_sent_at,
        ncen_signature=ncen_signature,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Package,
    ncen_key: str,
    ncen_sent_at: str,
    ncen_signature: str,
) -> Ack | Problem | None:
    """A partner node delivers a package (see `docs/exchange.md`). Authenticated by the
    signature, not a user token: `Ncen-Key` names the partner, `Ncen-Signature` is its
    Ed25519 signature of `ncen-exchange/1\\n<Ncen-Sent-At>\\n<SHA-256 of the body, hex>`.
    Answers the signed acknowledgement (body: canonical JSON of `Ack`; `Ncen-Signature`: this
    node's signature of it), or a precise refusal: 413 `too_large`, 401 `unsigned`,
    `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`, `no_agreement`, 400
    `malformed`, 422 `malformed`, `wrong_recipient`, `wrong_sender`, 409 `replayed` (with
    `acknowledgement` and `acknowledgement_signature` when the same package was accepted
    before), 409 `files_missing` (with `missing`: the SHA-256 of each file the cases list that
    has not been uploaded yet, `PUT /exchange/inbox/files/{sha256}`); before any check, even
    before the body is read, 429 `throttled` for an address refused too often in the last 15
    minutes. Every attempt is audited.

    Args:
        ncen_key (str):
        ncen_sent_at (str):
        ncen_signature (str):
        body (Package): A package as it travels (its canonical JSON is what is signed and hashed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Ack | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            ncen_key=ncen_key,
            ncen_sent_at=ncen_sent_at,
            ncen_signature=ncen_signature,
        )
    ).parsed
