from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_notices import AlertNotices
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    case_id: UUID | Unset = UNSET,
    record_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_case_id: str | Unset = UNSET
    if not isinstance(case_id, Unset):
        json_case_id = str(case_id)
    params["case_id"] = json_case_id

    json_record_id: str | Unset = UNSET
    if not isinstance(record_id, Unset):
        json_record_id = str(record_id)
    params["record_id"] = json_record_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/alert-notices",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertNotices | Problem | None:
    if response.status_code == 200:
        response_200 = AlertNotices.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AlertNotices | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    case_id: UUID | Unset = UNSET,
    record_id: UUID | Unset = UNSET,
) -> Response[AlertNotices | Problem]:
    """What the caller may know of the alerts hit by a case's records (`case_id`, for whoever
    may read the case) or by one register record (`record_id`, for whoever may read the
    registers): the requested action, handling instructions and whom to contact — never the
    alert's reason (graded disclosure). Hits dismissed by the alert's unit are left out.

    Args:
        case_id (UUID | Unset):
        record_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertNotices | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        record_id=record_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    case_id: UUID | Unset = UNSET,
    record_id: UUID | Unset = UNSET,
) -> AlertNotices | Problem | None:
    """What the caller may know of the alerts hit by a case's records (`case_id`, for whoever
    may read the case) or by one register record (`record_id`, for whoever may read the
    registers): the requested action, handling instructions and whom to contact — never the
    alert's reason (graded disclosure). Hits dismissed by the alert's unit are left out.

    Args:
        case_id (UUID | Unset):
        record_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertNotices | Problem
    """

    return sync_detailed(
        client=client,
        case_id=case_id,
        record_id=record_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    case_id: UUID | Unset = UNSET,
    record_id: UUID | Unset = UNSET,
) -> Response[AlertNotices | Problem]:
    """What the caller may know of the alerts hit by a case's records (`case_id`, for whoever
    may read the case) or by one register record (`record_id`, for whoever may read the
    registers): the requested action, handling instructions and whom to contact — never the
    alert's reason (graded disclosure). Hits dismissed by the alert's unit are left out.

    Args:
        case_id (UUID | Unset):
        record_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertNotices | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        record_id=record_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    case_id: UUID | Unset = UNSET,
    record_id: UUID | Unset = UNSET,
) -> AlertNotices | Problem | None:
    """What the caller may know of the alerts hit by a case's records (`case_id`, for whoever
    may read the case) or by one register record (`record_id`, for whoever may read the
    registers): the requested action, handling instructions and whom to contact — never the
    alert's reason (graded disclosure). Hits dismissed by the alert's unit are left out.

    Args:
        case_id (UUID | Unset):
        record_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertNotices | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            case_id=case_id,
            record_id=record_id,
        )
    ).parsed
