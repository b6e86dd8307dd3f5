//! The conveyance register. Plates, VINs and registrations of private vehicles are nominal,
//! so every read and search is audited.

pub mod dto;
pub mod repo;

use self::dto::{ConveyanceDetail, ConveyanceInput, ConveyancePage, ConveyanceQuery, CODE_LISTS};
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

pub const TAG: &str = "conveyances";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_conveyances)
        .service(create_conveyance)
        .service(get_conveyance)
        .service(update_conveyance);
}

async fn detail(conn: &mut AsyncPgConnection, id: Uuid) -> Result<ConveyanceDetail, ApiError> {
    let conveyance = repo::find(conn, id).await?;
    let cases = repo::appearances(conn, id).await?;
    Ok(ConveyanceDetail { conveyance, cases })
}

fn respond(status: actix_web::http::StatusCode, d: ConveyanceDetail) -> HttpResponse {
    let (id, version) = (d.conveyance.id, d.conveyance.version);
    super::respond(status, "conveyances", id, version, d)
}

/// Cleans and validates a conveyance (identifier check digits included); 422 with every
/// field error. Returns the input and the normalised identifier.
pub async fn checked(
    conn: &mut AsyncPgConnection,
    input: ConveyanceInput,
) -> Result<(ConveyanceInput, String), ApiError> {
    let book = CodeBook::load(conn, CODE_LISTS).await?;
    let mut ck = Checker::new();
    let clean = input.clean(&book, "", &mut ck);
    ck.finish()?;
    Ok(clean)
}

/// Conveyances by identifier prefix or name, type, identifier kind or country; ordered by
/// normalised identifier.
#[utoipa::path(
    tag = TAG,
    params(ConveyanceQuery),
    responses(
        (status = 200, body = ConveyancePage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/conveyances")]
async fn list_conveyances(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<ConveyanceQuery>,
) -> ApiResult<web::Json<ConveyancePage>> {
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
        ("conveyance_type", "conveyance_types", &q.conveyance_type),
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
    let kind = q.identifier_kind.map(|k| k.as_str().to_string());
    let details = json!({ "q": text, "conveyance_type": q.conveyance_type, "identifier_kind": kind, "country": q.country });
    let filter = repo::Filter {
        q: text,
        conveyance_type: q.conveyance_type,
        identifier_kind: kind,
        country: q.country,
        after,
        limit,
    };
    let rows = conn
        .transaction(async |conn| {
            let rows = repo::list(conn, filter).await?;
            let ids: Vec<Uuid> = rows.iter().take(limit as usize).map(|c| c.id).collect();
            let mut details = details;
            details["returned"] = json!(ids);
            record(
                conn,
                &actor,
                Event::new("conveyance.search").details(details),
            )
            .await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let items: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let next_cursor = if has_more {
        items
            .last()
            .map(|c| pagination::encode_cursor(&(c.identifier_norm.clone(), c.id)))
    } else {
        None
    };
    Ok(web::Json(ConveyancePage { items, next_cursor }))
}

/// Registers a conveyance. 409 when its identifier is already registered.
#[utoipa::path(
    tag = TAG,
    request_body = ConveyanceInput,
    responses(
        (status = 201, body = ConveyanceDetail),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Identifier already registered"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/conveyances")]
async fn create_conveyance(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<ConveyanceInput>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::RegistersWrite)?;
    let mut conn = state.conn().await?;
    let (input, norm) = checked(&mut conn, body.into_inner()).await?;
    let actor = Actor::user(&auth, &meta);
    let id = Uuid::now_v7();
    let d = conn
        .transaction(async |conn| {
            repo::insert(conn, id, &input, &norm, auth.id).await?;
            record(
                conn,
                &actor,
                Event::new("conveyance.create").object("conveyance", id),
            )
            .await?;
            detail(conn, id).await
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::CREATED, d))
}

/// One conveyance, with every case it appears in and its role there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = ConveyanceDetail),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/conveyances/{id}")]
async fn get_conveyance(
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
                Event::new("conveyance.read").object("conveyance", id),
            )
            .await?;
            Ok::<_, ApiError>(d)
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, d))
}

/// Corrects a conveyance: a JSON merge patch of `ConveyanceInput` (send only what changes; `null`
/// clears a field; lists are replaced whole). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The conveyance's current version")),
    request_body(content = ConveyanceInput, description = "JSON merge patch (RFC 7396) of the conveyance"),
    responses(
        (status = 200, body = ConveyanceDetail),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Identifier already registered"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/conveyances/{id}")]
async fn update_conveyance(
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
            let (input, norm) = checked(conn, merged).await?;
            repo::update(conn, id, expected, &input, &norm, auth.id).await?;
            let fields = super::changed_fields(&old, &input)?;
            record(
                conn,
                &actor,
                Event::new("conveyance.update")
                    .object("conveyance", id)
                    .details(json!({ "fields": fields })),
            )
            .await?;
            detail(conn, id).await
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, d))
}
