//! The person register (nominal data): every read and search is audited.

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Throttled};
use crate::state::AppState;
use actix_web::{get, patch, post, web};
use ncen_core::codelists::repo::require_known;
use ncen_core::registers::duplicates::{self, DuplicateList};
use ncen_core::registers::persons::dto::{PersonDto, PersonInput, PersonPage, PersonQuery};
use ncen_core::registers::persons::{repo, Persons};
use serde_json::json;

pub const TAG: &str = "persons";

super::register_module! {
    register: Persons,
    party: Person,
    collection: "/persons",
    item: "/persons/{id}",
    /// A person with every case they appear in.
    detail: PersonDetail { person: PersonDto },
    input: PersonInput,
    list: list_persons,
    /// Registers a person.
    create: create_person,
    /// One person, with every case they appear in and their role there.
    get: get_person,
    /// Every change to the person, oldest first, with its old → new values (who, when, which
    /// fields). Reading it is audited.
    history: person_history at "/persons/{id}/history",
    /// Corrects a person: a JSON merge patch of `PersonInput` (send only what changes; `null`
    /// clears a field; lists are replaced whole). Needs `If-Match`.
    /// A record that a validated case of another unit links is corrected only by a supervisor
    /// of a unit whose validated case links it (403 `validated_elsewhere`); every case that
    /// links the record takes a new version and a `record_update` history entry.
    update: update_person {
        version: "The person's current version",
        patch: "JSON merge patch (RFC 7396) of the person: only what changes; `null` clears",
    },
    duplicates: person_duplicates at "/persons/duplicates",
    conflicts: [],
}

/// Before registering a person: the existing persons that carry one of its document numbers,
/// or have exactly its name and date of birth (a warning with links, never a refusal; at most
/// 20). The body is the person about to be created; nothing is stored. Audited
/// (`person.check_duplicates`, with the ids it showed).
#[utoipa::path(
    tag = TAG,
    request_body = PersonInput,
    responses((status = 200, body = DuplicateList), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/persons/duplicates")]
async fn person_duplicates(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<PersonInput>,
) -> ApiResult<web::Json<DuplicateList>> {
    let mut conn = state.conn().await?;
    let list = duplicates::persons(&mut conn, &meta.actor(&auth), &body).await?;
    Ok(web::Json(list))
}

/// Persons by name (spelling-, accent-, order- and script-tolerant), document, nationality
/// or year of birth; ordered by name.
#[utoipa::path(
    tag = TAG,
    params(PersonQuery),
    responses(
        (status = 200, body = PersonPage),
        Denied, Invalid, Throttled,
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
    let (rows, next_cursor) = super::search::<Persons>(
        &mut conn,
        state.settings.read_watch(),
        &auth,
        &meta,
        limit,
        details,
        filter,
    )
    .await?;
    let items = rows.into_iter().map(|(p, _)| p).collect();
    Ok(web::Json(PersonPage { items, next_cursor }))
}
