from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outbox_dto import OutboxDto
from ...models.problem import Problem
from ...models.send_request import SendRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SendRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/exchange/outbox",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxDto | Problem | None:
    if response.status_code == 201:
        response_201 = OutboxDto.from_dict(response.json())

        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutboxDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: SendRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[OutboxDto | Problem]:
    """Sends validated cases to a partner. A liaison officer's package is built, signed and
    queued at once (`pending`; delivered with retries, the partner's signed acknowledgement
    kept); an investigator's request waits for another liaison officer's approval
    (`awaiting_approval`). Refused without an agreement in force covering the scope and the
    cases' commodity groups (409 `no_agreement`). Audited (`exchange.send_request`) with the
    cases.

    Args:
        idempotency_key (str | Unset):
        body (SendRequest): Validated cases to send to a partner. A liaison officer's package is
            signed and queued at
            once; an investigator's waits for a liaison officer's approval (four eyes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: SendRequest,
    idempotency_key: str | Unset = UNSET,
) -> OutboxDto | Problem | None:
    """Sends validated cases to a partner. A liaison officer's package is built, signed and
    queued at once (`pending`; delivered with retries, the partner's signed acknowledgement
    kept); an investigator's request waits for another liaison officer's approval
    (`awaiting_approval`). Refused without an agreement in force covering the scope and the
    cases' commodity groups (409 `no_agreement`). Audited (`exchange.send_request`) with the
    cases.

    Args:
        idempotency_key (str | Unset):
        body (SendRequest): Validated cases to send to a partner. A liaison officer's package is
            signed and queued at
            once; an investigator's waits for a liaison officer's approval (four eyes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxDto | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SendRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[OutboxDto | Problem]:
    """Sends validated cases to a partner. A liaison officer's package is built, signed and
    queued at once (`pending`; delivered with retries, the partner's signed acknowledgement
    kept); an investigator's request waits for another liaison officer's approval
    (`awaiting_approval`). Refused without an agreement in force covering the scope and the
    cases' commodity groups (409 `no_agreement`). Audited (`exchange.send_request`) with the
    cases.

    Args:
        idempotency_key (str | Unset):
        body (SendRequest): Validated cases to send to a partner. A liaison officer's package is
            signed and queued at
            once; an investigator's waits for a liaison officer's approval (four eyes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SendRequest,
    idempotency_key: str | Unset = UNSET,
) -> OutboxDto | Problem | None:
    """Sends validated cases to a partner. A liaison officer's package is built, signed and
    queued at once (`pending`; delivered with retries, the partner's signed acknowledgement
    kept); an investigator's request waits for another liaison officer's approval
    (`awaiting_approval`). Refused without an agreement in force covering the scope and the
    cases' commodity groups (409 `no_agreement`). Audited (`exchange.send_request`) with the
    cases.

    Args:
        idempotency_key (str | Unset):
        body (SendRequest): Validated cases to send to a partner. A liaison officer's package is
            signed and queued at
            once; an investigator's waits for a liaison officer's approval (four eyes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxDto | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
