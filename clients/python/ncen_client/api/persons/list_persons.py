from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.person_page import PersonPage
from ...models.problem import Problem
from ...models.register_sort import RegisterSort
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    document: str | Unset = UNSET,
    nationality: str | Unset = UNSET,
    country: str | Unset = UNSET,
    born: str | Unset = UNSET,
    birth_year: int | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["document"] = document

    params["nationality"] = nationality

    params["country"] = country

    params["born"] = born

    params["birth_year"] = birth_year

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/persons",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PersonPage | Problem | None:
    if response.status_code == 200:
        response_200 = PersonPage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PersonPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    document: str | Unset = UNSET,
    nationality: str | Unset = UNSET,
    country: str | Unset = UNSET,
    born: str | Unset = UNSET,
    birth_year: int | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PersonPage | Problem]:
    """Persons by name (spelling-, accent-, order- and script-tolerant), document, phone or
    e-mail, nationality, country or date of birth; ordered by name or by last case.

    Args:
        q (str | Unset):
        document (str | Unset):
        nationality (str | Unset):
        country (str | Unset):
        born (str | Unset):
        birth_year (int | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        document=document,
        nationality=nationality,
        country=country,
        born=born,
        birth_year=birth_year,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    document: str | Unset = UNSET,
    nationality: str | Unset = UNSET,
    country: str | Unset = UNSET,
    born: str | Unset = UNSET,
    birth_year: int | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PersonPage | Problem | None:
    """Persons by name (spelling-, accent-, order- and script-tolerant), document, phone or
    e-mail, nationality, country or date of birth; ordered by name or by last case.

    Args:
        q (str | Unset):
        document (str | Unset):
        nationality (str | Unset):
        country (str | Unset):
        born (str | Unset):
        birth_year (int | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        document=document,
        nationality=nationality,
        country=country,
        born=born,
        birth_year=birth_year,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    document: str | Unset = UNSET,
    nationality: str | Unset = UNSET,
    country: str | Unset = UNSET,
    born: str | Unset = UNSET,
    birth_year: int | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PersonPage | Problem]:
    """Persons by name (spelling-, accent-, order- and script-tolerant), document, phone or
    e-mail, nationality, country or date of birth; ordered by name or by last case.

    Args:
        q (str | Unset):
        document (str | Unset):
        nationality (str | Unset):
        country (str | Unset):
        born (str | Unset):
        birth_year (int | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        document=document,
        nationality=nationality,
        country=country,
        born=born,
        birth_year=birth_year,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    document: str | Unset = UNSET,
    nationality: str | Unset = UNSET,
    country: str | Unset = UNSET,
    born: str | Unset = UNSET,
    birth_year: int | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PersonPage | Problem | None:
    """Persons by name (spelling-, accent-, order- and script-tolerant), document, phone or
    e-mail, nationality, country or date of birth; ordered by name or by last case.

    Args:
        q (str | Unset):
        document (str | Unset):
        nationality (str | Unset):
        country (str | Unset):
        born (str | Unset):
        birth_year (int | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            document=document,
            nationality=nationality,
            country=country,
            born=born,
            birth_year=birth_year,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
