//! The company register (nominal data): every read and search is audited.

pub mod dto;
pub mod repo;

use self::dto::{CompanyDetail, CompanyInput, CompanyPage, CompanyQuery, CODE_LISTS};
use crate::audit::{record, Actor, Event};
use crate::auth::{AuthUser, Permission};
use crate::codelists::book::CodeBook;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::pagination;
use crate::http::precondition::expected_version;
use crate::registers::Checker;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "companies";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_companies)
        .service(create_company)
        .service(get_company)
        .service(update_company);
}

async fn detail(conn: &mut AsyncPgConnection, id: Uuid) -> Result<CompanyDetail, ApiError> {
    let company = repo::find(conn, id).await?;
    let cases = repo::appearances(conn, id).await?;
    Ok(CompanyDetail { company, cases })
}

fn respond(status: actix_web::http::StatusCode, d: CompanyDetail) -> HttpResponse {
    let (id, version) = (d.company.id, d.company.version);
    super::respond(status, "companies", id, version, d)
}

/// Cleans and validates a company; 422 with every field error.
pub async fn checked(
    conn: &mut AsyncPgConnection,
    input: CompanyInput,
) -> Result<CompanyInput, ApiError> {
    let book = CodeBook::load(conn, CODE_LISTS).await?;
    let mut ck = Checker::new();
    let clean = input.clean(&book, "", &mut ck);
    ck.finish()?;
    Ok(clean)
}

/// Companies by name or alias (spelling-, accent- and order-tolerant) or exact registration
/// number, tax id or EORI; by country or activity; ordered by name.
#[utoipa::path(
    tag = TAG,
    params(CompanyQuery),
    responses(
        (status = 200, body = CompanyPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
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
    auth.require(Permission::RegistersRead)?;
    let q = query.into_inner();
    let limit = pagination::limit(q.limit)?;
    let after: Option<(String, Uuid)> = pagination::decode_cursor(q.cursor.as_deref())?;
    let text = q.q.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    if text.as_ref().is_some_and(|t| t.chars().count() > 200) {
        return Err(ApiError::validation(
            "q",
            "length",
            "must be at most 200 characters long",
        ));
    }
    let mut conn = state.conn().await?;
    for (field, list, value) in [
        ("country", "countries", &q.country),
        ("activity", "company_roles", &q.activity),
    ] {
        if let Some(v) = value {
            if !crate::codelists::repo::is_known(&mut conn, list, v).await? {
                return Err(ApiError::validation(
                    field,
                    "unknown_code",
                    &format!("is not in the {list} code list"),
                ));
            }
        }
    }
    let actor = Actor::user(&auth, &meta);
    let details = json!({ "q": text, "country": q.country, "activity": q.activity });
    let filter = repo::Filter {
        q: text,
        country: q.country,
        activity: q.activity,
        after,
        limit,
    };
    let rows = conn
        .transaction(async |conn| {
            let rows = repo::list(conn, filter).await?;
            let ids: Vec<Uuid> = rows
                .iter()
                .take(limit as usize)
                .map(|(c, _)| c.id)
                .collect();
            let mut details = details;
            details["returned"] = json!(ids);
            record(conn, &actor, Event::new("company.search").details(details)).await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let mut items = Vec::new();
    let mut last = None;
    for (company, key) in rows.into_iter().take(limit as usize) {
        last = Some((key, company.id));
        items.push(company);
    }
    let next_cursor = if has_more {
        last.map(|l| pagination::encode_cursor(&l))
    } else {
        None
    };
    Ok(web::Json(CompanyPage { items, next_cursor }))
}

/// Registers a company.
#[utoipa::path(
    tag = TAG,
    request_body = CompanyInput,
    responses(
        (status = 201, body = CompanyDetail),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
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
    auth.require(Permission::RegistersWrite)?;
    let mut conn = state.conn().await?;
    let input = checked(&mut conn, body.into_inner()).await?;
    let actor = Actor::user(&auth, &meta);
    let id = Uuid::now_v7();
    let d = conn
        .transaction(async |conn| {
            repo::insert(conn, id, &input, auth.id).await?;
            record(
                conn,
                &actor,
                Event::new("company.create").object("company", id),
            )
            .await?;
            detail(conn, id).await
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::CREATED, d))
}

/// One company, with every case it appears in and its role there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = CompanyDetail),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
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
    auth.require(Permission::RegistersRead)?;
    let id = id.into_inner();
    let actor = Actor::user(&auth, &meta);
    let mut conn = state.conn().await?;
    let d = conn
        .transaction(async |conn| {
            let d = detail(conn, id).await?;
            record(
                conn,
                &actor,
                Event::new("company.read").object("company", id),
            )
            .await?;
            Ok::<_, ApiError>(d)
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, d))
}

/// Corrects a company: a JSON merge patch of `CompanyInput` (send only what changes; `null`
/// clears a field; lists are replaced whole). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The company's current version")),
    request_body(content = CompanyInput, description = "JSON merge patch (RFC 7396) of the company"),
    responses(
        (status = 200, body = CompanyDetail),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
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
    auth.require(Permission::RegistersWrite)?;
    let id = id.into_inner();
    let expected = expected_version(&req)?;
    let actor = Actor::user(&auth, &meta);
    let mut conn = state.conn().await?;
    let d = conn
        .transaction(async |conn| {
            let current = repo::find(conn, id).await?;
            if current.version != expected {
                return Err(ApiError::PreconditionFailed);
            }
            let (old, merged) = super::merge(&current.fields, &body)?;
            let input = checked(conn, merged).await?;
            repo::update(conn, id, expected, &input, auth.id).await?;
            let fields = super::changed_fields(&old, &input)?;
            record(
                conn,
                &actor,
                Event::new("company.update")
                    .object("company", id)
                    .details(json!({ "fields": fields })),
            )
            .await?;
            detail(conn, id).await
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, d))
}
