from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_dto import CaseDto
from ...models.problem import Problem
from ...models.reopen_input import ReopenInput
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: ReopenInput,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/seizures/{id}/reopen".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CaseDto | Problem | None:
    if response.status_code == 200:
        response_200 = CaseDto.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CaseDto | Problem]:
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
    body: ReopenInput,
    if_match: str,
) -> Response[CaseDto | Problem]:
    """Reopens a validated case to draft so it can be changed (a supervisor of the reporting
    unit), with a reason: kept in the history, shown at the top of the case, and sent to its
    officers as a `case_reopened` notification. A submitted case is sent back with `/return`.
    Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (ReopenInput): A reason for sending a case back or reopening it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReopenInput,
    if_match: str,
) -> CaseDto | Problem | None:
    """Reopens a validated case to draft so it can be changed (a supervisor of the reporting
    unit), with a reason: kept in the history, shown at the top of the case, and sent to its
    officers as a `case_reopened` notification. A submitted case is sent back with `/return`.
    Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (ReopenInput): A reason for sending a case back or reopening it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseDto | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReopenInput,
    if_match: str,
) -> Response[CaseDto | Problem]:
    """Reopens a validated case to draft so it can be changed (a supervisor of the reporting
    unit), with a reason: kept in the history, shown at the top of the case, and sent to its
    officers as a `case_reopened` notification. A submitted case is sent back with `/return`.
    Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (ReopenInput): A reason for sending a case back or reopening it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReopenInput,
    if_match: str,
) -> CaseDto | Problem | None:
    """Reopens a validated case to draft so it can be changed (a supervisor of the reporting
    unit), with a reason: kept in the history, shown at the top of the case, and sent to its
    officers as a `case_reopened` notification. A submitted case is sent back with `/return`.
    Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (ReopenInput): A reason for sending a case back or reopening it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
