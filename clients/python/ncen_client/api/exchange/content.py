from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cen_format import CenFormat
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    format_: CenFormat,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exchange/cen-exports/{id}/content/{format_}".format(
            id=quote(str(id), safe=""),
            format_=quote(str(format_), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.json())
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    format_: CenFormat,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """A batch's content: `json` (`{"format", "batch", "records": [...]}`, the records whose
    JSON Lines the batch's `content_sha256` hashes) or `csv` (UTF-8 with a byte-order mark,
    one row per commodity). Audited (`cen.download`).

    Args:
        id (UUID):
        format_ (CenFormat): How a CEN batch is downloaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    format_: CenFormat,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """A batch's content: `json` (`{"format", "batch", "records": [...]}`, the records whose
    JSON Lines the batch's `content_sha256` hashes) or `csv` (UTF-8 with a byte-order mark,
    one row per commodity). Audited (`cen.download`).

    Args:
        id (UUID):
        format_ (CenFormat): How a CEN batch is downloaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        id=id,
        format_=format_,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    format_: CenFormat,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """A batch's content: `json` (`{"format", "batch", "records": [...]}`, the records whose
    JSON Lines the batch's `content_sha256` hashes) or `csv` (UTF-8 with a byte-order mark,
    one row per commodity). Audited (`cen.download`).

    Args:
        id (UUID):
        format_ (CenFormat): How a CEN batch is downloaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    format_: CenFormat,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """A batch's content: `json` (`{"format", "batch", "records": [...]}`, the records whose
    JSON Lines the batch's `content_sha256` hashes) or `csv` (UTF-8 with a byte-order mark,
    one row per commodity). Audited (`cen.download`).

    Args:
        id (UUID):
        format_ (CenFormat): How a CEN batch is downloaded.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            id=id,
            format_=format_,
            client=client,
        )
    ).parsed
