from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_page import WorkPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    scope: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["scope"] = scope

    params["overdue"] = overdue

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/investigation-tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WorkPage | None:
    if response.status_code == 200:
        response_200 = WorkPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WorkPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    scope: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Problem | WorkPage]:
    """Open tasks across investigations, soonest due first: the caller's (`scope=mine`, the
    default: assigned to them, on investigations they still work on) or those of every
    investigation their unit supervises (`scope=unit`, supervisors); `overdue=true` for the
    tasks past their due date only.

    Args:
        scope (str | Unset):
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkPage]
    """

    kwargs = _get_kwargs(
        scope=scope,
        overdue=overdue,
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
    scope: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Problem | WorkPage | None:
    """Open tasks across investigations, soonest due first: the caller's (`scope=mine`, the
    default: assigned to them, on investigations they still work on) or those of every
    investigation their unit supervises (`scope=unit`, supervisors); `overdue=true` for the
    tasks past their due date only.

    Args:
        scope (str | Unset):
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkPage
    """

    return sync_detailed(
        client=client,
        scope=scope,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    scope: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Problem | WorkPage]:
    """Open tasks across investigations, soonest due first: the caller's (`scope=mine`, the
    default: assigned to them, on investigations they still work on) or those of every
    investigation their unit supervises (`scope=unit`, supervisors); `overdue=true` for the
    tasks past their due date only.

    Args:
        scope (str | Unset):
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WorkPage]
    """

    kwargs = _get_kwargs(
        scope=scope,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    scope: str | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Problem | WorkPage | None:
    """Open tasks across investigations, soonest due first: the caller's (`scope=mine`, the
    default: assigned to them, on investigations they still work on) or those of every
    investigation their unit supervises (`scope=unit`, supervisors); `overdue=true` for the
    tasks past their due date only.

    Args:
        scope (str | Unset):
        overdue (bool | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WorkPage
    """

    return (
        await asyncio_detailed(
            client=client,
            scope=scope,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
