use super::chain::{self, EventRow, VerifyReport};
use super::dto::{AuditEventDto, AuditPage, AuditQuery};
use super::{record, Actor, Event};
use crate::auth::{AuthUser, Permission};
use crate::db::schema::audit_events;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::pagination;
use crate::state::AppState;
use actix_web::{get, web};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "audit";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_audit).service(verify_audit);
}

/// Audit trail, newest first.
#[utoipa::path(
    tag = TAG,
    params(AuditQuery),
    responses(
        (status = 200, body = AuditPage),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/audit")]
async fn list_audit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<AuditQuery>,
) -> ApiResult<web::Json<AuditPage>> {
    auth.require(Permission::AuditRead)?;
    let q = query.into_inner();
    let limit = pagination::limit(q.limit)?;
    let before: Option<i64> = pagination::decode_cursor(q.cursor.as_deref())?;
    if let Some(outcome) = &q.outcome {
        if !["success", "failure", "denied", "throttled"].contains(&outcome.as_str()) {
            return Err(ApiError::validation(
                "outcome",
                "unknown_code",
                "is not a known outcome",
            ));
        }
    }
    let actor = Actor::user(&auth, &meta);
    let mut conn = state.conn().await?;
    let rows = conn
        .transaction(async |conn| {
            let mut query = audit_events::table
                .select(EventRow::as_select())
                .into_boxed();
            if let Some(actor) = &q.actor {
                match uuid::Uuid::parse_str(actor) {
                    Ok(id) => query = query.filter(audit_events::actor_id.eq(id)),
                    Err(_) => query = query.filter(audit_events::actor_username.eq(actor.clone())),
                }
            }
            if let Some(action) = &q.action {
                if action.ends_with('.') {
                    query = query
                        .filter(audit_events::action.like(format!("{}%", escape_like(action))));
                } else {
                    query = query.filter(audit_events::action.eq(action.clone()));
                }
            }
            if let Some(v) = &q.object_type {
                query = query.filter(audit_events::object_type.eq(v.clone()));
            }
            if let Some(v) = &q.object_id {
                query = query.filter(audit_events::object_id.eq(v.clone()));
            }
            if let Some(v) = &q.outcome {
                query = query.filter(audit_events::outcome.eq(v.clone()));
            }
            if let Some(from) = q.from {
                query = query.filter(audit_events::occurred_at.ge(from));
            }
            if let Some(to) = q.to {
                query = query.filter(audit_events::occurred_at.lt(to));
            }
            if let Some(before) = before {
                query = query.filter(audit_events::id.lt(before));
            }
            let rows: Vec<EventRow> = query
                .order(audit_events::id.desc())
                .limit(limit + 1)
                .load(conn)
                .await?;
            // Reading the audit trail is itself an access to personal data (who did what).
            record(
                conn,
                &actor,
                Event::new("audit.read")
                    .details(serde_json::json!({ "returned": rows.len().min(limit as usize) })),
            )
            .await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let mut items: Vec<AuditEventDto> = rows
        .into_iter()
        .take(limit as usize)
        .map(AuditEventDto::from)
        .collect();
    let next_cursor = if has_more {
        items.last().map(|e| pagination::encode_cursor(&e.id))
    } else {
        None
    };
    items.shrink_to_fit();
    Ok(web::Json(AuditPage { items, next_cursor }))
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Verifies the audit hash chain and names the first broken row.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = VerifyReport),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/audit/verify")]
async fn verify_audit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
) -> ApiResult<web::Json<VerifyReport>> {
    auth.require(Permission::AuditRead)?;
    let mut conn = state.conn().await?;
    let report = chain::verify(&mut conn).await?;
    let actor = Actor::user(&auth, &meta);
    let details = serde_json::json!({ "ok": report.ok, "checked": report.checked });
    record(
        &mut conn,
        &actor,
        Event::new("audit.verify").details(details),
    )
    .await?;
    Ok(web::Json(report))
}
