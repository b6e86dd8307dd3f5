from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.received_case_list import ReceivedCaseList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_person_id: str | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = str(person_id)
    params["person_id"] = json_person_id

    json_company_id: str | Unset = UNSET
    if not isinstance(company_id, Unset):
        json_company_id = str(company_id)
    params["company_id"] = json_company_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exchange/received",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReceivedCaseList | None:
    if response.status_code == 200:
        response_200 = ReceivedCaseList.from_dict(response.json())

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
) -> Response[Problem | ReceivedCaseList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
) -> Response[Problem | ReceivedCaseList]:
    """Cases received from partners and imported, newest import first, each with its provenance;
    with `person_id` or `company_id`, only those with a party linked to that register record
    (or to one merged into it).

    Args:
        person_id (UUID | Unset):
        company_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceivedCaseList]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        company_id=company_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
) -> Problem | ReceivedCaseList | None:
    """Cases received from partners and imported, newest import first, each with its provenance;
    with `person_id` or `company_id`, only those with a party linked to that register record
    (or to one merged into it).

    Args:
        person_id (UUID | Unset):
        company_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceivedCaseList
    """

    return sync_detailed(
        client=client,
        person_id=person_id,
        company_id=company_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
) -> Response[Problem | ReceivedCaseList]:
    """Cases received from partners and imported, newest import first, each with its provenance;
    with `person_id` or `company_id`, only those with a party linked to that register record
    (or to one merged into it).

    Args:
        person_id (UUID | Unset):
        company_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceivedCaseList]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        company_id=company_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
) -> Problem | ReceivedCaseList | None:
    """Cases received from partners and imported, newest import first, each with its provenance;
    with `person_id` or `company_id`, only those with a party linked to that register record
    (or to one merged into it).

    Args:
        person_id (UUID | Unset):
        company_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceivedCaseList
    """

    return (
        await asyncio_detailed(
            client=client,
            person_id=person_id,
            company_id=company_id,
        )
    ).parsed
