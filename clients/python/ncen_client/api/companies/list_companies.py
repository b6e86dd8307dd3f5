from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.company_page import CompanyPage
from ...models.company_status import CompanyStatus
from ...models.problem import Problem
from ...models.register_sort import RegisterSort
from ...models.risk_band import RiskBand
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    country: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    identifier: str | Unset = UNSET,
    status: CompanyStatus | Unset = UNSET,
    typology: str | Unset = UNSET,
    risk_band: RiskBand | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["q"] = q

    params["country"] = country

    params["activity"] = activity

    params["identifier"] = identifier

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["typology"] = typology

    json_risk_band: str | Unset = UNSET
    if not isinstance(risk_band, Unset):
        json_risk_band = risk_band.value

    params["risk_band"] = json_risk_band

    json_person_id: str | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = str(person_id)
    params["person_id"] = json_person_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/companies",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CompanyPage | Problem | None:
    if response.status_code == 200:
        response_200 = CompanyPage.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

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
) -> Response[CompanyPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    country: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    identifier: str | Unset = UNSET,
    status: CompanyStatus | Unset = UNSET,
    typology: str | Unset = UNSET,
    risk_band: RiskBand | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[CompanyPage | Problem]:
    """Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
    number, tax id or EORI; by country or activity; ordered by name or by last case.

    Args:
        q (str | Unset):
        country (str | Unset):
        activity (str | Unset):
        identifier (str | Unset):
        status (CompanyStatus | Unset): A company's standing in its register. `unknown`: entered
            at a seizure, register not
            consulted.
        typology (str | Unset):
        risk_band (RiskBand | Unset):
        person_id (UUID | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompanyPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        country=country,
        activity=activity,
        identifier=identifier,
        status=status,
        typology=typology,
        risk_band=risk_band,
        person_id=person_id,
        sort=sort,
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
    q: str | Unset = UNSET,
    country: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    identifier: str | Unset = UNSET,
    status: CompanyStatus | Unset = UNSET,
    typology: str | Unset = UNSET,
    risk_band: RiskBand | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> CompanyPage | Problem | None:
    """Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
    number, tax id or EORI; by country or activity; ordered by name or by last case.

    Args:
        q (str | Unset):
        country (str | Unset):
        activity (str | Unset):
        identifier (str | Unset):
        status (CompanyStatus | Unset): A company's standing in its register. `unknown`: entered
            at a seizure, register not
            consulted.
        typology (str | Unset):
        risk_band (RiskBand | Unset):
        person_id (UUID | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompanyPage | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        country=country,
        activity=activity,
        identifier=identifier,
        status=status,
        typology=typology,
        risk_band=risk_band,
        person_id=person_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    country: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    identifier: str | Unset = UNSET,
    status: CompanyStatus | Unset = UNSET,
    typology: str | Unset = UNSET,
    risk_band: RiskBand | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[CompanyPage | Problem]:
    """Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
    number, tax id or EORI; by country or activity; ordered by name or by last case.

    Args:
        q (str | Unset):
        country (str | Unset):
        activity (str | Unset):
        identifier (str | Unset):
        status (CompanyStatus | Unset): A company's standing in its register. `unknown`: entered
            at a seizure, register not
            consulted.
        typology (str | Unset):
        risk_band (RiskBand | Unset):
        person_id (UUID | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompanyPage | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        country=country,
        activity=activity,
        identifier=identifier,
        status=status,
        typology=typology,
        risk_band=risk_band,
        person_id=person_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    country: str | Unset = UNSET,
    activity: str | Unset = UNSET,
    identifier: str | Unset = UNSET,
    status: CompanyStatus | Unset = UNSET,
    typology: str | Unset = UNSET,
    risk_band: RiskBand | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    sort: RegisterSort | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> CompanyPage | Problem | None:
    """Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
    number, tax id or EORI; by country or activity; ordered by name or by last case.

    Args:
        q (str | Unset):
        country (str | Unset):
        activity (str | Unset):
        identifier (str | Unset):
        status (CompanyStatus | Unset): A company's standing in its register. `unknown`: entered
            at a seizure, register not
            consulted.
        typology (str | Unset):
        risk_band (RiskBand | Unset):
        person_id (UUID | Unset):
        sort (RegisterSort | Unset): How a register list is ordered: `name` (A → Z; the identifier
            for conveyances),
            `last_case` (latest case first; records in no case last) or `relevance` (persons and
            companies with `q`: best match first by the matching engine, one page without a
            cursor; the default when `q` is given; conveyances read it as `name`).
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompanyPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            country=country,
            activity=activity,
            identifier=identifier,
            status=status,
            typology=typology,
            risk_band=risk_band,
            person_id=person_id,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
