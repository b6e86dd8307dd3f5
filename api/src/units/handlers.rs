use super::dto::{CreateUnit, UnitDto, UnitList, UpdateUnit};
use super::model::{NewUnit, UnitChanges};
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::auth::{AuthUser, Permission};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::validation::field_errors;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;
use validator::Validate;

pub const TAG: &str = "units";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_units)
        .service(create_unit)
        .service(get_unit)
        .service(update_unit);
}

fn valid_code(code: &str) -> bool {
    let first = code
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    first
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'))
}

fn valid_unlocode(s: &str) -> bool {
    s.len() == 5
        && s[..2].chars().all(|c| c.is_ascii_uppercase())
        && s[2..]
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='9').contains(&c))
}

/// Checks the fields shared by create and update; returns field errors.
async fn check_fields(
    conn: &mut AsyncPgConnection,
    code: Option<&str>,
    location_type: Option<&str>,
    unlocode: Option<&str>,
) -> Result<Vec<FieldError>, ApiError> {
    let mut errors = Vec::new();
    if let Some(code) = code {
        if !valid_code(code) {
            errors.push(FieldError::new(
                "code",
                "format",
                "use upper-case letters, digits, '_', '.' or '-'",
            ));
        }
    }
    if let Some(lt) = location_type {
        if !repo::location_type_exists(conn, lt).await? {
            errors.push(FieldError::new(
                "location_type",
                "unknown_code",
                "is not in the location_types code list",
            ));
        }
    }
    if let Some(lo) = unlocode {
        if !valid_unlocode(lo) {
            errors.push(FieldError::new(
                "unlocode",
                "format",
                "must be a UN/LOCODE such as FRPAR",
            ));
        }
    }
    Ok(errors)
}

/// Every unit (flat list; `parent_id` gives the tree).
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = UnitList),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/units")]
async fn list_units(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<web::Json<UnitList>> {
    auth.require(Permission::UnitsRead)?;
    let mut conn = state.conn().await?;
    let items = repo::list(&mut conn)
        .await?
        .into_iter()
        .map(UnitDto::from)
        .collect();
    Ok(web::Json(UnitList { items }))
}

/// Creates a unit.
#[utoipa::path(
    tag = TAG,
    request_body = CreateUnit,
    responses(
        (status = 201, body = UnitDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Code taken"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/units")]
async fn create_unit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CreateUnit>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UnitsManage)?;
    let body = body.into_inner();
    let code = body.code.trim().to_uppercase();
    let mut conn = state.conn().await?;
    let mut errors = body
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default();
    errors.extend(
        check_fields(
            &mut conn,
            Some(&code),
            body.location_type.as_deref(),
            body.unlocode.as_deref(),
        )
        .await?,
    );
    if let Some(parent) = body.parent_id {
        if repo::find(&mut conn, parent).await?.is_none() {
            errors.push(FieldError::new("parent_id", "not_found", "no such unit"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let actor = Actor::user(&auth, &meta);
    let new = NewUnit {
        id: Uuid::now_v7(),
        code,
        name: body.name.trim().to_string(),
        parent_id: body.parent_id,
        location_type: body.location_type,
        unlocode: body.unlocode,
    };
    let row = conn
        .transaction(async |conn| {
            let row = repo::insert(conn, new).await.map_err(|e| match ApiError::from(e) {
                ApiError::Conflict(_) => ApiError::Conflict("this unit code is already used".into()),
                other => other,
            })?;
            let details = serde_json::json!({ "code": row.code, "name": row.name, "parent_id": row.parent_id });
            record(conn, &actor, Event::new("unit.create").object("unit", row.id).details(details)).await?;
            Ok::<_, ApiError>(row)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(row.version))
        .insert_header(("Location", format!("/api/v1/units/{}", row.id)))
        .json(UnitDto::from(row)))
}

/// One unit.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = UnitDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/units/{id}")]
async fn get_unit(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UnitsRead)?;
    let mut conn = state.conn().await?;
    let row = repo::find(&mut conn, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(UnitDto::from(row)))
}

/// Renames, re-codes or moves a unit. Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The unit's current version")),
    request_body = UpdateUnit,
    responses(
        (status = 200, body = UnitDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Code taken, or the move would make a cycle"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/units/{id}")]
async fn update_unit(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<UpdateUnit>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::UnitsManage)?;
    let id = id.into_inner();
    let body = body.into_inner();
    let code = body.code.as_ref().map(|c| c.trim().to_uppercase());
    let mut conn = state.conn().await?;
    let mut errors = body
        .validate()
        .err()
        .map(|e| field_errors(&e))
        .unwrap_or_default();
    let lt = body.location_type.clone().flatten();
    let lo = body.unlocode.clone().flatten();
    errors.extend(check_fields(&mut conn, code.as_deref(), lt.as_deref(), lo.as_deref()).await?);
    if let Some(Some(parent)) = body.parent_id {
        if repo::find(&mut conn, parent).await?.is_none() {
            errors.push(FieldError::new("parent_id", "not_found", "no such unit"));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let expected = expected_version(&req)?;
    let actor = Actor::user(&auth, &meta);
    let details = serde_json::json!({
        "code": code, "name": body.name, "parent_id": body.parent_id, "location_type": body.location_type, "unlocode": body.unlocode,
    });
    let changes = UnitChanges {
        code,
        name: body.name.map(|n| n.trim().to_string()),
        parent_id: body.parent_id,
        location_type: body.location_type,
        unlocode: body.unlocode,
    };
    let new_parent = changes.parent_id.flatten();
    let row = conn
        .transaction(async |conn| {
            if let Some(parent) = new_parent {
                if repo::is_self_or_descendant(conn, id, parent).await? {
                    return Err(ApiError::Conflict(
                        "a unit cannot be moved under itself or one of its sub-units".into(),
                    ));
                }
            }
            let row = repo::update(conn, id, expected, changes)
                .await
                .map_err(|e| match e {
                    ApiError::Conflict(_) => {
                        ApiError::Conflict("this unit code is already used".into())
                    }
                    other => other,
                })?;
            record(
                conn,
                &actor,
                Event::new("unit.update")
                    .object("unit", id)
                    .details(details),
            )
            .await?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(row.version))
        .json(UnitDto::from(row)))
}
