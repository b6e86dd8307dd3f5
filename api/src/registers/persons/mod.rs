//! The person register (nominal data): every read and search is audited.

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
use ncen_core::registers::persons::dto::{PersonDto, PersonInput, PersonPage, PersonQuery};
use ncen_core::registers::persons::{repo, Persons};
use ncen_core::seizures::links::{CaseAppearance, Party};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "persons";

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/api/v1/persons", Access::Requires(P::RegistersRead)),
        rule(
            "POST",
            "/api/v1/persons",
            Access::Requires(P::RegistersWrite),
        ),
        rule(
            "GET",
            "/api/v1/persons/{id}",
            Access::Requires(P::RegistersRead),
        ),
        rule(
            "PATCH",
            "/api/v1/persons/{id}",
            Access::Requires(P::RegistersWrite),
        ),
    ],
};

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_persons)
        .service(create_person)
        .service(get_person)
        .service(update_person);
}

/// A person with every case they appear in.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonDetail {
    #[serde(flatten)]
    pub person: PersonDto,
    pub cases: Vec<CaseAppearance>,
}

impl Served for Persons {
    const COLLECTION: &'static str = "persons";
    const PARTY: Party = Party::Person;
    type Detail = PersonDetail;
    fn detail(record: Self::Record, cases: Vec<CaseAppearance>) -> PersonDetail {
        PersonDetail {
            person: record,
            cases,
        }
    }
}

/// Persons by name (spelling-, accent-, order- and script-tolerant), document, nationality
/// or year of birth; ordered by name.
#[utoipa::path(
    tag = TAG,
    params(PersonQuery),
    responses(
        (status = 200, body = PersonPage),
        Denied, Invalid,
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
    let q = query.into_inner();
    let (limit, after, text) = super::search_start(q.limit, q.cursor.as_deref(), q.q)?;
    let mut conn = state.conn().await?;
    require_known(
        &mut conn,
        &[("nationality", "countries", q.nationality.as_deref())],
    )
    .await?;
    let details = json!({ "q": text, "document": q.document, "nationality": q.nationality, "birth_year": q.birth_year });
    let filter = repo::Filter {
        q: text,
        document: q.document.filter(|d| !d.trim().is_empty()),
        nationality: q.nationality,
        birth_year: q.birth_year,
        after,
        limit,
    };
    let (rows, next_cursor) =
        super::search::<Persons>(&mut conn, &auth, &meta, limit, details, filter).await?;
    let items = rows.into_iter().map(|(p, _)| p).collect();
    Ok(web::Json(PersonPage { items, next_cursor }))
}

/// Registers a person.
#[utoipa::path(
    tag = TAG,
    request_body = PersonInput,
    responses(
        (status = 201, body = PersonDetail),
        Denied, Invalid,
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
    super::create::<Persons>(&state, &auth, &meta, body.into_inner()).await
}

/// One person, with every case they appear in and their role there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = PersonDetail),
        Denied, NotFound,
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
    super::get::<Persons>(&state, &auth, &meta, id.into_inner()).await
}

/// Corrects a person: a JSON merge patch of `PersonInput` (send only what changes; `null`
/// clears a field; lists are replaced whole). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The person's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the person: only what changes; `null` clears",
        content((PersonInput = "application/merge-patch+json"), (PersonInput = "application/json"))
    ),
    responses(
        (status = 200, body = PersonDetail),
        Malformed, Denied, NotFound, Conditional, Invalid,
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
    super::update::<Persons>(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        body.into_inner(),
    )
    .await
}
