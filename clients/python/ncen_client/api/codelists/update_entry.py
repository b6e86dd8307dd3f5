from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.code_entry import CodeEntry
from ...models.problem import Problem
from ...models.update_entry import UpdateEntry
from ...types import UNSET, Response


def _get_kwargs(
    name: str,
    code: str,
    *,
    body: UpdateEntry | UpdateEntry | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/codelists/{name}/entries/{code}".format(
            name=quote(str(name), safe=""),
            code=quote(str(code), safe=""),
        ),
    }

    if isinstance(body, UpdateEntry):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, UpdateEntry):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CodeEntry | Problem | None:
    if response.status_code == 200:
        response_200 = CodeEntry.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CodeEntry | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    code: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEntry | UpdateEntry | Unset = UNSET,
) -> Response[CodeEntry | Problem]:
    """Changes an entry's labels or order, retires or reinstates it: a JSON merge patch of
    `UpdateEntry` (send only what changes; within `labels`, `null` removes a language).

    Args:
        name (str):
        code (str):
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CodeEntry | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        code=code,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    code: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEntry | UpdateEntry | Unset = UNSET,
) -> CodeEntry | Problem | None:
    """Changes an entry's labels or order, retires or reinstates it: a JSON merge patch of
    `UpdateEntry` (send only what changes; within `labels`, `null` removes a language).

    Args:
        name (str):
        code (str):
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CodeEntry | Problem
    """

    return sync_detailed(
        name=name,
        code=code,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    name: str,
    code: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEntry | UpdateEntry | Unset = UNSET,
) -> Response[CodeEntry | Problem]:
    """Changes an entry's labels or order, retires or reinstates it: a JSON merge patch of
    `UpdateEntry` (send only what changes; within `labels`, `null` removes a language).

    Args:
        name (str):
        code (str):
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CodeEntry | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        code=code,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    code: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEntry | UpdateEntry | Unset = UNSET,
) -> CodeEntry | Problem | None:
    """Changes an entry's labels or order, retires or reinstates it: a JSON merge patch of
    `UpdateEntry` (send only what changes; within `labels`, `null` removes a language).

    Args:
        name (str):
        code (str):
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.
        body (UpdateEntry): An entry's editable fields. `PATCH` takes a JSON merge patch of them
            (RFC 7396): only
            what changes; within `labels`, `null` removes a language.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CodeEntry | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            code=code,
            client=client,
            body=body,
        )
    ).parsed
