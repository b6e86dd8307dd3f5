//! The company register (nominal data): every read and search is audited.

use super::{Purpose, Search};
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Throttled};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use diesel_async::AsyncPgConnection;
use ncen_core::export::FileFormat;
use ncen_core::registers::companies::dto::{
    CompanyDto, CompanyInput, CompanyListItem, CompanyPage, CompanyQuery,
};
use ncen_core::registers::companies::{repo, Companies};
use ncen_core::screening::duplicates::{self, DuplicateList};

pub const TAG: &str = "companies";

super::register_module! {
    register: Companies,
    party: Company,
    collection: "/companies",
    item: "/companies/{id}",
    /// A company with every case it appears in.
    detail: CompanyDetail { company: CompanyDto },
    input: CompanyInput,
    list: list_companies,
    export: export_companies at "/companies/export/{format}",
    sheet: "Companies",
    /// Registers a company.
    create: create_company,
    /// One company, with every case it appears in and its role there.
    get: get_company,
    /// Every change to the company, oldest first, with its old → new values (who, when, which
    /// fields). Reading it is audited.
    history: company_history at "/companies/{id}/history",
    /// Corrects a company: a JSON merge patch of `CompanyInput` (send only what changes; `null`
    /// clears a field; lists are replaced whole). Needs `If-Match`.
    /// A record that a validated case of another unit links is corrected only by a supervisor
    /// of a unit whose validated case links it (403 `validated_elsewhere`); every case that
    /// links the record takes a new version and a `record_update` history entry.
    update: update_company {
        version: "The company's current version",
        patch: "JSON merge patch (RFC 7396) of the company: only what changes; `null` clears",
    },
    duplicates: company_duplicates at "/companies/duplicates",
    conflicts: [(status = 409, body = Problem, content_type = "application/problem+json", description = "Correcting a record merged into another (correct the survivor)")],
}

/// Before registering a company: the existing companies the matching engine finds likely to
/// be the same (a registration number, tax id or EORI written differently or with its country
/// prefix; a name with another legal form, script or spelling), from the review threshold up,
/// best first, with score and explanation (a warning with links, never a refusal; at most 20). The body is the company about to be
/// created; nothing is stored. Audited (`company.check_duplicates`, with the ids it showed).
#[utoipa::path(
    tag = TAG,
    request_body = CompanyInput,
    responses((status = 200, body = DuplicateList), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/companies/duplicates")]
async fn company_duplicates(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CompanyInput>,
) -> ApiResult<web::Json<DuplicateList>> {
    let mut conn = state.conn().await?;
    let list = duplicates::companies(
        &mut conn,
        &meta.actor(&auth),
        state.settings.thresholds(),
        &body,
    )
    .await?;
    Ok(web::Json(list))
}

/// The list's filters, checked, as the repository and the audit row take them.
async fn prepare(
    conn: &mut AsyncPgConnection,
    q: CompanyQuery,
    purpose: Purpose<'_>,
    review: f64,
) -> ApiResult<Search<repo::Filter>> {
    let start = super::search_start(purpose, q.sort, q.q.clone(), true)?;
    super::prepare::<Companies>(conn, q, start, review).await
}

/// Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
/// number, tax id or EORI; by country or activity; ordered by name or by last case.
#[utoipa::path(
    tag = TAG,
    params(CompanyQuery),
    responses(
        (status = 200, body = CompanyPage),
        Denied, Invalid, Throttled,
    ),
    security(("bearer" = []))
)]
#[get("/companies")]
async fn list_companies(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<CompanyQuery>,
) -> ApiResult<web::Json<CompanyPage>> {
    let q = query.into_inner();
    let mut conn = state.conn().await?;
    let purpose = Purpose::Page {
        limit: q.limit,
        cursor: q.cursor.as_deref(),
    };
    let search = prepare(
        &mut conn,
        q.clone(),
        purpose,
        state.settings.thresholds().review,
    )
    .await?;
    let watch = state.settings.read_watch();
    let (rows, next_cursor) =
        super::search::<Companies>(&mut conn, watch, &auth, &meta, search).await?;
    let ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.record.id).collect();
    let scores = repo::risk_scores(&mut conn, &ids)
        .await
        .map_err(ncen_core::Error::from)?;
    let items = rows
        .into_iter()
        .map(|r| CompanyListItem {
            risk: ncen_core::registers::companies::risk::RiskSummary::of(
                scores.get(&r.record.id).copied().unwrap_or(0),
            ),
            company: r.record,
            last_case_at: r.last_case_at,
        })
        .collect();
    Ok(web::Json(CompanyPage { items, next_cursor }))
}

/// The companies the list shows with the same filters and order, as a CSV or XLSX file
/// (`limit` and `cursor` are ignored: every match, up to `NCEN_EXPORT_MAX_ROWS`; more is
/// refused with `too_many_rows`). Audited like the list (`company.export`, with every id).
#[utoipa::path(
    tag = TAG,
    params(("format" = FileFormat, Path), CompanyQuery),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        Denied, Invalid, Throttled,
        (status = 404, body = Problem, content_type = "application/problem+json", description = "Not a known file format"),
    ),
    security(("bearer" = []))
)]
#[get("/companies/export/{format}")]
async fn export_companies(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    format: web::Path<FileFormat>,
    query: web::Query<CompanyQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let purpose = Purpose::Export {
        max_rows: state.settings.export_max_rows,
        limit: query.limit,
    };
    let search = prepare(
        &mut conn,
        query.into_inner(),
        purpose,
        state.settings.thresholds().review,
    )
    .await?;
    drop(conn);
    super::export::<Companies>(&state, &auth, &meta, format.into_inner(), search).await
}
