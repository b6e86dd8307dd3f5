//! The person register (nominal data): every read and search is audited.

use super::{Purpose, Search};
use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::error::Problem;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Throttled};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use diesel_async::AsyncPgConnection;
use ncen_core::export::FileFormat;
use ncen_core::registers::persons::dto::{
    PersonDto, PersonInput, PersonListItem, PersonPage, PersonQuery,
};
use ncen_core::registers::persons::{repo, Persons};
use ncen_core::screening::duplicates::{self, DuplicateList};

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
    export: export_persons at "/persons/export/{format}",
    sheet: "Persons",
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
    conflicts: [(status = 409, body = Problem, content_type = "application/problem+json", description = "Correcting a record merged into another (correct the survivor)")],
}

/// Before registering a person: the existing persons the matching engine finds likely to be
/// the same (a name in another script, order or spelling; a document number written
/// differently), from the review threshold up, best first, each with its score, its
/// explanation and what it shares (a warning with links, never a refusal; at most 20). The body is the person about to be created; nothing is stored. Audited
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
    let list = duplicates::persons(
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
    q: PersonQuery,
    purpose: Purpose<'_>,
    review: f64,
) -> ApiResult<Search<repo::Filter>> {
    let start = super::search_start(purpose, q.sort, q.q.clone(), true)?;
    super::prepare::<Persons>(conn, q, start, review).await
}

/// Persons by name (spelling-, accent-, order- and script-tolerant), document, phone or
/// e-mail, nationality, country or date of birth; ordered by name or by last case.
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
        super::search::<Persons>(&mut conn, watch, &auth, &meta, search).await?;
    let items = rows
        .into_iter()
        .map(|r| PersonListItem {
            person: r.record,
            last_case_at: r.last_case_at,
        })
        .collect();
    Ok(web::Json(PersonPage { items, next_cursor }))
}

/// The persons the list shows with the same filters and order, as a CSV or XLSX file
/// (`limit` and `cursor` are ignored: every match, up to `NCEN_EXPORT_MAX_ROWS`; more is
/// refused with `too_many_rows`). Audited like the list (`person.export`, with every id).
#[utoipa::path(
    tag = TAG,
    params(("format" = FileFormat, Path), PersonQuery),
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
#[get("/persons/export/{format}")]
async fn export_persons(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    format: web::Path<FileFormat>,
    query: web::Query<PersonQuery>,
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
    super::export::<Persons>(&state, &auth, &meta, format.into_inner(), search).await
}
