//! A case as a list shows it: its own columns, its goods (commodity, quantity, unit) and the
//! countries of its route, for one page of cases in two queries.

use super::dto::CaseStatus;
use super::dto::{CaseSummary, GoodsBrief};
use super::model::CaseRow;
use crate::db::schema::{seizure_goods, seizure_history, seizure_route_legs};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// A page's rows as summaries, with each case's commodity groups (one query for the page).
pub(super) async fn summaries(
    conn: &mut AsyncPgConnection,
    rows: Vec<CaseRow>,
) -> QueryResult<Vec<CaseSummary>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let goods: Vec<(Uuid, String, Option<String>, f64, String)> = seizure_goods::table
        .filter(seizure_goods::case_id.eq_any(&ids))
        .select((
            seizure_goods::case_id,
            seizure_goods::commodity_group,
            seizure_goods::commodity_type,
            seizure_goods::quantity,
            seizure_goods::unit,
        ))
        .order((seizure_goods::case_id, seizure_goods::position))
        .load(conn)
        .await?;
    let legs: Vec<(Uuid, String)> = seizure_route_legs::table
        .filter(seizure_route_legs::case_id.eq_any(&ids))
        .select((seizure_route_legs::case_id, seizure_route_legs::country))
        .order((seizure_route_legs::case_id, seizure_route_legs::position))
        .load(conn)
        .await?;
    let mut sent_back = sent_back(conn, &rows).await?;
    let mut goods_of: HashMap<Uuid, Vec<GoodsBrief>> = HashMap::new();
    for (id, commodity_group, commodity_type, quantity, unit) in goods {
        goods_of.entry(id).or_default().push(GoodsBrief {
            commodity_group,
            commodity_type,
            quantity,
            unit,
        });
    }
    let mut route_of: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (id, country) in legs {
        let route = route_of.entry(id).or_default();
        if route.last() != Some(&country) {
            route.push(country);
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let goods = goods_of.remove(&r.id).unwrap_or_default();
            let mut commodity_groups: Vec<String> =
                goods.iter().map(|g| g.commodity_group.clone()).collect();
            commodity_groups.sort();
            commodity_groups.dedup();
            CaseSummary {
                commodity_groups,
                goods,
                route: route_of.remove(&r.id).unwrap_or_default(),
                sent_back: sent_back.remove(&r.id),
                id: r.id,
                reference: r.reference,
                kind: r.kind,
                status: r.status,
                detected_at: r.detected_at,
                reporting_unit_id: r.reporting_unit_id,
                place: r.place,
                location_type: r.location_type,
                country: r.country,
                direction: r.direction,
                detection_methods: r.detection_methods,
                concealment_method: r.concealment_method,
                version: r.version,
            }
        })
        .collect())
}

/// The drafts of a page that a supervisor sent back (`return`) or reopened (`reopen`): the
/// last workflow step of each draft, when it is one of those (one query, drafts only).
async fn sent_back(
    conn: &mut AsyncPgConnection,
    rows: &[CaseRow],
) -> QueryResult<HashMap<Uuid, String>> {
    use seizure_history as h;
    let drafts: Vec<Uuid> = rows
        .iter()
        .filter(|r| r.status == CaseStatus::Draft)
        .map(|r| r.id)
        .collect();
    if drafts.is_empty() {
        return Ok(HashMap::new());
    }
    let last: Vec<(Uuid, String)> = h::table
        .filter(h::case_id.eq_any(&drafts))
        .filter(h::action.eq_any(super::history::WORKFLOW_ACTIONS))
        .distinct_on(h::case_id)
        .order((h::case_id, h::id.desc()))
        .select((h::case_id, h::action))
        .load(conn)
        .await?;
    Ok(last
        .into_iter()
        .filter(|(_, action)| action == "return" || action == "reopen")
        .collect())
}
