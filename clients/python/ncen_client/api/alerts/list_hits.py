from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hit_list import HitList
from ...models.hit_status import HitStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: HitStatus | Unset = UNSET,
    alert_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_alert_id: str | Unset = UNSET
    if not isinstance(alert_id, Unset):
        json_alert_id = str(alert_id)
    params["alert_id"] = json_alert_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/alert-hits",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HitList | Problem | None:
    if response.status_code == 200:
        response_200 = HitList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[HitList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: HitStatus | Unset = UNSET,
    alert_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[HitList | Problem]:
    """The hits of the caller's unit's alerts, newest first: `new` (awaiting review) unless
    `status` says otherwise (audited as `alert_hit.list`).

    Args:
        status (HitStatus | Unset): `new` (awaiting review by the alert's unit), `confirmed` (it
            is the subject: the cases
            that brought it are linked to the alert), `dismissed` (it is not; the same data will
            not hit this alert again).
        alert_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HitList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        alert_id=alert_id,
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
    status: HitStatus | Unset = UNSET,
    alert_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> HitList | Problem | None:
    """The hits of the caller's unit's alerts, newest first: `new` (awaiting review) unless
    `status` says otherwise (audited as `alert_hit.list`).

    Args:
        status (HitStatus | Unset): `new` (awaiting review by the alert's unit), `confirmed` (it
            is the subject: the cases
            that brought it are linked to the alert), `dismissed` (it is not; the same data will
            not hit this alert again).
        alert_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HitList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        alert_id=alert_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: HitStatus | Unset = UNSET,
    alert_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[HitList | Problem]:
    """The hits of the caller's unit's alerts, newest first: `new` (awaiting review) unless
    `status` says otherwise (audited as `alert_hit.list`).

    Args:
        status (HitStatus | Unset): `new` (awaiting review by the alert's unit), `confirmed` (it
            is the subject: the cases
            that brought it are linked to the alert), `dismissed` (it is not; the same data will
            not hit this alert again).
        alert_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HitList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        alert_id=alert_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: HitStatus | Unset = UNSET,
    alert_id: UUID | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> HitList | Problem | None:
    """The hits of the caller's unit's alerts, newest first: `new` (awaiting review) unless
    `status` says otherwise (audited as `alert_hit.list`).

    Args:
        status (HitStatus | Unset): `new` (awaiting review by the alert's unit), `confirmed` (it
            is the subject: the cases
            that brought it are linked to the alert), `dismissed` (it is not; the same data will
            not hit this alert again).
        alert_id (UUID | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HitList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            alert_id=alert_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
