from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duplicate_page import DuplicatePage
from ...models.merge_kind import MergeKind
from ...models.pair_status import PairStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: MergeKind | Unset = UNSET,
    status: PairStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/duplicates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DuplicatePage | Problem | None:
    if response.status_code == 200:
        response_200 = DuplicatePage.from_dict(response.json())

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
) -> Response[DuplicatePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: MergeKind | Unset = UNSET,
    status: PairStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[DuplicatePage | Problem]:
    """The queue of likely duplicates in the registers, best score first: pairs the matching
    engine found when a record was created or changed, each with its score and explanation.
    Open pairs unless `status` says otherwise (an open pair one of whose records has since
    been merged is left out). Supervisors. Audited (`duplicate.list`, with the records shown).

    Args:
        kind (MergeKind | Unset): The register a merge or a pair belongs to.
        status (PairStatus | Unset): `open` (to review), `merged`, `distinct` (reviewed: not the
            same).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicatePage | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
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
    kind: MergeKind | Unset = UNSET,
    status: PairStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> DuplicatePage | Problem | None:
    """The queue of likely duplicates in the registers, best score first: pairs the matching
    engine found when a record was created or changed, each with its score and explanation.
    Open pairs unless `status` says otherwise (an open pair one of whose records has since
    been merged is left out). Supervisors. Audited (`duplicate.list`, with the records shown).

    Args:
        kind (MergeKind | Unset): The register a merge or a pair belongs to.
        status (PairStatus | Unset): `open` (to review), `merged`, `distinct` (reviewed: not the
            same).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicatePage | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: MergeKind | Unset = UNSET,
    status: PairStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[DuplicatePage | Problem]:
    """The queue of likely duplicates in the registers, best score first: pairs the matching
    engine found when a record was created or changed, each with its score and explanation.
    Open pairs unless `status` says otherwise (an open pair one of whose records has since
    been merged is left out). Supervisors. Audited (`duplicate.list`, with the records shown).

    Args:
        kind (MergeKind | Unset): The register a merge or a pair belongs to.
        status (PairStatus | Unset): `open` (to review), `merged`, `distinct` (reviewed: not the
            same).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicatePage | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: MergeKind | Unset = UNSET,
    status: PairStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> DuplicatePage | Problem | None:
    """The queue of likely duplicates in the registers, best score first: pairs the matching
    engine found when a record was created or changed, each with its score and explanation.
    Open pairs unless `status` says otherwise (an open pair one of whose records has since
    been merged is left out). Supervisors. Audited (`duplicate.list`, with the records shown).

    Args:
        kind (MergeKind | Unset): The register a merge or a pair belongs to.
        status (PairStatus | Unset): `open` (to review), `merged`, `distinct` (reviewed: not the
            same).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicatePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
