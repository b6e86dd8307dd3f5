import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.seizure_stats import SeizureStats
from ...models.seizure_stats_period import SeizureStatsPeriod
from ...models.seizure_stats_status import SeizureStatsStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    group: str | Unset = UNSET,
    period: SeizureStatsPeriod | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    status: SeizureStatsStatus | Unset = UNSET,
    compare: bool | Unset = UNSET,
    kind: str | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    unit: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    origin_country: str | Unset = UNSET,
    transit_country: str | Unset = UNSET,
    destination_country: str | Unset = UNSET,
    route: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    offender_nationality: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["group"] = group

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["compare"] = compare

    params["kind"] = kind

    json_unit_id: str | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = str(unit_id)
    params["unit_id"] = json_unit_id

    params["commodity_group"] = commodity_group

    params["commodity_type"] = commodity_type

    params["unit"] = unit

    params["detection_method"] = detection_method

    params["concealment_method"] = concealment_method

    params["location_type"] = location_type

    params["direction"] = direction

    params["origin_country"] = origin_country

    params["transit_country"] = transit_country

    params["destination_country"] = destination_country

    params["route"] = route

    params["conveyance_type"] = conveyance_type

    params["offender_nationality"] = offender_nationality

    params["route_country"] = route_country

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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/stats/seizures",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SeizureStats | None:
    if response.status_code == 200:
        response_200 = SeizureStats.from_dict(response.json())

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
) -> Response[Problem | SeizureStats]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    period: SeizureStatsPeriod | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    status: SeizureStatsStatus | Unset = UNSET,
    compare: bool | Unset = UNSET,
    kind: str | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    unit: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    origin_country: str | Unset = UNSET,
    transit_country: str | Unset = UNSET,
    destination_country: str | Unset = UNSET,
    route: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    offender_nationality: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[Problem | SeizureStats]:
    """Statistics of the submitted and validated seizure and offence cases: cases, goods lines,
    mass in kg (where the unit converts), value in EUR (rates of the `currencies` code list)
    and quantities without a mass per unit — grouped by up to two of `period` (`period`: day,
    week, month, quarter, year), commodity group and type, unit, detection and concealment
    method, location type, direction, origin / transit / destination country, route,
    conveyance type, offender nationality, reporting unit and kind, with the seizure list's
    filters. A case with several values of a grouping (two detection methods) counts once in
    each; `total` counts every case once. `compare=true` adds the previous period of the same
    length and the same period a year before, for the total and per row. Read from rollups
    the statistics worker keeps up to date (`pending`: cases saved and not yet counted).
    Audited (`stats.seizures_read`, with what was asked).

    Args:
        group (str | Unset):
        period (SeizureStatsPeriod | Unset): The length of the periods a table grouped by `period`
            counts by. Keys: `2026-03-05`,
            `2026-W10` (ISO week), `2026-03`, `2026-Q1`, `2026`.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        status (SeizureStatsStatus | Unset): Which cases are counted: submitted and validated
            (drafts never: until submitted a
            case is known to its unit only).
        compare (bool | Unset):
        kind (str | Unset):
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        unit (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        origin_country (str | Unset):
        transit_country (str | Unset):
        destination_country (str | Unset):
        route (str | Unset):
        conveyance_type (str | Unset):
        offender_nationality (str | Unset):
        route_country (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SeizureStats]
    """

    kwargs = _get_kwargs(
        group=group,
        period=period,
        from_=from_,
        to=to,
        status=status,
        compare=compare,
        kind=kind,
        unit_id=unit_id,
        commodity_group=commodity_group,
        commodity_type=commodity_type,
        unit=unit,
        detection_method=detection_method,
        concealment_method=concealment_method,
        location_type=location_type,
        direction=direction,
        origin_country=origin_country,
        transit_country=transit_country,
        destination_country=destination_country,
        route=route,
        conveyance_type=conveyance_type,
        offender_nationality=offender_nationality,
        route_country=route_country,
        person_id=person_id,
        company_id=company_id,
        conveyance_id=conveyance_id,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    period: SeizureStatsPeriod | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    status: SeizureStatsStatus | Unset = UNSET,
    compare: bool | Unset = UNSET,
    kind: str | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    unit: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    origin_country: str | Unset = UNSET,
    transit_country: str | Unset = UNSET,
    destination_country: str | Unset = UNSET,
    route: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    offender_nationality: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Problem | SeizureStats | None:
    """Statistics of the submitted and validated seizure and offence cases: cases, goods lines,
    mass in kg (where the unit converts), value in EUR (rates of the `currencies` code list)
    and quantities without a mass per unit — grouped by up to two of `period` (`period`: day,
    week, month, quarter, year), commodity group and type, unit, detection and concealment
    method, location type, direction, origin / transit / destination country, route,
    conveyance type, offender nationality, reporting unit and kind, with the seizure list's
    filters. A case with several values of a grouping (two detection methods) counts once in
    each; `total` counts every case once. `compare=true` adds the previous period of the same
    length and the same period a year before, for the total and per row. Read from rollups
    the statistics worker keeps up to date (`pending`: cases saved and not yet counted).
    Audited (`stats.seizures_read`, with what was asked).

    Args:
        group (str | Unset):
        period (SeizureStatsPeriod | Unset): The length of the periods a table grouped by `period`
            counts by. Keys: `2026-03-05`,
            `2026-W10` (ISO week), `2026-03`, `2026-Q1`, `2026`.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        status (SeizureStatsStatus | Unset): Which cases are counted: submitted and validated
            (drafts never: until submitted a
            case is known to its unit only).
        compare (bool | Unset):
        kind (str | Unset):
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        unit (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        origin_country (str | Unset):
        transit_country (str | Unset):
        destination_country (str | Unset):
        route (str | Unset):
        conveyance_type (str | Unset):
        offender_nationality (str | Unset):
        route_country (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SeizureStats
    """

    return sync_detailed(
        client=client,
        group=group,
        period=period,
        from_=from_,
        to=to,
        status=status,
        compare=compare,
        kind=kind,
        unit_id=unit_id,
        commodity_group=commodity_group,
        commodity_type=commodity_type,
        unit=unit,
        detection_method=detection_method,
        concealment_method=concealment_method,
        location_type=location_type,
        direction=direction,
        origin_country=origin_country,
        transit_country=transit_country,
        destination_country=destination_country,
        route=route,
        conveyance_type=conveyance_type,
        offender_nationality=offender_nationality,
        route_country=route_country,
        person_id=person_id,
        company_id=company_id,
        conveyance_id=conveyance_id,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    period: SeizureStatsPeriod | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    status: SeizureStatsStatus | Unset = UNSET,
    compare: bool | Unset = UNSET,
    kind: str | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    unit: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    origin_country: str | Unset = UNSET,
    transit_country: str | Unset = UNSET,
    destination_country: str | Unset = UNSET,
    route: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    offender_nationality: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[Problem | SeizureStats]:
    """Statistics of the submitted and validated seizure and offence cases: cases, goods lines,
    mass in kg (where the unit converts), value in EUR (rates of the `currencies` code list)
    and quantities without a mass per unit — grouped by up to two of `period` (`period`: day,
    week, month, quarter, year), commodity group and type, unit, detection and concealment
    method, location type, direction, origin / transit / destination country, route,
    conveyance type, offender nationality, reporting unit and kind, with the seizure list's
    filters. A case with several values of a grouping (two detection methods) counts once in
    each; `total` counts every case once. `compare=true` adds the previous period of the same
    length and the same period a year before, for the total and per row. Read from rollups
    the statistics worker keeps up to date (`pending`: cases saved and not yet counted).
    Audited (`stats.seizures_read`, with what was asked).

    Args:
        group (str | Unset):
        period (SeizureStatsPeriod | Unset): The length of the periods a table grouped by `period`
            counts by. Keys: `2026-03-05`,
            `2026-W10` (ISO week), `2026-03`, `2026-Q1`, `2026`.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        status (SeizureStatsStatus | Unset): Which cases are counted: submitted and validated
            (drafts never: until submitted a
            case is known to its unit only).
        compare (bool | Unset):
        kind (str | Unset):
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        unit (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        origin_country (str | Unset):
        transit_country (str | Unset):
        destination_country (str | Unset):
        route (str | Unset):
        conveyance_type (str | Unset):
        offender_nationality (str | Unset):
        route_country (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SeizureStats]
    """

    kwargs = _get_kwargs(
        group=group,
        period=period,
        from_=from_,
        to=to,
        status=status,
        compare=compare,
        kind=kind,
        unit_id=unit_id,
        commodity_group=commodity_group,
        commodity_type=commodity_type,
        unit=unit,
        detection_method=detection_method,
        concealment_method=concealment_method,
        location_type=location_type,
        direction=direction,
        origin_country=origin_country,
        transit_country=transit_country,
        destination_country=destination_country,
        route=route,
        conveyance_type=conveyance_type,
        offender_nationality=offender_nationality,
        route_country=route_country,
        person_id=person_id,
        company_id=company_id,
        conveyance_id=conveyance_id,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    group: str | Unset = UNSET,
    period: SeizureStatsPeriod | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    status: SeizureStatsStatus | Unset = UNSET,
    compare: bool | Unset = UNSET,
    kind: str | Unset = UNSET,
    unit_id: UUID | Unset = UNSET,
    commodity_group: str | Unset = UNSET,
    commodity_type: str | Unset = UNSET,
    unit: str | Unset = UNSET,
    detection_method: str | Unset = UNSET,
    concealment_method: str | Unset = UNSET,
    location_type: str | Unset = UNSET,
    direction: str | Unset = UNSET,
    origin_country: str | Unset = UNSET,
    transit_country: str | Unset = UNSET,
    destination_country: str | Unset = UNSET,
    route: str | Unset = UNSET,
    conveyance_type: str | Unset = UNSET,
    offender_nationality: str | Unset = UNSET,
    route_country: str | Unset = UNSET,
    person_id: UUID | Unset = UNSET,
    company_id: UUID | Unset = UNSET,
    conveyance_id: UUID | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Problem | SeizureStats | None:
    """Statistics of the submitted and validated seizure and offence cases: cases, goods lines,
    mass in kg (where the unit converts), value in EUR (rates of the `currencies` code list)
    and quantities without a mass per unit — grouped by up to two of `period` (`period`: day,
    week, month, quarter, year), commodity group and type, unit, detection and concealment
    method, location type, direction, origin / transit / destination country, route,
    conveyance type, offender nationality, reporting unit and kind, with the seizure list's
    filters. A case with several values of a grouping (two detection methods) counts once in
    each; `total` counts every case once. `compare=true` adds the previous period of the same
    length and the same period a year before, for the total and per row. Read from rollups
    the statistics worker keeps up to date (`pending`: cases saved and not yet counted).
    Audited (`stats.seizures_read`, with what was asked).

    Args:
        group (str | Unset):
        period (SeizureStatsPeriod | Unset): The length of the periods a table grouped by `period`
            counts by. Keys: `2026-03-05`,
            `2026-W10` (ISO week), `2026-03`, `2026-Q1`, `2026`.
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        status (SeizureStatsStatus | Unset): Which cases are counted: submitted and validated
            (drafts never: until submitted a
            case is known to its unit only).
        compare (bool | Unset):
        kind (str | Unset):
        unit_id (UUID | Unset):
        commodity_group (str | Unset):
        commodity_type (str | Unset):
        unit (str | Unset):
        detection_method (str | Unset):
        concealment_method (str | Unset):
        location_type (str | Unset):
        direction (str | Unset):
        origin_country (str | Unset):
        transit_country (str | Unset):
        destination_country (str | Unset):
        route (str | Unset):
        conveyance_type (str | Unset):
        offender_nationality (str | Unset):
        route_country (str | Unset):
        person_id (UUID | Unset):
        company_id (UUID | Unset):
        conveyance_id (UUID | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SeizureStats
    """

    return (
        await asyncio_detailed(
            client=client,
            group=group,
            period=period,
            from_=from_,
            to=to,
            status=status,
            compare=compare,
            kind=kind,
            unit_id=unit_id,
            commodity_group=commodity_group,
            commodity_type=commodity_type,
            unit=unit,
            detection_method=detection_method,
            concealment_method=concealment_method,
            location_type=location_type,
            direction=direction,
            origin_country=origin_country,
            transit_country=transit_country,
            destination_country=destination_country,
            route=route,
            conveyance_type=conveyance_type,
            offender_nationality=offender_nationality,
            route_country=route_country,
            person_id=person_id,
            company_id=company_id,
            conveyance_id=conveyance_id,
            q=q,
        )
    ).parsed
