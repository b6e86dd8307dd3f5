from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_list import AlertList
from ...models.alert_status import AlertStatus
from ...models.problem import Problem
from ...models.subject_kind import SubjectKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: AlertStatus | Unset = UNSET,
    subject_kind: SubjectKind | Unset = UNSET,
    mine: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_subject_kind: str | Unset = UNSET
    if not isinstance(subject_kind, Unset):
        json_subject_kind = subject_kind.value

    params["subject_kind"] = json_subject_kind

    params["mine"] = mine

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/alerts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertList | Problem | None:
    if response.status_code == 200:
        response_200 = AlertList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlertList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: AlertStatus | Unset = UNSET,
    subject_kind: SubjectKind | Unset = UNSET,
    mine: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[AlertList | Problem]:
    """The alerts of the caller's unit, most recently changed first (audited as `alert.list`
    with the ids shown). Another unit's alerts are never listed.

    Args:
        status (AlertStatus | Unset): `draft` (being written; matches nothing) → `active` (a
            supervisor of the owning unit
            activated it; data entering nCEN is checked against it) → `expired` (past its
            `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
        subject_kind (SubjectKind | Unset): What the alert watches: a register record, or a bare
            identifier.
        mine (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        subject_kind=subject_kind,
        mine=mine,
        q=q,
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
    status: AlertStatus | Unset = UNSET,
    subject_kind: SubjectKind | Unset = UNSET,
    mine: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> AlertList | Problem | None:
    """The alerts of the caller's unit, most recently changed first (audited as `alert.list`
    with the ids shown). Another unit's alerts are never listed.

    Args:
        status (AlertStatus | Unset): `draft` (being written; matches nothing) → `active` (a
            supervisor of the owning unit
            activated it; data entering nCEN is checked against it) → `expired` (past its
            `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
        subject_kind (SubjectKind | Unset): What the alert watches: a register record, or a bare
            identifier.
        mine (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        subject_kind=subject_kind,
        mine=mine,
        q=q,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: AlertStatus | Unset = UNSET,
    subject_kind: SubjectKind | Unset = UNSET,
    mine: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[AlertList | Problem]:
    """The alerts of the caller's unit, most recently changed first (audited as `alert.list`
    with the ids shown). Another unit's alerts are never listed.

    Args:
        status (AlertStatus | Unset): `draft` (being written; matches nothing) → `active` (a
            supervisor of the owning unit
            activated it; data entering nCEN is checked against it) → `expired` (past its
            `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
        subject_kind (SubjectKind | Unset): What the alert watches: a register record, or a bare
            identifier.
        mine (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        subject_kind=subject_kind,
        mine=mine,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: AlertStatus | Unset = UNSET,
    subject_kind: SubjectKind | Unset = UNSET,
    mine: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> AlertList | Problem | None:
    """The alerts of the caller's unit, most recently changed first (audited as `alert.list`
    with the ids shown). Another unit's alerts are never listed.

    Args:
        status (AlertStatus | Unset): `draft` (being written; matches nothing) → `active` (a
            supervisor of the owning unit
            activated it; data entering nCEN is checked against it) → `expired` (past its
            `valid_until`; renewable) or `withdrawn` (ended by its unit, with a reason).
        subject_kind (SubjectKind | Unset): What the alert watches: a register record, or a bare
            identifier.
        mine (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            subject_kind=subject_kind,
            mine=mine,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
