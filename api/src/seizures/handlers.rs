//! Create, read, update and list cases.

use super::document::{self, Read};
use super::dto::{CaseDto, CaseInput, CasePage, CaseQuery};
use super::repo::{Change, NewCase};
use super::{check, read, repo, require_editable, TAG};
use crate::audit::{record, Actor, Event};
use crate::auth::{AuthUser, Permission, SessionToken};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::{merge_patch, pagination};
use crate::registers::from_json;
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, Utc};
use diesel_async::AsyncConnection;
use serde_json::json;
use uuid::Uuid;

pub(super) fn respond(status: StatusCode, case: CaseDto) -> HttpResponse {
    let mut res = HttpResponse::build(status);
    res.insert_header(etag(case.version));
    if status == StatusCode::CREATED {
        res.insert_header(("Location", format!("/api/v1/seizures/{}", case.id)));
    }
    res.json(case)
}

pub(super) fn input_json(input: &CaseInput) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(input).map_err(ApiError::internal)
}

/// Names of the fields a change touched (for the audit row, which copies no values).
pub(super) fn field_names(changes: &serde_json::Value) -> Vec<String> {
    changes
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Records a case (as a draft of the caller's unit). Linked persons, companies and
/// conveyances are existing records (`person_id`…) or created inline (`person`…).
#[utoipa::path(
    tag = TAG,
    request_body = CaseInput,
    responses(
        (status = 201, body = CaseDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "An inline conveyance is already registered"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/seizures")]
pub(super) async fn create_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CaseInput>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::SeizuresWrite)?;
    let mut conn = state.conn().await?;
    let plan = check::check(&mut conn, body.into_inner()).await?;
    let actor = Actor::user(&auth, &meta);
    let id = Uuid::now_v7();
    let country = state.settings.country.clone();
    let case = conn
        .transaction(async |conn| {
            let reference = repo::next_reference(conn, &country, Utc::now().year()).await?;
            let new = NewCase {
                id,
                reference: &reference,
                unit_id: auth.unit_id,
                user_id: auth.id,
            };
            repo::insert(conn, new, plan, &actor).await?;
            let loaded = read::load(conn, id).await?;
            let changes = merge_patch::diff(&json!({}), &input_json(&loaded.input())?);
            let change = Change {
                case_id: id,
                version: 1,
                action: "create",
                reason: None,
                changes,
            };
            repo::add_history(conn, &actor, change).await?;
            let event = Event::new("seizure.create")
                .object("seizure", id)
                .details(json!({ "reference": reference }));
            record(conn, &actor, event).await?;
            read::to_dto(conn, loaded).await
        })
        .await?;
    Ok(respond(StatusCode::CREATED, case))
}

/// The whole case: goods, route, concealment and linked records.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = CaseDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/seizures/{id}")]
pub(super) async fn get_case(
    state: web::Data<AppState>,
    token: SessionToken,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    // The session, the role (`SeizuresRead`) and the case are checked by the statement itself.
    let mut conn = state.conn().await?;
    match document::read_audited(&mut conn, id.into_inner(), &token.claims, &meta).await? {
        Read::Unauthenticated => Err(ApiError::Unauthenticated),
        Read::Forbidden => Err(ApiError::Forbidden),
        Read::NotFound => Err(ApiError::NotFound),
        Read::Found(case) => Ok(HttpResponse::Ok()
            .insert_header(etag(case.version))
            .content_type("application/json")
            .body(case.json)),
    }
}

/// Changes a case: a JSON merge patch of `CaseInput` (send only what changes; `null`
/// clears a field; `goods`, `route`, `persons`, `companies`, `conveyances` and
/// `detection_methods` are replaced whole). Needs `If-Match`. Drafts: the reporting unit's
/// officers and supervisors; submitted cases: its supervisors; validated cases: reopen first.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The case's current version")),
    request_body(content = CaseInput, description = "JSON merge patch (RFC 7396) of the case"),
    responses(
        (status = 200, body = CaseDto),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "Another unit's case"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The case is submitted or validated"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/seizures/{id}")]
pub(super) async fn update_case(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::SeizuresWrite)?;
    let id = id.into_inner();
    let expected = expected_version(&req)?;
    if !body.is_object() {
        return Err(ApiError::BadRequest(
            "the body must be a JSON object".into(),
        ));
    }
    let actor = Actor::user(&auth, &meta);
    let mut conn = state.conn().await?;
    let case = conn
        .transaction(async |conn| {
            let loaded = read::load(conn, id).await?;
            require_editable(&auth, &loaded.case)?;
            if loaded.case.version != expected {
                return Err(ApiError::PreconditionFailed);
            }
            let old = input_json(&loaded.input())?;
            let mut merged = old.clone();
            merge_patch::apply(&mut merged, &body);
            let plan = check::check(conn, from_json(merged)?).await?;
            repo::update(conn, id, expected, plan, auth.id, &actor).await?;
            let loaded = read::load(conn, id).await?;
            let changes = merge_patch::diff(&old, &input_json(&loaded.input())?);
            let fields = field_names(&changes);
            let change = Change {
                case_id: id,
                version: loaded.case.version,
                action: "update",
                reason: None,
                changes,
            };
            repo::add_history(conn, &actor, change).await?;
            let event = Event::new("seizure.update")
                .object("seizure", id)
                .details(json!({ "fields": fields }));
            record(conn, &actor, event).await?;
            read::to_dto(conn, loaded).await
        })
        .await?;
    Ok(respond(StatusCode::OK, case))
}

