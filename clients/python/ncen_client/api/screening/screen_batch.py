from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_request import BatchRequest
from ...models.batch_result import BatchResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: BatchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/screening/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchResult | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResult.from_dict(response.json())

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
) -> Response[BatchResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> Response[BatchResult | Problem]:
    """Screens a passenger list or a cargo manifest (1–1 000 lines) against the active alerts and
    the registers in one request: each line with the alerts it hits (what to do and whom to
    contact, never why), its best register records (at most 3, with scores and explanations)
    and its outcome (`hit`, `review`, `clear`); hits first. JSON (`{"rows": […]}`) or CSV
    (`text/csv`, a header naming the columns of a row, any order). Every line is checked
    before any is screened: 422 with each line's errors (`rows[3].container`: `check_digit`;
    `rows[5]`: `nothing_to_match`). One audit row, `screening.batch`, lists what was shown.

    Args:
        body (BatchRequest): A list to screen as JSON (`text/csv` with the same columns is
            accepted too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> BatchResult | Problem | None:
    """Screens a passenger list or a cargo manifest (1–1 000 lines) against the active alerts and
    the registers in one request: each line with the alerts it hits (what to do and whom to
    contact, never why), its best register records (at most 3, with scores and explanations)
    and its outcome (`hit`, `review`, `clear`); hits first. JSON (`{"rows": […]}`) or CSV
    (`text/csv`, a header naming the columns of a row, any order). Every line is checked
    before any is screened: 422 with each line's errors (`rows[3].container`: `check_digit`;
    `rows[5]`: `nothing_to_match`). One audit row, `screening.batch`, lists what was shown.

    Args:
        body (BatchRequest): A list to screen as JSON (`text/csv` with the same columns is
            accepted too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> Response[BatchResult | Problem]:
    """Screens a passenger list or a cargo manifest (1–1 000 lines) against the active alerts and
    the registers in one request: each line with the alerts it hits (what to do and whom to
    contact, never why), its best register records (at most 3, with scores and explanations)
    and its outcome (`hit`, `review`, `clear`); hits first. JSON (`{"rows": […]}`) or CSV
    (`text/csv`, a header naming the columns of a row, any order). Every line is checked
    before any is screened: 422 with each line's errors (`rows[3].container`: `check_digit`;
    `rows[5]`: `nothing_to_match`). One audit row, `screening.batch`, lists what was shown.

    Args:
        body (BatchRequest): A list to screen as JSON (`text/csv` with the same columns is
            accepted too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> BatchResult | Problem | None:
    """Screens a passenger list or a cargo manifest (1–1 000 lines) against the active alerts and
    the registers in one request: each line with the alerts it hits (what to do and whom to
    contact, never why), its best register records (at most 3, with scores and explanations)
    and its outcome (`hit`, `review`, `clear`); hits first. JSON (`{"rows": […]}`) or CSV
    (`text/csv`, a header naming the columns of a row, any order). Every line is checked
    before any is screened: 422 with each line's errors (`rows[3].container`: `check_digit`;
    `rows[5]`: `nothing_to_match`). One audit row, `screening.batch`, lists what was shown.

    Args:
        body (BatchRequest): A list to screen as JSON (`text/csv` with the same columns is
            accepted too).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
