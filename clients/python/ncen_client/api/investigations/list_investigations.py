from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.investigation_list import InvestigationList
from ...models.investigation_status import InvestigationStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: InvestigationStatus | Unset = UNSET,
    priority: str | Unset = UNSET,
    lead_id: UUID | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["priority"] = priority

    json_lead_id: str | Unset = UNSET
    if not isinstance(lead_id, Unset):
        json_lead_id = str(lead_id)
    params["lead_id"] = json_lead_id

    json_member_id: str | Unset = UNSET
    if not isinstance(member_id, Unset):
        json_member_id = str(member_id)
    params["member_id"] = json_member_id

    json_unit_id: str | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = str(unit_id)
    params["unit_id"] = json_unit_id

    params["overdue"] = overdue

    json_case_id: str | Unset = UNSET
    if not isinstance(case_id, Unset):
        json_case_id = str(case_id)
    params["case_id"] = json_case_id

    json_person_id: str | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = str(person_id)
    params["person_id"] = json_person_id

    json_company_id: str | Unset = UNSET
    if not isinstance(company_id, Unset):
        json_company_id = str(company_id)
    params["company_id"] = json_company_id

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/investigations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvestigationList | Problem | None:
    if response.status_code == 200:
        response_200 = InvestigationList.from_dict(response.json())

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
) -> Response[InvestigationList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: InvestigationStatus | Unset = UNSET,
    priority: str | Unset = UNSET,
    lead_id: UUID | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[InvestigationList | Problem]:
    """The investigations the caller may see — those whose team they or their unit are on, those
    they lead, and for a supervisor those their unit supervises — most recently changed first
    (audited as `investigation.list` with the ids shown).

    Args:
        status (InvestigationStatus | Unset): `opened` (recorded, no lead yet) → `assigned` (a
            lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        priority (str | Unset):
        lead_id (UUID | Unset):
        member_id (UUID | Unset):
        unit_id (UUID | Unset):
        overdue (bool | Unset):
        case_id (UUID | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvestigationList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        priority=priority,
        lead_id=lead_id,
        member_id=member_id,
        unit_id=unit_id,
        overdue=overdue,
        case_id=case_id,
        person_id=person_id,
        company_id=company_id,
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
    status: InvestigationStatus | Unset = UNSET,
    priority: str | Unset = UNSET,
    lead_id: UUID | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> InvestigationList | Problem | None:
    """The investigations the caller may see — those whose team they or their unit are on, those
    they lead, and for a supervisor those their unit supervises — most recently changed first
    (audited as `investigation.list` with the ids shown).

    Args:
        status (InvestigationStatus | Unset): `opened` (recorded, no lead yet) → `assigned` (a
            lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        priority (str | Unset):
        lead_id (UUID | Unset):
        member_id (UUID | Unset):
        unit_id (UUID | Unset):
        overdue (bool | Unset):
        case_id (UUID | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvestigationList | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        priority=priority,
        lead_id=lead_id,
        member_id=member_id,
        unit_id=unit_id,
        overdue=overdue,
        case_id=case_id,
        person_id=person_id,
        company_id=company_id,
        q=q,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: InvestigationStatus | Unset = UNSET,
    priority: str | Unset = UNSET,
    lead_id: UUID | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[InvestigationList | Problem]:
    """The investigations the caller may see — those whose team they or their unit are on, those
    they lead, and for a supervisor those their unit supervises — most recently changed first
    (audited as `investigation.list` with the ids shown).

    Args:
        status (InvestigationStatus | Unset): `opened` (recorded, no lead yet) → `assigned` (a
            lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        priority (str | Unset):
        lead_id (UUID | Unset):
        member_id (UUID | Unset):
        unit_id (UUID | Unset):
        overdue (bool | Unset):
        case_id (UUID | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvestigationList | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        priority=priority,
        lead_id=lead_id,
        member_id=member_id,
        unit_id=unit_id,
        overdue=overdue,
        case_id=case_id,
        person_id=person_id,
        company_id=company_id,
        q=q,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: InvestigationStatus | Unset = UNSET,
    priority: str | Unset = UNSET,
    lead_id: UUID | Unset = UNSET,
    member_id: UUID | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    case_id: UUID | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> InvestigationList | Problem | None:
    """The investigations the caller may see — those whose team they or their unit are on, those
    they lead, and for a supervisor those their unit supervises — most recently changed first
    (audited as `investigation.list` with the ids shown).

    Args:
        status (InvestigationStatus | Unset): `opened` (recorded, no lead yet) → `assigned` (a
            lead named by a supervisor) →
            `in_progress` (the lead has taken it up) → `under_review` (the lead asks a supervisor to
            review it) → `closed` (with an outcome); `suspended` (on hold, resumed where it was)
            and `reopened` (a closed investigation taken up again by a supervisor).
        priority (str | Unset):
        lead_id (UUID | Unset):
        member_id (UUID | Unset):
        unit_id (UUID | Unset):
        overdue (bool | Unset):
        case_id (UUID | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvestigationList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            priority=priority,
            lead_id=lead_id,
            member_id=member_id,
            unit_id=unit_id,
            overdue=overdue,
            case_id=case_id,
            person_id=person_id,
            company_id=company_id,
            q=q,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
