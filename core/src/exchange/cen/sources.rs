//! The CEN records of cases read from only the fields CEN takes (`SOURCES`), four statements
//! a chunk, and — for the test that holds the two equal — from the whole case documents.

use super::{record, CenRecord};
use crate::db::schema::seizure_cases;
use crate::error::{Error, Result};
use crate::exchange::dto::Scope;
use crate::exchange::scope;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::{json, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// The CEN records of `ids`, in their order. Each is built as `record` of the non-nominal view
/// of a document holding only the `SOURCES` paths of the case, read by four statements per
/// call (cases, goods, route legs, conveyance types) rather than by building the whole case
/// document (`records_from_documents`, which a test holds it equal to).
pub(super) async fn records_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<Vec<CenRecord>> {
    let mut by_id = sources(conn, ids).await?;
    ids.iter()
        .map(|id| {
            by_id
                .remove(id)
                .map(|doc| record(&scope::view(&doc, Scope::NonNominal)))
                .ok_or(Error::NotFound)
        })
        .collect()
}

/// The CEN records of `ids` built from their whole case documents, as a read builds them: what
/// `records_of` must always equal (a test checks it on varied cases).
#[doc(hidden)]
pub async fn records_from_documents(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<Vec<CenRecord>> {
    let mut by_id: HashMap<Uuid, CenRecord> = crate::seizures::document::documents(conn, ids)
        .await?
        .into_iter()
        .map(|dto| {
            let document = serde_json::to_value(&dto).map_err(Error::internal)?;
            Ok((dto.id, record(&scope::view(&document, Scope::NonNominal))))
        })
        .collect::<Result<_>>()?;
    ids.iter()
        .map(|id| by_id.remove(id).ok_or(Error::NotFound))
        .collect()
}

/// The CEN records of `ids` as `records_of` builds them (for the test that holds the two
/// equal).
#[doc(hidden)]
pub async fn records_from_sources(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> Result<Vec<CenRecord>> {
    records_of(conn, ids).await
}

type CaseSources = (
    Uuid,
    String,
    i32,
    DateTime<Utc>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Option<String>,
    (Option<String>, Option<String>, Option<String>),
);

type GoodsSources = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    f64,
    String,
    Option<f64>,
    Option<f64>,
    Option<String>,
);

/// For each of `ids`, a document shaped as the case document but holding only the `SOURCES`
/// paths (what `record` reads), in four statements.
async fn sources(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<HashMap<Uuid, Value>> {
    use crate::db::schema::{
        conveyances as v, seizure_case_conveyances as cc, seizure_goods as g,
        seizure_route_legs as l,
    };
    use seizure_cases as c;
    let cases: Vec<CaseSources> = c::table
        .filter(c::id.eq_any(ids))
        .select((
            c::id,
            c::reference,
            c::version,
            c::detected_at,
            c::country,
            c::location_type,
            c::unlocode,
            c::direction,
            c::detection_methods,
            c::concealment_method,
            (
                c::offender_nationality,
                c::offender_gender,
                c::offender_age_band,
            ),
        ))
        .load(conn)
        .await?;
    let goods: Vec<GoodsSources> = g::table
        .filter(g::case_id.eq_any(ids))
        .order((g::case_id, g::position))
        .select((
            g::case_id,
            g::commodity_group,
            g::commodity_type,
            g::hs_code,
            g::quantity,
            g::unit,
            g::mass_kg,
            g::value,
            g::currency,
        ))
        .load(conn)
        .await?;
    let legs: Vec<(Uuid, String, String)> = l::table
        .filter(l::case_id.eq_any(ids))
        .order((l::case_id, l::position))
        .select((l::case_id, l::country, l::role))
        .load(conn)
        .await?;
    let conveyances: Vec<(Uuid, String)> = cc::table
        .inner_join(v::table)
        .filter(cc::case_id.eq_any(ids))
        .order((cc::case_id, cc::position))
        .select((cc::case_id, v::conveyance_type))
        .load(conn)
        .await?;
    let mut out: HashMap<Uuid, Value> = HashMap::with_capacity(cases.len());
    for (
        id,
        reference,
        version,
        detected,
        country,
        location,
        unlocode,
        direction,
        methods,
        concealment,
        (nationality, gender, age),
    ) in cases
    {
        out.insert(
            id,
            json!({
                "reference": reference, "version": version, "detected_at": detected,
                "country": country, "location_type": location, "unlocode": unlocode,
                "direction": direction, "detection_methods": methods,
                "concealment_method": concealment, "offender_nationality": nationality,
                "offender_gender": gender, "offender_age_band": age,
                "goods": [], "route": [], "conveyances": [],
            }),
        );
    }
    let mut push = |id: Uuid, key: &str, item: Value| {
        if let Some(list) = out
            .get_mut(&id)
            .and_then(|d| d.get_mut(key))
            .and_then(Value::as_array_mut)
        {
            list.push(item);
        }
    };
    for (id, group, kind, hs, quantity, unit, mass, value, currency) in goods {
        push(
            id,
            "goods",
            json!({
                "commodity_group": group, "commodity_type": kind, "hs_code": hs,
                "quantity": quantity, "unit": unit, "mass_kg": mass, "value": value,
                "currency": currency,
            }),
        );
    }
    for (id, country, role) in legs {
        push(id, "route", json!({ "country": country, "role": role }));
    }
    for (id, kind) in conveyances {
        push(
            id,
            "conveyances",
            json!({ "conveyance": { "conveyance_type": kind } }),
        );
    }
    Ok(out)
}
