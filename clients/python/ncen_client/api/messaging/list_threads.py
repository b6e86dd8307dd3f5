from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.thread_kind import ThreadKind
from ...models.thread_page import ThreadPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unread: bool | Unset = UNSET,
    kind: ThreadKind | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    participant: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unread"] = unread

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_case_id: str | Unset = UNSET
    if not isinstance(case_id, Unset):
        json_case_id = str(case_id)
    params["case_id"] = json_case_id

    json_participant: str | Unset = UNSET
    if not isinstance(participant, Unset):
        json_participant = str(participant)
    params["participant"] = json_participant

    params["overdue"] = overdue

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/threads",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ThreadPage | None:
    if response.status_code == 200:
        response_200 = ThreadPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | ThreadPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = UNSET,
    kind: ThreadKind | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    participant: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ThreadPage]:
    """The caller's threads (as a participant, or through a participant unit), most recent
    message first, with unread counts and the caller's unread total.

    Args:
        unread (bool | Unset):
        kind (ThreadKind | Unset): The kind of a thread: a discussion, one of the CENcomm
            templates, or a request for
            information of an investigation (due by `feedback_due`, answered once; started from
            the investigation, `POST /investigations/{id}/threads`).
        case_id (UUID | Unset):
        participant (UUID | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThreadPage]
    """

    kwargs = _get_kwargs(
        unread=unread,
        kind=kind,
        case_id=case_id,
        participant=participant,
        overdue=overdue,
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
    unread: bool | Unset = UNSET,
    kind: ThreadKind | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    participant: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Problem | ThreadPage | None:
    """The caller's threads (as a participant, or through a participant unit), most recent
    message first, with unread counts and the caller's unread total.

    Args:
        unread (bool | Unset):
        kind (ThreadKind | Unset): The kind of a thread: a discussion, one of the CENcomm
            templates, or a request for
            information of an investigation (due by `feedback_due`, answered once; started from
            the investigation, `POST /investigations/{id}/threads`).
        case_id (UUID | Unset):
        participant (UUID | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThreadPage
    """

    return sync_detailed(
        client=client,
        unread=unread,
        kind=kind,
        case_id=case_id,
        participant=participant,
        overdue=overdue,
        q=q,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = UNSET,
    kind: ThreadKind | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    participant: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ThreadPage]:
    """The caller's threads (as a participant, or through a participant unit), most recent
    message first, with unread counts and the caller's unread total.

    Args:
        unread (bool | Unset):
        kind (ThreadKind | Unset): The kind of a thread: a discussion, one of the CENcomm
            templates, or a request for
            information of an investigation (due by `feedback_due`, answered once; started from
            the investigation, `POST /investigations/{id}/threads`).
        case_id (UUID | Unset):
        participant (UUID | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ThreadPage]
    """

    kwargs = _get_kwargs(
        unread=unread,
        kind=kind,
        case_id=case_id,
        participant=participant,
        overdue=overdue,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    unread: bool | Unset = UNSET,
    kind: ThreadKind | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    participant: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Problem | ThreadPage | None:
    """The caller's threads (as a participant, or through a participant unit), most recent
    message first, with unread counts and the caller's unread total.

    Args:
        unread (bool | Unset):
        kind (ThreadKind | Unset): The kind of a thread: a discussion, one of the CENcomm
            templates, or a request for
            information of an investigation (due by `feedback_due`, answered once; started from
            the investigation, `POST /investigations/{id}/threads`).
        case_id (UUID | Unset):
        participant (UUID | Unset):
        overdue (bool | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ThreadPage
    """

    return (
        await asyncio_detailed(
            client=client,
            unread=unread,
            kind=kind,
            case_id=case_id,
            participant=participant,
            overdue=overdue,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
