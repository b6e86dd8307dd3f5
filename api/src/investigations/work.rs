//! The work on an investigation: its links, tasks, journal and timeline.

use super::handlers::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::investigations::journal::{self, Journal, JournalEntry, JournalInput, JournalQuery};
use ncen_core::investigations::links::{self, LinkDto, LinkInput, LinkList};
use ncen_core::investigations::tasks::{self, FromTemplates, TaskDto, TaskInput, TaskList};
use ncen_core::investigations::timeline::{self, Timeline, TimelineQuery};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_links)
        .service(add_link)
        .service(remove_link)
        .service(list_tasks)
        .service(add_task)
        .service(add_template_tasks)
        .service(update_task)
        .service(list_journal)
        .service(add_journal_entry)
        .service(download_journal_file)
        .service(journal_file_thumbnail)
        .service(get_timeline);
}

/// What the investigation is about, oldest link first, each with its role, note and label
/// (audited: they name persons).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = LinkList), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/links")]
async fn list_links(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<LinkList>> {
    let mut conn = state.conn().await?;
    let list = links::list(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(web::Json(list))
}

/// Links a seizure case, person, company, conveyance, alert, hit or other investigation that
/// the caller may see (any team member). A target the caller may not see is `not_found`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = LinkInput,
    responses(
        (status = 201, body = LinkDto),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already linked, or closed"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/links")]
async fn add_link(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<LinkInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let link = links::add(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(link))
}

/// Removes a link (the lead or a supervisor); the timeline keeps that it was there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("link_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Removed"),
        Denied, NotFound,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[delete("/investigations/{id}/links/{link_id}")]
async fn remove_link(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, link) = path.into_inner();
    let mut conn = state.conn().await?;
    links::remove(&mut conn, &auth, &meta.actor(&auth), id, link).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The tasks: open ones first by due date, then the done and cancelled (audited).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = TaskList), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/tasks")]
async fn list_tasks(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TaskList>> {
    let mut conn = state.conn().await?;
    let list = tasks::list(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(web::Json(list))
}

/// Adds a task (the lead or a supervisor); its assignee must be on the team.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = TaskInput,
    responses(
        (status = 201, body = TaskDto),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/tasks")]
async fn add_task(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<TaskInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let task = tasks::create(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(task.version))
        .json(task))
}

/// Adds the tasks an offence type usually needs (code list `task_templates`), titled in the
/// language asked, due as each template says; a template already used here is skipped.
/// Answers the tasks added.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = FromTemplates,
    responses(
        (status = 201, body = TaskList),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/tasks/from-templates")]
async fn add_template_tasks(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<FromTemplates>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let added =
        tasks::from_templates(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(added))
}

/// Corrects a task (JSON merge patch): the lead and supervisors change anything; its assignee
/// moves its status (but not to `cancelled`) and ticks its checklist. Needs `If-Match` (the
/// task's version).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("task_id" = Uuid, Path), ("If-Match" = String, Header, description = "The task's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the task",
        content((TaskInput = "application/merge-patch+json"), (TaskInput = "application/json"))
    ),
    responses(
        (status = 200, body = TaskDto),
        Malformed, Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[patch("/investigations/{id}/tasks/{task_id}")]
async fn update_task(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let (id, task) = path.into_inner();
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let task = tasks::update(
        &mut conn,
        &auth,
        &actor,
        id,
        task,
        expected,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(task.version))
        .json(task))
}

async fn serve_journal_file(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    (id, file): (Uuid, Uuid),
    thumbnail: bool,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(auth);
    let (row, media_type, bytes) =
        journal::file(&mut conn, &state.storage, auth, &actor, id, file, thumbnail).await?;
    Ok(crate::http::files::download(
        row.id,
        row.original_filename.as_deref(),
        &media_type,
        thumbnail,
        bytes,
    ))
}

/// Downloads a file of the journal (audited): whoever may read the journal; anyone else, or a
/// file that is not this investigation's, gets 404.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("file_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The file, as stored (its type was read from the content)",
         content((Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "image/webp"),
                 (Vec<u8> = "application/pdf"))),
        Denied, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/journal-files/{file_id}/content")]
async fn download_journal_file(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    serve_journal_file(&state, &auth, &meta, path.into_inner(), false).await
}

/// A JPEG thumbnail of a journal image (audited); 404 for a PDF.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("file_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg", body = Vec<u8>),
        Denied, NotFound
    ),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/journal-files/{file_id}/thumbnail")]
async fn journal_file_thumbnail(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    serve_journal_file(&state, &auth, &meta, path.into_inner(), true).await
}

/// The journal in the order written, with each entry's corrections (audited).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), JournalQuery),
    responses((status = 200, body = Journal), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/journal")]
async fn list_journal(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<JournalQuery>,
) -> ApiResult<web::Json<Journal>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let list = journal::list(&mut conn, &auth, &actor, id.into_inner(), q.into_inner()).await?;
    Ok(web::Json(list))
}

/// Writes a journal entry (any team member). Entries are never changed: a correction is a new
/// entry naming the one it corrects (`corrects_id`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = JournalInput,
    responses(
        (status = 201, body = JournalEntry),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/journal")]
async fn add_journal_entry(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<JournalInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let entry = journal::add(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(entry))
}

/// Everything that happened to the investigation, in order: transitions with their reasons,
/// the team, links, tasks, journal entries (audited). Filter by `kinds`; `order=desc` for the
/// newest first.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), TimelineQuery),
    responses((status = 200, body = Timeline), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/investigations/{id}/timeline")]
async fn get_timeline(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<TimelineQuery>,
) -> ApiResult<web::Json<Timeline>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let list = timeline::list(&mut conn, &auth, &actor, id.into_inner(), q.into_inner()).await?;
    Ok(web::Json(list))
}
