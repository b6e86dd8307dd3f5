//! The company register (nominal data): every read and search is audited.

use super::Served;
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::auth::Permission as P;
use ncen_core::codelists::repo::require_known;
use ncen_core::registers::companies::dto::{CompanyDto, CompanyInput, CompanyPage, CompanyQuery};
use ncen_core::registers::companies::{repo, Companies};
use ncen_core::seizures::links::{CaseAppearance, Party};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "companies";

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule(
            "GET",
            "/api/v1/companies",
            Access::Requires(P::RegistersRead),
        ),
        rule(
            "POST",
            "/api/v1/companies",
            Access::Requires(P::RegistersWrite),
        ),
        rule(
            "GET",
            "/api/v1/companies/{id}",
            Access::Requires(P::RegistersRead),
        ),
        rule(
            "PATCH",
            "/api/v1/companies/{id}",
            Access::Requires(P::RegistersWrite),
        ),
    ],
};

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_companies)
        .service(create_company)
        .service(get_company)
        .service(update_company);
}

/// A company with every case it appears in.
#[derive(Debug, Serialize, ToSchema)]
pub struct CompanyDetail {
    #[serde(flatten)]
    pub company: CompanyDto,
    pub cases: Vec<CaseAppearance>,
}

impl Served for Companies {
    const COLLECTION: &'static str = "companies";
    const PARTY: Party = Party::Company;
    type Detail = CompanyDetail;
    fn detail(record: Self::Record, cases: Vec<CaseAppearance>) -> CompanyDetail {
        CompanyDetail {
            company: record,
            cases,
        }
    }
}

/// Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
/// number, tax id or EORI; by country or activity; ordered by name.
#[utoipa::path(
    tag = TAG,
    params(CompanyQuery),
    responses(
        (status = 200, body = CompanyPage),
        Denied, Invalid,
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
    let (rows, next_cursor) =
        super::search::<Companies>(&mut conn, &auth, &meta, limit, details, filter).await?;
    let items = rows.into_iter().map(|(c, _)| c).collect();
    Ok(web::Json(CompanyPage { items, next_cursor }))
}

/// Registers a company.
#[utoipa::path(
    tag = TAG,
    request_body = CompanyInput,
    responses(
        (status = 201, body = CompanyDetail),
        Denied, Invalid,
    ),
    security(("bearer" = []))
)]
#[post("/companies")]
async fn create_company(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CompanyInput>,
) -> ApiResult<HttpResponse> {
    super::create::<Companies>(&state, &auth, &meta, body.into_inner()).await
}

/// One company, with every case it appears in and its role there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = CompanyDetail),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/companies/{id}")]
async fn get_company(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    super::get::<Companies>(&state, &auth, &meta, id.into_inner()).await
}

/// Corrects a company: a JSON merge patch of `CompanyInput` (send only what changes; `null`
/// clears a field; lists are replaced whole). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The company's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the company: only what changes; `null` clears",
        content((CompanyInput = "application/merge-patch+json"), (CompanyInput = "application/json"))
    ),
    responses(
        (status = 200, body = CompanyDetail),
        Malformed, Denied, NotFound, Conditional, Invalid,
    ),
    security(("bearer" = []))
)]
#[patch("/companies/{id}")]
async fn update_company(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    super::update::<Companies>(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        body.into_inner(),
    )
    .await
}
