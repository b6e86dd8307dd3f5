import datetime
from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_kind import CaseKind
from ...models.case_status import CaseStatus
from ...models.export_cases_order import ExportCasesOrder
from ...models.file_format import FileFormat
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    format_: FileFormat,
    *,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: CaseKind | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    order: ExportCasesOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_unit_id: str | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = str(unit_id)
    params["unit_id"] = json_unit_id

    params["commodity_group"] = commodity_group

    params["commodity_type"] = commodity_type

    params["detection_method"] = detection_method

    params["concealment_method"] = concealment_method

    params["location_type"] = location_type

    params["direction"] = direction

    params["route_country"] = route_country

    params["conveyance_type"] = conveyance_type

    json_person_id: str | Unset = UNSET
    if not isinstance(person_id, Unset):
        json_person_id = str(person_id)
    params["person_id"] = json_person_id

    json_company_id: str | Unset = UNSET
    if not isinstance(company_id, Unset):
        json_company_id = str(company_id)
    params["company_id"] = json_company_id

    json_conveyance_id: str | Unset = UNSET
    if not isinstance(conveyance_id, Unset):
        json_conveyance_id = str(conveyance_id)
    params["conveyance_id"] = json_conveyance_id

    params["q"] = q

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/seizures/export/{format_}".format(
            format_=quote(str(format_), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    format_: FileFormat,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: CaseKind | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    order: ExportCasesOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[File | Problem]:
    """The cases the list shows with the same filters, as a CSV or XLSX file, newest first
    (`limit`, `cursor` and `order` are ignored: every matching case, up to
    `NCEN_EXPORT_MAX_ROWS`; more is refused with `too_many_rows`). Audited like the list
    (`seizure.export`, with every id written).

    Args:
        format_ (FileFormat): The file an export is written as.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        kind (CaseKind | Unset): A seizure (goods seized) or an offence without seizure.
        status (CaseStatus | Unset): Where a case is in its workflow: `draft → submitted →
            validated` (reopen → draft).
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        route_country (str | Unset):
        conveyance_type (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):
        order (ExportCasesOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        from_=from_,
        to=to,
        kind=kind,
        status=status,
        unit_id=unit_id,
        commodity_group=commodity_group,
        commodity_type=commodity_type,
        detection_method=detection_method,
        concealment_method=concealment_method,
        location_type=location_type,
        direction=direction,
        route_country=route_country,
        conveyance_type=conveyance_type,
        person_id=person_id,
        company_id=company_id,
        conveyance_id=conveyance_id,
        q=q,
        order=order,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    format_: FileFormat,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: CaseKind | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    order: ExportCasesOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> File | Problem | None:
    """The cases the list shows with the same filters, as a CSV or XLSX file, newest first
    (`limit`, `cursor` and `order` are ignored: every matching case, up to
    `NCEN_EXPORT_MAX_ROWS`; more is refused with `too_many_rows`). Audited like the list
    (`seizure.export`, with every id written).

    Args:
        format_ (FileFormat): The file an export is written as.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        kind (CaseKind | Unset): A seizure (goods seized) or an offence without seizure.
        status (CaseStatus | Unset): Where a case is in its workflow: `draft → submitted →
            validated` (reopen → draft).
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        route_country (str | Unset):
        conveyance_type (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):
        order (ExportCasesOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        format_=format_,
        client=client,
        from_=from_,
        to=to,
        kind=kind,
        status=status,
        unit_id=unit_id,
        commodity_group=commodity_group,
        commodity_type=commodity_type,
        detection_method=detection_method,
        concealment_method=concealment_method,
        location_type=location_type,
        direction=direction,
        route_country=route_country,
        conveyance_type=conveyance_type,
        person_id=person_id,
        company_id=company_id,
        conveyance_id=conveyance_id,
        q=q,
        order=order,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    format_: FileFormat,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: CaseKind | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    order: ExportCasesOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[File | Problem]:
    """The cases the list shows with the same filters, as a CSV or XLSX file, newest first
    (`limit`, `cursor` and `order` are ignored: every matching case, up to
    `NCEN_EXPORT_MAX_ROWS`; more is refused with `too_many_rows`). Audited like the list
    (`seizure.export`, with every id written).

    Args:
        format_ (FileFormat): The file an export is written as.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        kind (CaseKind | Unset): A seizure (goods seized) or an offence without seizure.
        status (CaseStatus | Unset): Where a case is in its workflow: `draft → submitted →
            validated` (reopen → draft).
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        route_country (str | Unset):
        conveyance_type (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):
        order (ExportCasesOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        from_=from_,
        to=to,
        kind=kind,
        status=status,
        unit_id=unit_id,
        commodity_group=commodity_group,
        commodity_type=commodity_type,
        detection_method=detection_method,
        concealment_method=concealment_method,
        location_type=location_type,
        direction=direction,
        route_country=route_country,
        conveyance_type=conveyance_type,
        person_id=person_id,
        company_id=company_id,
        conveyance_id=conveyance_id,
        q=q,
        order=order,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    format_: FileFormat,
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    kind: CaseKind | Unset = UNSET,
    status: CaseStatus | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
    order: ExportCasesOrder | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> File | Problem | None:
    """The cases the list shows with the same filters, as a CSV or XLSX file, newest first
    (`limit`, `cursor` and `order` are ignored: every matching case, up to
    `NCEN_EXPORT_MAX_ROWS`; more is refused with `too_many_rows`). Audited like the list
    (`seizure.export`, with every id written).

    Args:
        format_ (FileFormat): The file an export is written as.
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        kind (CaseKind | Unset): A seizure (goods seized) or an offence without seizure.
        status (CaseStatus | Unset): Where a case is in its workflow: `draft → submitted →
            validated` (reopen → draft).
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        route_country (str | Unset):
        conveyance_type (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):
        order (ExportCasesOrder | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            format_=format_,
            client=client,
            from_=from_,
            to=to,
            kind=kind,
            status=status,
            unit_id=unit_id,
            commodity_group=commodity_group,
            commodity_type=commodity_type,
            detection_method=detection_method,
            concealment_method=concealment_method,
            location_type=location_type,
            direction=direction,
            route_country=route_country,
            conveyance_type=conveyance_type,
            person_id=person_id,
            company_id=company_id,
            conveyance_id=conveyance_id,
            q=q,
            order=order,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
