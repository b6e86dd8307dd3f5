from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.update_user import UpdateUser
from ...models.user_dto import UserDto
from ...types import UNSET, Response


def _get_kwargs(
    id: UUID,
    *,
    body: UpdateUser | UpdateUser | Unset = UNSET,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/users/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, UpdateUser):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, UpdateUser):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UserDto | None:
    if response.status_code == 200:
        response_200 = UserDto.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UserDto]:
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
    body: UpdateUser | UpdateUser | Unset = UNSET,
    if_match: str,
) -> Response[Problem | UserDto]:
    """Updates a user (display name, e-mail, unit, roles, disabled): a JSON merge patch of
    `UpdateUser` (send only what changes; `null` removes the e-mail). Needs `If-Match`.

     Disabling ends the user's sessions at once; role changes apply to their next request.
    Role changes are audited with the old and new roles. An administrator's own roles and
    unit are changed by another administrator.

    Args:
        id (UUID):
        if_match (str):
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserDto]
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
    body: UpdateUser | UpdateUser | Unset = UNSET,
    if_match: str,
) -> Problem | UserDto | None:
    """Updates a user (display name, e-mail, unit, roles, disabled): a JSON merge patch of
    `UpdateUser` (send only what changes; `null` removes the e-mail). Needs `If-Match`.

     Disabling ends the user's sessions at once; role changes apply to their next request.
    Role changes are audited with the old and new roles. An administrator's own roles and
    unit are changed by another administrator.

    Args:
        id (UUID):
        if_match (str):
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserDto
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
    body: UpdateUser | UpdateUser | Unset = UNSET,
    if_match: str,
) -> Response[Problem | UserDto]:
    """Updates a user (display name, e-mail, unit, roles, disabled): a JSON merge patch of
    `UpdateUser` (send only what changes; `null` removes the e-mail). Needs `If-Match`.

     Disabling ends the user's sessions at once; role changes apply to their next request.
    Role changes are audited with the old and new roles. An administrator's own roles and
    unit are changed by another administrator.

    Args:
        id (UUID):
        if_match (str):
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UserDto]
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
    body: UpdateUser | UpdateUser | Unset = UNSET,
    if_match: str,
) -> Problem | UserDto | None:
    """Updates a user (display name, e-mail, unit, roles, disabled): a JSON merge patch of
    `UpdateUser` (send only what changes; `null` removes the e-mail). Needs `If-Match`.

     Disabling ends the user's sessions at once; role changes apply to their next request.
    Role changes are audited with the old and new roles. An administrator's own roles and
    unit are changed by another administrator.

    Args:
        id (UUID):
        if_match (str):
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.
        body (UpdateUser): A user's editable fields. `PATCH /users/{id}` takes a JSON merge patch
            of them
            (RFC 7396): only what changes; `null` removes the e-mail address. The patched whole is
            checked like a creation, so `null` on a required field is a field error.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UserDto
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
