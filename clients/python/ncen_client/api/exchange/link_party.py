from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.link_party import LinkParty
from ...models.party_link import PartyLink
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    position: int,
    *,
    body: LinkParty,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/exchange/received/{id}/parties/{position}/link".format(
            id=quote(str(id), safe=""),
            position=quote(str(position), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PartyLink | Problem | None:
    if response.status_code == 200:
        response_200 = PartyLink.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PartyLink | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    position: int,
    *,
    client: AuthenticatedClient,
    body: LinkParty,
) -> Response[PartyLink | Problem]:
    """Says that the person or company at `position` of a received case is a register record (a
    person for a person, a company for a company; a merged record's survivor is linked),
    replacing an earlier link of it. Nothing is copied into the register and nothing merged; a
    later version of the case that still names the party keeps the link. Refused for a case the
    sender withdrew (409 `withdrawn`). Audited (`exchange.party_linked`).

    Args:
        id (UUID):
        position (int):
        body (LinkParty): Links a received party to a register record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartyLink | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        position=position,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    position: int,
    *,
    client: AuthenticatedClient,
    body: LinkParty,
) -> PartyLink | Problem | None:
    """Says that the person or company at `position` of a received case is a register record (a
    person for a person, a company for a company; a merged record's survivor is linked),
    replacing an earlier link of it. Nothing is copied into the register and nothing merged; a
    later version of the case that still names the party keeps the link. Refused for a case the
    sender withdrew (409 `withdrawn`). Audited (`exchange.party_linked`).

    Args:
        id (UUID):
        position (int):
        body (LinkParty): Links a received party to a register record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartyLink | Problem
    """

    return sync_detailed(
        id=id,
        position=position,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    position: int,
    *,
    client: AuthenticatedClient,
    body: LinkParty,
) -> Response[PartyLink | Problem]:
    """Says that the person or company at `position` of a received case is a register record (a
    person for a person, a company for a company; a merged record's survivor is linked),
    replacing an earlier link of it. Nothing is copied into the register and nothing merged; a
    later version of the case that still names the party keeps the link. Refused for a case the
    sender withdrew (409 `withdrawn`). Audited (`exchange.party_linked`).

    Args:
        id (UUID):
        position (int):
        body (LinkParty): Links a received party to a register record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PartyLink | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        position=position,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    position: int,
    *,
    client: AuthenticatedClient,
    body: LinkParty,
) -> PartyLink | Problem | None:
    """Says that the person or company at `position` of a received case is a register record (a
    person for a person, a company for a company; a merged record's survivor is linked),
    replacing an earlier link of it. Nothing is copied into the register and nothing merged; a
    later version of the case that still names the party keeps the link. Refused for a case the
    sender withdrew (409 `withdrawn`). Audited (`exchange.party_linked`).

    Args:
        id (UUID):
        position (int):
        body (LinkParty): Links a received party to a register record.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PartyLink | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            position=position,
            client=client,
            body=body,
        )
    ).parsed
