from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    format_: str | Unset = UNSET,
    lang: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["format"] = format_

    params["lang"] = lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/investigations/{id}/report".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
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
    format_: str | Unset = UNSET,
    lang: str | Unset = UNSET,
) -> Response[File | Problem]:
    """The case report for a prosecutor or a partner: summary, persons and companies with their
    identifiers, linked seizures with goods and photos, chronology, journal; every page names
    the classification and who printed it when. `format=pdf` (default: a download, fonts
    embedded) or `format=html` (a page to print, nothing loaded from elsewhere); `lang=en|fr`.
    Whoever reads the investigation may print it (404 for anyone else); a linked case the
    caller may not read appears by its label only. Audited (`investigation.report`).

    Args:
        id (UUID):
        format_ (str | Unset):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
    lang: str | Unset = UNSET,
) -> File | Problem | None:
    """The case report for a prosecutor or a partner: summary, persons and companies with their
    identifiers, linked seizures with goods and photos, chronology, journal; every page names
    the classification and who printed it when. `format=pdf` (default: a download, fonts
    embedded) or `format=html` (a page to print, nothing loaded from elsewhere); `lang=en|fr`.
    Whoever reads the investigation may print it (404 for anyone else); a linked case the
    caller may not read appears by its label only. Audited (`investigation.report`).

    Args:
        id (UUID):
        format_ (str | Unset):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        format_=format_,
        lang=lang,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
    lang: str | Unset = UNSET,
) -> Response[File | Problem]:
    """The case report for a prosecutor or a partner: summary, persons and companies with their
    identifiers, linked seizures with goods and photos, chronology, journal; every page names
    the classification and who printed it when. `format=pdf` (default: a download, fonts
    embedded) or `format=html` (a page to print, nothing loaded from elsewhere); `lang=en|fr`.
    Whoever reads the investigation may print it (404 for anyone else); a linked case the
    caller may not read appears by its label only. Audited (`investigation.report`).

    Args:
        id (UUID):
        format_ (str | Unset):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    format_: str | Unset = UNSET,
    lang: str | Unset = UNSET,
) -> File | Problem | None:
    """The case report for a prosecutor or a partner: summary, persons and companies with their
    identifiers, linked seizures with goods and photos, chronology, journal; every page names
    the classification and who printed it when. `format=pdf` (default: a download, fonts
    embedded) or `format=html` (a page to print, nothing loaded from elsewhere); `lang=en|fr`.
    Whoever reads the investigation may print it (404 for anyone else); a linked case the
    caller may not read appears by its label only. Audited (`investigation.report`).

    Args:
        id (UUID):
        format_ (str | Unset):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            format_=format_,
            lang=lang,
        )
    ).parsed
