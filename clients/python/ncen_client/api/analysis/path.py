import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.link_path import LinkPath
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    source: str,
    target: str,
    max_hops: int | Unset = UNSET,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["source"] = source

    params["target"] = target

    params["max_hops"] = max_hops

    params["kinds"] = kinds

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analysis/path",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LinkPath | Problem | None:
    if response.status_code == 200:
        response_200 = LinkPath.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LinkPath | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    source: str,
    target: str,
    max_hops: int | Unset = UNSET,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[LinkPath | Problem]:
    """The shortest chain of links between two nodes of the link graph, of at most `max_hops`
    links (default 4), through the kinds of nodes in `kinds` and the cases of `from`–`to`.
    Searched from both ends at once; a node with more than 1 000 links (a hub) is followed
    through its first 1 000 only, and `complete` is then false. Audited
    (`analysis.path_read`, with the chain's records).

    Args:
        source (str):
        target (str):
        max_hops (int | Unset):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkPath | Problem]
    """

    kwargs = _get_kwargs(
        source=source,
        target=target,
        max_hops=max_hops,
        kinds=kinds,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    source: str,
    target: str,
    max_hops: int | Unset = UNSET,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> LinkPath | Problem | None:
    """The shortest chain of links between two nodes of the link graph, of at most `max_hops`
    links (default 4), through the kinds of nodes in `kinds` and the cases of `from`–`to`.
    Searched from both ends at once; a node with more than 1 000 links (a hub) is followed
    through its first 1 000 only, and `complete` is then false. Audited
    (`analysis.path_read`, with the chain's records).

    Args:
        source (str):
        target (str):
        max_hops (int | Unset):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkPath | Problem
    """

    return sync_detailed(
        client=client,
        source=source,
        target=target,
        max_hops=max_hops,
        kinds=kinds,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    source: str,
    target: str,
    max_hops: int | Unset = UNSET,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[LinkPath | Problem]:
    """The shortest chain of links between two nodes of the link graph, of at most `max_hops`
    links (default 4), through the kinds of nodes in `kinds` and the cases of `from`–`to`.
    Searched from both ends at once; a node with more than 1 000 links (a hub) is followed
    through its first 1 000 only, and `complete` is then false. Audited
    (`analysis.path_read`, with the chain's records).

    Args:
        source (str):
        target (str):
        max_hops (int | Unset):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkPath | Problem]
    """

    kwargs = _get_kwargs(
        source=source,
        target=target,
        max_hops=max_hops,
        kinds=kinds,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    source: str,
    target: str,
    max_hops: int | Unset = UNSET,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> LinkPath | Problem | None:
    """The shortest chain of links between two nodes of the link graph, of at most `max_hops`
    links (default 4), through the kinds of nodes in `kinds` and the cases of `from`–`to`.
    Searched from both ends at once; a node with more than 1 000 links (a hub) is followed
    through its first 1 000 only, and `complete` is then false. Audited
    (`analysis.path_read`, with the chain's records).

    Args:
        source (str):
        target (str):
        max_hops (int | Unset):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkPath | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            source=source,
            target=target,
            max_hops=max_hops,
            kinds=kinds,
            from_=from_,
            to=to,
        )
    ).parsed
