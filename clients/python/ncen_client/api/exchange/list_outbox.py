from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outbox_list import OutboxList
from ...models.package_status import PackageStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: PackageStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exchange/outbox",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxList | Problem | None:
    if response.status_code == 200:
        response_200 = OutboxList.from_dict(response.json())

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
) -> Response[OutboxList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: PackageStatus | Unset = UNSET,
) -> Response[OutboxList | Problem]:
    """Packages for partners, newest first, with their delivery status: every package for a
    liaison officer, one's own requests for anyone else.

    Args:
        status (PackageStatus | Unset): Where a package for a partner stands: `awaiting_approval`
            (asked for by an
            investigator; a liaison officer must approve it), `pending` (signed, waiting for an
            attempt), `sent` (an attempt under way), `acknowledged` (the partner's signed
            acknowledgement is kept), `rejected` (refused by the partner, reason kept), `failed`
            (every attempt failed), `declined` (the request was declined).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: PackageStatus | Unset = UNSET,
) -> OutboxList | Problem | None:
    """Packages for partners, newest first, with their delivery status: every package for a
    liaison officer, one's own requests for anyone else.

    Args:
        status (PackageStatus | Unset): Where a package for a partner stands: `awaiting_approval`
            (asked for by an
            investigator; a liaison officer must approve it), `pending` (signed, waiting for an
            attempt), `sent` (an attempt under way), `acknowledged` (the partner's signed
            acknowledgement is kept), `rejected` (refused by the partner, reason kept), `failed`
            (every attempt failed), `declined` (the request was declined).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: PackageStatus | Unset = UNSET,
) -> Response[OutboxList | Problem]:
    """Packages for partners, newest first, with their delivery status: every package for a
    liaison officer, one's own requests for anyone else.

    Args:
        status (PackageStatus | Unset): Where a package for a partner stands: `awaiting_approval`
            (asked for by an
            investigator; a liaison officer must approve it), `pending` (signed, waiting for an
            attempt), `sent` (an attempt under way), `acknowledged` (the partner's signed
            acknowledgement is kept), `rejected` (refused by the partner, reason kept), `failed`
            (every attempt failed), `declined` (the request was declined).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: PackageStatus | Unset = UNSET,
) -> OutboxList | Problem | None:
    """Packages for partners, newest first, with their delivery status: every package for a
    liaison officer, one's own requests for anyone else.

    Args:
        status (PackageStatus | Unset): Where a package for a partner stands: `awaiting_approval`
            (asked for by an
            investigator; a liaison officer must approve it), `pending` (signed, waiting for an
            attempt), `sent` (an attempt under way), `acknowledged` (the partner's signed
            acknowledgement is kept), `rejected` (refused by the partner, reason kept), `failed`
            (every attempt failed), `declined` (the request was declined).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
        )
    ).parsed
