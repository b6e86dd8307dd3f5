from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.screening_request_type_0 import ScreeningRequestType0
from ...models.screening_request_type_1 import ScreeningRequestType1
from ...models.screening_result import ScreeningResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ScreeningRequestType0 | ScreeningRequestType1,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/screening",
        "params": params,
    }

    if isinstance(body, ScreeningRequestType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ScreeningResult | None:
    if response.status_code == 200:
        response_200 = ScreeningResult.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | ScreeningResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScreeningRequestType0 | ScreeningRequestType1,
    limit: int | Unset = UNSET,
) -> Response[Problem | ScreeningResult]:
    """Screens a person or a company against the registers: the records that may be them, best
    first, each with its score and the evidence behind it (`hit` at or above the hit
    threshold, `review` between the two thresholds; both thresholds are configuration and are
    returned). A full name may be given in any order and script. Nothing is stored but the
    audit row (`screening.person` / `screening.company`, with the ids shown). 422
    `nothing_to_match` when the query has no name and no identifier.

    Args:
        limit (int | Unset):
        body (ScreeningRequestType0 | ScreeningRequestType1): What to screen: `{"person": {…}}` or
            `{"company": {…}}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScreeningResult]
    """

    kwargs = _get_kwargs(
        body=body,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ScreeningRequestType0 | ScreeningRequestType1,
    limit: int | Unset = UNSET,
) -> Problem | ScreeningResult | None:
    """Screens a person or a company against the registers: the records that may be them, best
    first, each with its score and the evidence behind it (`hit` at or above the hit
    threshold, `review` between the two thresholds; both thresholds are configuration and are
    returned). A full name may be given in any order and script. Nothing is stored but the
    audit row (`screening.person` / `screening.company`, with the ids shown). 422
    `nothing_to_match` when the query has no name and no identifier.

    Args:
        limit (int | Unset):
        body (ScreeningRequestType0 | ScreeningRequestType1): What to screen: `{"person": {…}}` or
            `{"company": {…}}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScreeningResult
    """

    return sync_detailed(
        client=client,
        body=body,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScreeningRequestType0 | ScreeningRequestType1,
    limit: int | Unset = UNSET,
) -> Response[Problem | ScreeningResult]:
    """Screens a person or a company against the registers: the records that may be them, best
    first, each with its score and the evidence behind it (`hit` at or above the hit
    threshold, `review` between the two thresholds; both thresholds are configuration and are
    returned). A full name may be given in any order and script. Nothing is stored but the
    audit row (`screening.person` / `screening.company`, with the ids shown). 422
    `nothing_to_match` when the query has no name and no identifier.

    Args:
        limit (int | Unset):
        body (ScreeningRequestType0 | ScreeningRequestType1): What to screen: `{"person": {…}}` or
            `{"company": {…}}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScreeningResult]
    """

    kwargs = _get_kwargs(
        body=body,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ScreeningRequestType0 | ScreeningRequestType1,
    limit: int | Unset = UNSET,
) -> Problem | ScreeningResult | None:
    """Screens a person or a company against the registers: the records that may be them, best
    first, each with its score and the evidence behind it (`hit` at or above the hit
    threshold, `review` between the two thresholds; both thresholds are configuration and are
    returned). A full name may be given in any order and script. Nothing is stored but the
    audit row (`screening.person` / `screening.company`, with the ids shown). 422
    `nothing_to_match` when the query has no name and no identifier.

    Args:
        limit (int | Unset):
        body (ScreeningRequestType0 | ScreeningRequestType1): What to screen: `{"person": {…}}` or
            `{"company": {…}}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScreeningResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            limit=limit,
        )
    ).parsed
