//! The person register (nominal data): every read and search is audited.

pub mod dto;
pub mod repo;

use self::dto::{PersonDetail, PersonInput, PersonPage, PersonQuery, CODE_LISTS};
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

pub const TAG: &str = "persons";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_persons)
        .service(create_person)
        .service(get_person)
        .service(update_person);
}

async fn detail(conn: &mut AsyncPgConnection, id: Uuid) -> Result<PersonDetail, ApiError> {
    let person = repo::find(conn, id).await?;
    let cases = repo::appearances(conn, id).await?;
    Ok(PersonDetail { person, cases })
}

fn respond(status: actix_web::http::StatusCode, d: PersonDetail) -> HttpResponse {
    let (id, version) = (d.person.id, d.person.version);
    super::respond(status, "persons", id, version, d)
}

/// Cleans and validates a person; 422 with every field error.
pub async fn checked(
    conn: &mut AsyncPgConnection,
    input: PersonInput,
) -> Result<PersonInput, ApiError> {
    let book = CodeBook::load(conn, CODE_LISTS).await?;
    let mut ck = Checker::new();
    let clean = input.clean(&book, "", &mut ck);
    ck.finish()?;
    Ok(clean)
}

/// Persons by name (spelling-, accent-, order- and script-tolerant), document, nationality
/// or year of birth; ordered by name.
#[utoipa::path(
    tag = TAG,
    params(PersonQuery),
    responses(
        (status = 200, body = PersonPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/persons")]
async fn list_persons(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<PersonQuery>,
) -> ApiResult<web::Json<PersonPage>> {
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
    if let Some(n) = &q.nationality {
        if !crate::codelists::repo::is_known(&mut conn, "countries", n).await? {
            return Err(ApiError::validation(
                "nationality",
                "unknown_code",
                "is not in the countries code list",
            ));
        }
    }
    let actor = Actor::user(&auth, &meta);
    let details = json!({ "q": text, "document": q.document, "nationality": q.nationality, "birth_year": q.birth_year });
    let filter = repo::Filter {
        q: text,
        document: q.document.filter(|d| !d.trim().is_empty()),
        nationality: q.nationality,
        birth_year: q.birth_year,
        after,
        limit,
    };
    let rows = conn
        .transaction(async |conn| {
            let rows = repo::list(conn, filter).await?;
            let ids: Vec<Uuid> = rows
                .iter()
                .take(limit as usize)
                .map(|(p, _)| p.id)
                .collect();
            let mut details = details;
            details["returned"] = json!(ids);
            record(conn, &actor, Event::new("person.search").details(details)).await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let mut items = Vec::new();
    let mut last = None;
    for (person, key) in rows.into_iter().take(limit as usize) {
        last = Some((key, person.id));
        items.push(person);
    }
    let next_cursor = if has_more {
        last.map(|l| pagination::encode_cursor(&l))
    } else {
        None
    };
    Ok(web::Json(PersonPage { items, next_cursor }))
}

/// Registers a person.
#[utoipa::path(
    tag = TAG,
    request_body = PersonInput,
    responses(
        (status = 201, body = PersonDetail),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/persons")]
async fn create_person(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<PersonInput>,
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
                Event::new("person.create").object("person", id),
            )
            .await?;
            detail(conn, id).await
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::CREATED, d))
}

/// One person, with every case they appear in and their role there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = PersonDetail),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/persons/{id}")]
async fn get_person(
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
            record(conn, &actor, Event::new("person.read").object("person", id)).await?;
            Ok::<_, ApiError>(d)
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, d))
}

/// Corrects a person: a JSON merge patch of `PersonInput` (send only what changes; `null`
/// clears a field; lists are replaced whole). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The person's current version")),
    request_body(content = PersonInput, description = "JSON merge patch (RFC 7396) of the person"),
    responses(
        (status = 200, body = PersonDetail),
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
#[patch("/persons/{id}")]
async fn update_person(
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
                Event::new("person.update")
                    .object("person", id)
                    .details(json!({ "fields": fields })),
            )
            .await?;
            detail(conn, id).await
        })
        .await?;
    Ok(respond(actix_web::http::StatusCode::OK, d))
}
