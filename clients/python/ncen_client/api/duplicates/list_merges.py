from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.merge_list import MergeList
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    record_id: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_record_id = str(record_id)
    params["record_id"] = json_record_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/register-merges",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MergeList | Problem | None:
    if response.status_code == 200:
        response_200 = MergeList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MergeList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    record_id: UUID,
) -> Response[MergeList | Problem]:
    """The merges a person or company took part in, as survivor or as merged record, newest
    first (undone ones included). Audited (`register_merge.list`).

    Args:
        record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MergeList | Problem]
    """

    kwargs = _get_kwargs(
        record_id=record_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    record_id: UUID,
) -> MergeList | Problem | None:
    """The merges a person or company took part in, as survivor or as merged record, newest
    first (undone ones included). Audited (`register_merge.list`).

    Args:
        record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MergeList | Problem
    """

    return sync_detailed(
        client=client,
        record_id=record_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    record_id: UUID,
) -> Response[MergeList | Problem]:
    """The merges a person or company took part in, as survivor or as merged record, newest
    first (undone ones included). Audited (`register_merge.list`).

    Args:
        record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MergeList | Problem]
    """

    kwargs = _get_kwargs(
        record_id=record_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    record_id: UUID,
) -> MergeList | Problem | None:
    """The merges a person or company took part in, as survivor or as merged record, newest
    first (undone ones included). Audited (`register_merge.list`).

    Args:
        record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MergeList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            record_id=record_id,
        )
    ).parsed
