from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.link_dto import LinkDto
from ...models.link_input import LinkInput
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    body: LinkInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/investigations/{id}/links".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LinkDto | Problem | None:
    if response.status_code == 201:
        response_201 = LinkDto.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LinkDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: LinkInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[LinkDto | Problem]:
    """Links a seizure case, person, company, conveyance, alert, hit or other investigation that
    the caller may see (any team member). A target the caller may not see is `not_found`.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (LinkInput): A link to make. Roles by kind: case `origin`, `evidence`, `related`;
            person `suspect`,
            `accomplice`, `witness`, `victim`, `contact`, `other`; company `suspect`, `front`,
            `intermediary`, `victim`, `other`; conveyance `used`, `other`; alert and alert hit
            `origin`, `related`; investigation `related`, `merged_into`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: LinkInput,
    idempotency_key: str | Unset = UNSET,
) -> LinkDto | Problem | None:
    """Links a seizure case, person, company, conveyance, alert, hit or other investigation that
    the caller may see (any team member). A target the caller may not see is `not_found`.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (LinkInput): A link to make. Roles by kind: case `origin`, `evidence`, `related`;
            person `suspect`,
            `accomplice`, `witness`, `victim`, `contact`, `other`; company `suspect`, `front`,
            `intermediary`, `victim`, `other`; conveyance `used`, `other`; alert and alert hit
            `origin`, `related`; investigation `related`, `merged_into`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkDto | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: LinkInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[LinkDto | Problem]:
    """Links a seizure case, person, company, conveyance, alert, hit or other investigation that
    the caller may see (any team member). A target the caller may not see is `not_found`.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (LinkInput): A link to make. Roles by kind: case `origin`, `evidence`, `related`;
            person `suspect`,
            `accomplice`, `witness`, `victim`, `contact`, `other`; company `suspect`, `front`,
            `intermediary`, `victim`, `other`; conveyance `used`, `other`; alert and alert hit
            `origin`, `related`; investigation `related`, `merged_into`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: LinkInput,
    idempotency_key: str | Unset = UNSET,
) -> LinkDto | Problem | None:
    """Links a seizure case, person, company, conveyance, alert, hit or other investigation that
    the caller may see (any team member). A target the caller may not see is `not_found`.

    Args:
        id (UUID):
        idempotency_key (str | Unset):
        body (LinkInput): A link to make. Roles by kind: case `origin`, `evidence`, `related`;
            person `suspect`,
            `accomplice`, `witness`, `victim`, `contact`, `other`; company `suspect`, `front`,
            `intermediary`, `victim`, `other`; conveyance `used`, `other`; alert and alert hit
            `origin`, `related`; investigation `related`, `merged_into`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
