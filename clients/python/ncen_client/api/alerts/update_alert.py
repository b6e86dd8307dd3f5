from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_dto import AlertDto
from ...models.alert_input import AlertInput
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    id: UUID,
    *,
    body: AlertInput | AlertInput | Unset = UNSET,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/alerts/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, AlertInput):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, AlertInput):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AlertDto | Problem | None:
    if response.status_code == 200:
        response_200 = AlertDto.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AlertDto | Problem]:
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
    body: AlertInput | AlertInput | Unset = UNSET,
    if_match: str,
) -> Response[AlertDto | Problem]:
    """Corrects a draft (JSON merge patch of the alert as written). An active alert is not
    edited (409): it is withdrawn and written again, so what a supervisor activated is what
    runs. Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertDto | Problem]
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
    body: AlertInput | AlertInput | Unset = UNSET,
    if_match: str,
) -> AlertDto | Problem | None:
    """Corrects a draft (JSON merge patch of the alert as written). An active alert is not
    edited (409): it is withdrawn and written again, so what a supervisor activated is what
    runs. Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertDto | Problem
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
    body: AlertInput | AlertInput | Unset = UNSET,
    if_match: str,
) -> Response[AlertDto | Problem]:
    """Corrects a draft (JSON merge patch of the alert as written). An active alert is not
    edited (409): it is withdrawn and written again, so what a supervisor activated is what
    runs. Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AlertDto | Problem]
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
    body: AlertInput | AlertInput | Unset = UNSET,
    if_match: str,
) -> AlertDto | Problem | None:
    """Corrects a draft (JSON merge patch of the alert as written). An active alert is not
    edited (409): it is withdrawn and written again, so what a supervisor activated is what
    runs. Needs `If-Match`.

    Args:
        id (UUID):
        if_match (str):
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).
        body (AlertInput): An alert as written: the subject (one of `person_id`, `company_id`,
            `conveyance_id`, or
            `identifier_kind` + `identifier`, as `subject_kind` says), why, what to do, and for how
            long (at most 12 months; renewed after).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AlertDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