/// Cases by date (newest first by default), filtered; keyset-paginated.
#[utoipa::path(
    tag = TAG,
    params(CaseQuery),
    responses(
        (status = 200, body = CasePage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/seizures")]
pub(super) async fn list_cases(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<CaseQuery>,
) -> ApiResult<web::Json<CasePage>> {
    auth.require(Permission::SeizuresRead)?;
    let q = query.into_inner();
    let limit = pagination::limit(q.limit)?;
    let after: Option<(DateTime<Utc>, Uuid)> = pagination::decode_cursor(q.cursor.as_deref())?;
    let mut conn = state.conn().await?;
    let mut errors: Vec<FieldError> = Vec::new();
    for (field, list, value) in [
        ("commodity_group", "commodity_groups", &q.commodity_group),
        ("commodity_type", "commodity_types", &q.commodity_type),
        ("detection_method", "detection_methods", &q.detection_method),
        (
            "concealment_method",
            "concealment_methods",
            &q.concealment_method,
        ),
        ("location_type", "location_types", &q.location_type),
        ("direction", "directions", &q.direction),
        ("route_country", "countries", &q.route_country),
        ("conveyance_type", "conveyance_types", &q.conveyance_type),
    ] {
        if let Some(code) = value {
            if !crate::codelists::repo::is_known(&mut conn, list, code).await? {
                let message = format!("is not in the {list} code list");
                errors.push(FieldError::new(field, "unknown_code", message));
            }
        }
    }
    if let (Some(from), Some(to)) = (q.from, q.to) {
        if to <= from {
            errors.push(FieldError::new("to", "order", "must be after from"));
        }
    }
    let text =
        q.q.as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
    if text.as_ref().is_some_and(|t| t.chars().count() > 200) {
        errors.push(FieldError::new(
            "q",
            "length",
            "must be at most 200 characters long",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let lower = |v: Option<super::dto::CaseKind>| v.map(|k| format!("{k:?}").to_lowercase());
    let status = q.status.map(|s| format!("{s:?}").to_lowercase());
    let details = json!({
        "from": q.from, "to": q.to, "kind": lower(q.kind), "status": status, "unit_id": q.unit_id,
        "commodity_group": q.commodity_group, "commodity_type": q.commodity_type,
        "detection_method": q.detection_method, "concealment_method": q.concealment_method,
        "location_type": q.location_type, "direction": q.direction, "route_country": q.route_country,
        "conveyance_type": q.conveyance_type, "person_id": q.person_id, "company_id": q.company_id,
        "conveyance_id": q.conveyance_id, "q": text,
    });
    let filter = read::Filter {
        from: q.from,
        to: q.to,
        kind: lower(q.kind),
        status,
        unit_id: q.unit_id,
        commodity_group: q.commodity_group,
        commodity_type: q.commodity_type,
        detection_method: q.detection_method,
        concealment_method: q.concealment_method,
        location_type: q.location_type,
        direction: q.direction,
        route_country: q.route_country,
        conveyance_type: q.conveyance_type,
        person_id: q.person_id,
        company_id: q.company_id,
        conveyance_id: q.conveyance_id,
        q: text,
        order: q.order.unwrap_or_default(),
        after,
        limit,
    };
    let actor = Actor::user(&auth, &meta);
    let rows = conn
        .transaction(async |conn| {
            let rows = read::list(conn, filter).await?;
            let ids: Vec<Uuid> = rows.iter().take(limit as usize).map(|c| c.id).collect();
            let mut details = details;
            details["returned"] = json!(ids);
            record(conn, &actor, Event::new("seizure.list").details(details)).await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let has_more = rows.len() as i64 > limit;
    let items: Vec<_> = rows.into_iter().take(limit as usize).collect();
    let next_cursor = if has_more {
        items
            .last()
            .map(|c| pagination::encode_cursor(&(c.detected_at, c.id)))
    } else {
        None
    };
    Ok(web::Json(CasePage { items, next_cursor }))
}
