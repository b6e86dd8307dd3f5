//! The company register (nominal data): every read and search is audited.

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Throttled};
use crate::state::AppState;
use actix_web::{get, patch, post, web};
use ncen_core::codelists::repo::require_known;
use ncen_core::registers::companies::dto::{CompanyDto, CompanyInput, CompanyPage, CompanyQuery};
use ncen_core::registers::companies::{repo, Companies};
use ncen_core::registers::duplicates::{self, DuplicateList};
use serde_json::json;

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
    conflicts: [],
}

/// Before registering a company: the existing companies that share its registration number,
/// tax id or EORI (compared without spaces, punctuation or case), or exactly its name (a
/// warning with links, never a refusal; at most 20). The body is the company about to be
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
    let list = duplicates::companies(&mut conn, &meta.actor(&auth), &body).await?;
    Ok(web::Json(list))
}

/// Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
/// number, tax id or EORI; by country or activity; ordered by name.
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
    let (limit, after, text) = super::search_start(q.limit, q.cursor.as_deref(), q.q)?;
    let mut conn = state.conn().await?;
    require_known(
        &mut conn,
        &[
            ("country", "countries", q.country.as_deref()),
            ("activity", "company_roles", q.activity.as_deref()),
        ],
    )
    .await?;
    let details = json!({ "q": text, "country": q.country, "activity": q.activity });
    let filter = repo::Filter {
        q: text,
        country: q.country,
        activity: q.activity,
        after,
        limit,
    };
    let (rows, next_cursor) = super::search::<Companies>(
        &mut conn,
        state.settings.read_watch(),
        &auth,
        &meta,
        limit,
        details,
        filter,
    )
    .await?;
    let items = rows.into_iter().map(|(c, _)| c).collect();
    Ok(web::Json(CompanyPage { items, next_cursor }))
}
