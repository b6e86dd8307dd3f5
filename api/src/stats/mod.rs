//! Seizure statistics (`ncen_core::stats`): tables of counts, masses, values and quantities
//! grouped by up to two dimensions, with comparisons, and the same table as CSV or XLSX.
//! Read by whoever reads cases (drafts are never counted); every read is audited.

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::error::Problem;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid};
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use diesel_async::AsyncConnection;
use ncen_core::audit::{record, Event};
use ncen_core::auth::Permission as P;
use ncen_core::export::{Cell, FileFormat, Table};
use ncen_core::stats::dto::{Measures, SeizureStats, StatsParams};
use ncen_core::Error;
use utoipa_actix_web::service_config::ServiceConfig;

const TAG: &str = "statistics";
const READ: Access = Access::Requires(P::SeizuresRead);

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(seizure_stats).service(export_seizure_stats);
}

pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/api/v1/stats/seizures", READ),
        rule("GET", "/api/v1/stats/seizures/export/{format}", READ),
    ],
};

/// Statistics of the submitted and validated seizure and offence cases: cases, goods lines,
/// mass in kg (where the unit converts), value in EUR (rates of the `currencies` code list)
/// and quantities without a mass per unit — grouped by up to two of `period` (`period`: day,
/// week, month, quarter, year), commodity group and type, unit, detection and concealment
/// method, location type, direction, origin / transit / destination country, route,
/// conveyance type, offender nationality, reporting unit and kind, with the seizure list's
/// filters. A case with several values of a grouping (two detection methods) counts once in
/// each; `total` counts every case once. `compare=true` adds the previous period of the same
/// length and the same period a year before, for the total and per row. Read from rollups
/// the statistics worker keeps up to date (`pending`: cases saved and not yet counted).
/// Audited (`stats.seizures_read`, with what was asked).
#[utoipa::path(
    tag = TAG,
    params(StatsParams),
    responses((status = 200, body = SeizureStats), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/stats/seizures")]
async fn seizure_stats(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<StatsParams>,
) -> ApiResult<web::Json<SeizureStats>> {
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    let today = chrono::Utc::now().date_naive();
    let q = ncen_core::stats::resolve(&mut conn, query.into_inner(), today).await?;
    Ok(web::Json(
        ncen_core::stats::read(&mut conn, &actor, &q).await?,
    ))
}

fn measure_cells(m: &Measures) -> Vec<Cell> {
    vec![
        Cell::Number(m.cases as f64),
        Cell::Number(m.lines as f64),
        Cell::Number(m.kg),
        Cell::Number(m.value),
        Cell::Number(m.unconverted_lines as f64),
        Cell::Text(
            m.quantities
                .iter()
                .map(|q| format!("{} {}", q.quantity, q.unit))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    ]
}

const MEASURE_COLUMNS: [&str; 6] = [
    "cases",
    "goods_lines",
    "kg",
    "value_eur",
    "unconverted_lines",
    "quantities",
];

/// The table as a file: one column per grouping, the measures, and with `compare=true` the
/// cases of the previous period and of the year before. Audited (`stats.seizures_export`).
fn as_table(stats: &SeizureStats) -> Table {
    let mut columns: Vec<&'static str> = stats.group.iter().map(|g| g.as_str()).collect();
    columns.extend(MEASURE_COLUMNS);
    let compare = stats.last_year.is_some();
    if compare {
        columns.extend(["cases_previous_period", "cases_last_year"]);
    }
    let mut rows: Vec<Vec<Cell>> = stats
        .rows
        .iter()
        .map(|r| {
            let mut row: Vec<Cell> = r.keys.iter().cloned().map(Cell::Text).collect();
            row.extend(measure_cells(&r.measures));
            if compare {
                for m in [&r.previous, &r.last_year] {
                    row.push(
                        m.as_ref()
                            .map_or(Cell::Empty, |m| Cell::Number(m.cases as f64)),
                    );
                }
            }
            row
        })
        .collect();
    let mut total: Vec<Cell> = stats
        .group
        .iter()
        .map(|_| Cell::Text("total".into()))
        .collect();
    total.extend(measure_cells(&stats.total));
    if compare {
        for c in [&stats.previous, &stats.last_year] {
            total.push(
                c.as_ref()
                    .map_or(Cell::Empty, |c| Cell::Number(c.total.cases as f64)),
            );
        }
    }
    rows.push(total);
    Table {
        name: "Statistics",
        columns,
        rows,
    }
}

/// The same table as a CSV or XLSX file (its rows, then a `total` row). Audited
/// (`stats.seizures_export`, with what was asked).
#[utoipa::path(
    tag = TAG,
    params(("format" = FileFormat, Path), StatsParams),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        Denied, Invalid,
        (status = 404, body = Problem, content_type = "application/problem+json", description = "Not a known file format"),
    ),
    security(("bearer" = []))
)]
#[get("/stats/seizures/export/{format}")]
async fn export_seizure_stats(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    format: web::Path<FileFormat>,
    query: web::Query<StatsParams>,
) -> ApiResult<HttpResponse> {
    let (actor, format) = (meta.actor(&auth), format.into_inner());
    let mut conn = state.conn().await?;
    let today = chrono::Utc::now().date_naive();
    let q = ncen_core::stats::resolve(&mut conn, query.into_inner(), today).await?;
    let stats = conn
        .transaction::<_, Error, _>(async |c| {
            let stats = ncen_core::stats::compute(c, &q).await?;
            let mut details = ncen_core::stats::asked(&q);
            if let Some(m) = details.as_object_mut() {
                m.insert("format".into(), format.as_str().into());
                m.insert("rows".into(), stats.rows.len().into());
            }
            record(
                c,
                &actor,
                Event::new("stats.seizures_export").details(details),
            )
            .await?;
            Ok(stats)
        })
        .await?;
    Ok(crate::http::export::download(
        &as_table(&stats),
        format,
        "seizure-statistics",
    )?)
}
