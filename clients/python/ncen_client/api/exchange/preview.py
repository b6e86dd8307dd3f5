from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.preview import Preview
from ...models.preview_request import PreviewRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: PreviewRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/exchange/preview",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Preview | Problem | None:
    if response.status_code == 200:
        response_200 = Preview.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Preview | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PreviewRequest,
) -> Response[Preview | Problem]:
    """Exactly what would leave for a partner: each validated case through the allow-list of the
    scope, the agreement it would rest on, and every classified field with whether it leaves.
    Refused without an agreement in force that covers the scope and the cases' commodity
    groups (409 `no_agreement`). Audited like a read of the cases (`exchange.preview`).

    Args:
        body (PreviewRequest): What would leave for a partner: the agreement that covers it and
            each case as it would be
            sent, built from the allow-list of the scope.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Preview | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PreviewRequest,
) -> Preview | Problem | None:
    """Exactly what would leave for a partner: each validated case through the allow-list of the
    scope, the agreement it would rest on, and every classified field with whether it leaves.
    Refused without an agreement in force that covers the scope and the cases' commodity
    groups (409 `no_agreement`). Audited like a read of the cases (`exchange.preview`).

    Args:
        body (PreviewRequest): What would leave for a partner: the agreement that covers it and
            each case as it would be
            sent, built from the allow-list of the scope.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Preview | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PreviewRequest,
) -> Response[Preview | Problem]:
    """Exactly what would leave for a partner: each validated case through the allow-list of the
    scope, the agreement it would rest on, and every classified field with whether it leaves.
    Refused without an agreement in force that covers the scope and the cases' commodity
    groups (409 `no_agreement`). Audited like a read of the cases (`exchange.preview`).

    Args:
        body (PreviewRequest): What would leave for a partner: the agreement that covers it and
            each case as it would be
            sent, built from the allow-list of the scope.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Preview | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PreviewRequest,
) -> Preview | Problem | None:
    """Exactly what would leave for a partner: each validated case through the allow-list of the
    scope, the agreement it would rest on, and every classified field with whether it leaves.
    Refused without an agreement in force that covers the scope and the cases' commodity
    groups (409 `no_agreement`). Audited like a read of the cases (`exchange.preview`).

    Args:
        body (PreviewRequest): What would leave for a partner: the agreement that covers it and
            each case as it would be
            sent, built from the allow-list of the scope.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Preview | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
