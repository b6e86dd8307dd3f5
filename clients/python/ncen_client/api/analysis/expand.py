import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.link_graph import LinkGraph
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    node: str,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["node"] = node

    params["kinds"] = kinds

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/analysis/graph",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LinkGraph | Problem | None:
    if response.status_code == 200:
        response_200 = LinkGraph.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[LinkGraph | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    node: str,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[LinkGraph | Problem]:
    """A node of the link graph and a page of its neighbours: a case's persons, companies and
    conveyances; a person's, company's or conveyance's cases (latest first; within `from`–`to`
    when given); a company's people and related companies, a person's companies; the
    identifiers (document numbers, trade identifiers, bank accounts), phones, e-mails and
    addresses a person or company shares with another, and who shares them. `kinds` keeps
    some kinds of neighbours only. Another unit's drafts never appear. 404 for a record
    unknown (or not to be known) and for a key nothing shares. Audited
    (`analysis.graph_read`, with every case, person, company and conveyance shown).

    Args:
        node (str):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkGraph | Problem]
    """

    kwargs = _get_kwargs(
        node=node,
        kinds=kinds,
        from_=from_,
        to=to,
        offset=offset,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    node: str,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> LinkGraph | Problem | None:
    """A node of the link graph and a page of its neighbours: a case's persons, companies and
    conveyances; a person's, company's or conveyance's cases (latest first; within `from`–`to`
    when given); a company's people and related companies, a person's companies; the
    identifiers (document numbers, trade identifiers, bank accounts), phones, e-mails and
    addresses a person or company shares with another, and who shares them. `kinds` keeps
    some kinds of neighbours only. Another unit's drafts never appear. 404 for a record
    unknown (or not to be known) and for a key nothing shares. Audited
    (`analysis.graph_read`, with every case, person, company and conveyance shown).

    Args:
        node (str):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkGraph | Problem
    """

    return sync_detailed(
        client=client,
        node=node,
        kinds=kinds,
        from_=from_,
        to=to,
        offset=offset,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    node: str,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[LinkGraph | Problem]:
    """A node of the link graph and a page of its neighbours: a case's persons, companies and
    conveyances; a person's, company's or conveyance's cases (latest first; within `from`–`to`
    when given); a company's people and related companies, a person's companies; the
    identifiers (document numbers, trade identifiers, bank accounts), phones, e-mails and
    addresses a person or company shares with another, and who shares them. `kinds` keeps
    some kinds of neighbours only. Another unit's drafts never appear. 404 for a record
    unknown (or not to be known) and for a key nothing shares. Audited
    (`analysis.graph_read`, with every case, person, company and conveyance shown).

    Args:
        node (str):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LinkGraph | Problem]
    """

    kwargs = _get_kwargs(
        node=node,
        kinds=kinds,
        from_=from_,
        to=to,
        offset=offset,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    node: str,
    kinds: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    offset: int | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> LinkGraph | Problem | None:
    """A node of the link graph and a page of its neighbours: a case's persons, companies and
    conveyances; a person's, company's or conveyance's cases (latest first; within `from`–`to`
    when given); a company's people and related companies, a person's companies; the
    identifiers (document numbers, trade identifiers, bank accounts), phones, e-mails and
    addresses a person or company shares with another, and who shares them. `kinds` keeps
    some kinds of neighbours only. Another unit's drafts never appear. 404 for a record
    unknown (or not to be known) and for a key nothing shares. Audited
    (`analysis.graph_read`, with every case, person, company and conveyance shown).

    Args:
        node (str):
        kinds (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        offset (int | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LinkGraph | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            node=node,
            kinds=kinds,
            from_=from_,
            to=to,
            offset=offset,
            limit=limit,
        )
    ).parsed
