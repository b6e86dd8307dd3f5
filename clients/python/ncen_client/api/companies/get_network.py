import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.network import Network
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    depth: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    at: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["depth"] = depth

    params["limit"] = limit

    json_at: str | Unset = UNSET
    if not isinstance(at, Unset):
        json_at = at.isoformat()
    params["at"] = json_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/companies/{id}/network".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Network | Problem | None:
    if response.status_code == 200:
        response_200 = Network.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Network | Problem]:
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
    depth: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    at: datetime.date | Unset = UNSET,
) -> Response[Network | Problem]:
    """The network around the company, `depth` hops (1–3, default 2): companies, persons,
    addresses, contact points and identifiers shared with another company as nodes; people's
    roles, relations and shared keys as edges, each with its kind and period. Bounded: at most
    50 neighbours per node (the rest counted in `truncated`, paged with `/network/neighbours`)
    and `limit` nodes (`capped`). `at`: only the people and relations of that date. Audited
    (`company.network_read`, with every company and person shown).

    Args:
        id (UUID):
        depth (int | Unset):
        limit (int | Unset):
        at (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Network | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        depth=depth,
        limit=limit,
        at=at,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    at: datetime.date | Unset = UNSET,
) -> Network | Problem | None:
    """The network around the company, `depth` hops (1–3, default 2): companies, persons,
    addresses, contact points and identifiers shared with another company as nodes; people's
    roles, relations and shared keys as edges, each with its kind and period. Bounded: at most
    50 neighbours per node (the rest counted in `truncated`, paged with `/network/neighbours`)
    and `limit` nodes (`capped`). `at`: only the people and relations of that date. Audited
    (`company.network_read`, with every company and person shown).

    Args:
        id (UUID):
        depth (int | Unset):
        limit (int | Unset):
        at (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Network | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        depth=depth,
        limit=limit,
        at=at,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    at: datetime.date | Unset = UNSET,
) -> Response[Network | Problem]:
    """The network around the company, `depth` hops (1–3, default 2): companies, persons,
    addresses, contact points and identifiers shared with another company as nodes; people's
    roles, relations and shared keys as edges, each with its kind and period. Bounded: at most
    50 neighbours per node (the rest counted in `truncated`, paged with `/network/neighbours`)
    and `limit` nodes (`capped`). `at`: only the people and relations of that date. Audited
    (`company.network_read`, with every company and person shown).

    Args:
        id (UUID):
        depth (int | Unset):
        limit (int | Unset):
        at (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Network | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        depth=depth,
        limit=limit,
        at=at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    at: datetime.date | Unset = UNSET,
) -> Network | Problem | None:
    """The network around the company, `depth` hops (1–3, default 2): companies, persons,
    addresses, contact points and identifiers shared with another company as nodes; people's
    roles, relations and shared keys as edges, each with its kind and period. Bounded: at most
    50 neighbours per node (the rest counted in `truncated`, paged with `/network/neighbours`)
    and `limit` nodes (`capped`). `at`: only the people and relations of that date. Audited
    (`company.network_read`, with every company and person shown).

    Args:
        id (UUID):
        depth (int | Unset):
        limit (int | Unset):
        at (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Network | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            depth=depth,
            limit=limit,
            at=at,
        )
    ).parsed
