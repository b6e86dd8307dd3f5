from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    last_event_id: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    last_event_id: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """The signed-in user's live events, as Server-Sent Events (`text/event-stream`). Each event
    has an `id` (increasing, per user, without gaps), an `event` name and JSON `data`:

     - `message` (`MessageEvent`): a new message in one of the user's threads;
    - `read` (`ReadEvent`): a participant read a thread (read receipts);
    - `notification` (`NotificationEvent`): a new notification, `ping` when the user wants
      this kind live;
    - `notifications_read` (`NotificationsReadEvent`);
    - `reset`: the events since `Last-Event-ID` are no longer kept; refetch what is shown.

    Reconnect with `Last-Event-ID` and every event since is replayed in order, whichever
    instance the client reaches. A comment line every 20 s keeps proxies from closing the
    connection; the stream ends when the access token expires or the session ends (reconnect
    with a fresh token).

    Args:
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    last_event_id: None | str | Unset = UNSET,
) -> Problem | str | None:
    """The signed-in user's live events, as Server-Sent Events (`text/event-stream`). Each event
    has an `id` (increasing, per user, without gaps), an `event` name and JSON `data`:

     - `message` (`MessageEvent`): a new message in one of the user's threads;
    - `read` (`ReadEvent`): a participant read a thread (read receipts);
    - `notification` (`NotificationEvent`): a new notification, `ping` when the user wants
      this kind live;
    - `notifications_read` (`NotificationsReadEvent`);
    - `reset`: the events since `Last-Event-ID` are no longer kept; refetch what is shown.

    Reconnect with `Last-Event-ID` and every event since is replayed in order, whichever
    instance the client reaches. A comment line every 20 s keeps proxies from closing the
    connection; the stream ends when the access token expires or the session ends (reconnect
    with a fresh token).

    Args:
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    last_event_id: None | str | Unset = UNSET,
) -> Response[Problem | str]:
    """The signed-in user's live events, as Server-Sent Events (`text/event-stream`). Each event
    has an `id` (increasing, per user, without gaps), an `event` name and JSON `data`:

     - `message` (`MessageEvent`): a new message in one of the user's threads;
    - `read` (`ReadEvent`): a participant read a thread (read receipts);
    - `notification` (`NotificationEvent`): a new notification, `ping` when the user wants
      this kind live;
    - `notifications_read` (`NotificationsReadEvent`);
    - `reset`: the events since `Last-Event-ID` are no longer kept; refetch what is shown.

    Reconnect with `Last-Event-ID` and every event since is replayed in order, whichever
    instance the client reaches. A comment line every 20 s keeps proxies from closing the
    connection; the stream ends when the access token expires or the session ends (reconnect
    with a fresh token).

    Args:
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    last_event_id: None | str | Unset = UNSET,
) -> Problem | str | None:
    """The signed-in user's live events, as Server-Sent Events (`text/event-stream`). Each event
    has an `id` (increasing, per user, without gaps), an `event` name and JSON `data`:

     - `message` (`MessageEvent`): a new message in one of the user's threads;
    - `read` (`ReadEvent`): a participant read a thread (read receipts);
    - `notification` (`NotificationEvent`): a new notification, `ping` when the user wants
      this kind live;
    - `notifications_read` (`NotificationsReadEvent`);
    - `reset`: the events since `Last-Event-ID` are no longer kept; refetch what is shown.

    Reconnect with `Last-Event-ID` and every event since is replayed in order, whichever
    instance the client reaches. A comment line every 20 s keeps proxies from closing the
    connection; the stream ends when the access token expires or the session ends (reconnect
    with a fresh token).

    Args:
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            last_event_id=last_event_id,
        )
    ).parsed
