//! Status changes (`draft → submitted → validated`, reopen back to draft) and the history.

use super::dto::{CaseDto, HistoryEntry, HistoryList, ReopenInput};
use super::handlers::respond;
use super::repo::Change;
use super::{read, repo, require_own_unit, TAG};
use crate::audit::{record, Actor, Event};
use crate::auth::{AuthUser, Permission};
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::expected_version;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use serde_json::json;
use uuid::Uuid;

struct Transition {
    action: &'static str,
    permission: Permission,
    from: &'static [&'static str],
    to: &'static str,
    refusal: &'static str,
}

const SUBMIT: Transition = Transition {
    action: "submit",
    permission: Permission::SeizuresWrite,
    from: &["draft"],
    to: "submitted",
    refusal: "only a draft can be submitted",
};
const VALIDATE: Transition = Transition {
    action: "validate",
    permission: Permission::SeizuresValidate,
    from: &["submitted"],
    to: "validated",
    refusal: "only a submitted case can be validated",
};
const REOPEN: Transition = Transition {
    action: "reopen",
    permission: Permission::SeizuresValidate,
    from: &["submitted", "validated"],
    to: "draft",
    refusal: "only a submitted or validated case can be reopened",
};

async fn transition(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    req: &HttpRequest,
    id: Uuid,
    t: &Transition,
    reason: Option<String>,
) -> ApiResult<HttpResponse> {
    auth.require(t.permission)?;
    let expected = expected_version(req)?;
    let actor = Actor::user(auth, meta);
    let mut conn = state.conn().await?;
    let case: CaseDto = conn
        .transaction(async |conn| {
            let row = read::find_row(conn, id).await?;
            require_own_unit(auth, &row)?;
            if row.version != expected {
                return Err(ApiError::PreconditionFailed);
            }
            if !t.from.contains(&row.status.as_str()) {
                return Err(ApiError::Conflict(format!(
                    "{} (the case is {})",
                    t.refusal, row.status
                )));
            }
            let version = repo::set_status(conn, id, expected, t.to, auth.id).await?;
            let changes = json!({ "status": { "old": row.status, "new": t.to } });
            let change = Change {
                case_id: id,
                version,
                action: t.action,
                reason: reason.as_deref(),
                changes,
            };
            repo::add_history(conn, &actor, change).await?;
            let details = json!({ "from": row.status, "to": t.to, "reason": reason });
            let event = Event::new(match t.action {
                "submit" => "seizure.submit",
                "validate" => "seizure.validate",
                _ => "seizure.reopen",
            });
            record(conn, &actor, event.object("seizure", id).details(details)).await?;
            let loaded = read::load(conn, id).await?;
            read::to_dto(conn, loaded).await
        })
        .await?;
    Ok(respond(StatusCode::OK, case))
}

/// Submits a draft for validation (the reporting unit). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    responses(
        (status = 200, body = CaseDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not a draft"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/submit")]
pub(super) async fn submit_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    transition(&state, &auth, &meta, &req, id.into_inner(), &SUBMIT, None).await
}

/// Validates a submitted case, which locks it (a supervisor of the reporting unit).
/// Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    responses(
        (status = 200, body = CaseDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not submitted"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/validate")]
pub(super) async fn validate_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    transition(&state, &auth, &meta, &req, id.into_inner(), &VALIDATE, None).await
}

/// Returns a submitted or validated case to draft so it can be changed (a supervisor of
/// the reporting unit, with a reason kept in the history). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body = ReopenInput,
    responses(
        (status = 200, body = CaseDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already a draft"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures/{id}/reopen")]
pub(super) async fn reopen_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<ReopenInput>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::SeizuresValidate)?;
    let reason = body.into_inner().reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(ApiError::validation(
            "reason",
            "length",
            "must be 1–1000 characters long",
        ));
    }
    transition(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        &REOPEN,
        Some(reason),
    )
    .await
}

/// Every change to the case, oldest first: who, when, the version it produced, and each
/// changed field with its old and new value.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = HistoryList),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/seizures/{id}/history")]
pub(super) async fn case_history(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<HistoryList>> {
    auth.require(Permission::SeizuresRead)?;
    let id = id.into_inner();
    let actor = Actor::user(&auth, &meta);
    let mut conn = state.conn().await?;
    let rows = conn
        .transaction(async |conn| {
            read::find_row(conn, id).await?;
            let rows = read::history(conn, id).await?;
            record(
                conn,
                &actor,
                Event::new("seizure.history_read").object("seizure", id),
            )
            .await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|r| HistoryEntry {
            id: r.id,
            version: r.version,
            action: r.action,
            actor_id: r.actor_id,
            actor_username: r.actor_username,
            at: r.at,
            reason: r.reason,
            changes: r.changes,
        })
        .collect();
    Ok(web::Json(HistoryList { items }))
}
