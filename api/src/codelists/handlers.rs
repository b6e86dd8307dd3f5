use super::dto::{CodeEntry, CodeList, CodeListIndex, CodeListQuery, CreateEntry, UpdateEntry};
use super::repo::{self, EntryRow};
use crate::audit::{record, Actor, Event};
use crate::auth::{AuthUser, Permission};
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::meta::RequestMeta;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use diesel_async::AsyncConnection;
use std::collections::BTreeMap;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "codelists";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_codelists)
        .service(get_codelist)
        .service(create_entry)
        .service(update_entry);
}

fn valid_code(code: &str) -> bool {
    (1..=64).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn check_labels(labels: &BTreeMap<String, String>, errors: &mut Vec<FieldError>) {
    if labels.get("en").is_none_or(|l| l.trim().is_empty()) {
        errors.push(FieldError::new(
            "labels.en",
            "required",
            "an English label is required",
        ));
    }
    for (lang, label) in labels {
        let lang_ok = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_lowercase());
        if !lang_ok {
            errors.push(FieldError::new(
                format!("labels.{lang}"),
                "format",
                "language must be an ISO 639 code such as en or fr",
            ));
        } else if label.trim().is_empty() || label.chars().count() > 200 {
            errors.push(FieldError::new(
                format!("labels.{lang}"),
                "length",
                "must be 1–200 characters",
            ));
        }
    }
}

fn trimmed(labels: BTreeMap<String, String>) -> serde_json::Value {
    serde_json::to_value(
        labels
            .into_iter()
            .map(|(k, v)| (k, v.trim().to_string()))
            .collect::<BTreeMap<_, _>>(),
    )
    .unwrap_or_default()
}

/// The code lists and how many active entries each has.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = CodeListIndex),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/codelists")]
async fn list_codelists(
    state: web::Data<AppState>,
    auth: AuthUser,
) -> ApiResult<web::Json<CodeListIndex>> {
    auth.require(Permission::CodelistsRead)?;
    let mut conn = state.conn().await?;
    Ok(web::Json(CodeListIndex {
        items: repo::summaries(&mut conn).await?,
    }))
}

/// One code list with its entries (retired ones on request).
#[utoipa::path(
    tag = TAG,
    params(("name" = String, Path, description = "e.g. `commodity_types`, `countries`"), CodeListQuery),
    responses(
        (status = 200, body = CodeList),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/codelists/{name}")]
async fn get_codelist(
    state: web::Data<AppState>,
    auth: AuthUser,
    name: web::Path<String>,
    query: web::Query<CodeListQuery>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::CodelistsRead)?;
    let mut conn = state.conn().await?;
    let list = repo::find_list(&mut conn, &name)
        .await?
        .ok_or(ApiError::NotFound)?;
    let entries = repo::entries(
        &mut conn,
        &list.name,
        query.include_retired.unwrap_or(false),
    )
    .await?;
    let body = CodeList {
        name: list.name,
        description: list.description,
        parent_list: list.parent_list,
        entries: entries.into_iter().map(CodeEntry::from).collect(),
    };
    // Code lists change rarely; let browsers revalidate instead of refetching blindly.
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "private, no-cache"))
        .json(body))
}

/// Adds an entry to a code list.
#[utoipa::path(
    tag = TAG,
    params(("name" = String, Path)),
    request_body = CreateEntry,
    responses(
        (status = 201, body = CodeEntry),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Code already in the list"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/codelists/{name}/entries")]
async fn create_entry(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    name: web::Path<String>,
    body: web::Json<CreateEntry>,
) -> ApiResult<HttpResponse> {
    auth.require(Permission::CodelistsManage)?;
    let body = body.into_inner();
    let mut conn = state.conn().await?;
    let list = repo::find_list(&mut conn, &name)
        .await?
        .ok_or(ApiError::NotFound)?;
    let code = body.code.trim().to_string();
    let mut errors = Vec::new();
    if !valid_code(&code) {
        errors.push(FieldError::new(
            "code",
            "format",
            "use 1–64 letters, digits, '_', '-' or '.'",
        ));
    }
    check_labels(&body.labels, &mut errors);
    match (&list.parent_list, &body.parent_code) {
        (Some(parent_list), Some(parent)) => {
            if !repo::is_known(&mut conn, parent_list, parent).await? {
                errors.push(FieldError::new(
                    "parent_code",
                    "unknown_code",
                    format!("is not in the {parent_list} code list"),
                ));
            }
        }
        (Some(_), None) => errors.push(FieldError::new(
            "parent_code",
            "required",
            "this list needs a parent code",
        )),
        (None, Some(_)) => errors.push(FieldError::new(
            "parent_code",
            "not_allowed",
            "this list has no parent list",
        )),
        (None, None) => {}
    }
    if body.attributes.as_ref().is_some_and(|a| !a.is_object()) {
        errors.push(FieldError::new("attributes", "type", "must be an object"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let actor = Actor::user(&auth, &meta);
    let entry = conn
        .transaction(async |conn| {
            let sort_order = match body.sort_order {
                Some(s) => s,
                None => repo::next_sort_order(conn, &list.name).await?,
            };
            let row = EntryRow {
                list_name: list.name.clone(),
                code: code.clone(),
                parent_code: body.parent_code.clone(),
                labels: trimmed(body.labels.clone()),
                attributes: body
                    .attributes
                    .clone()
                    .unwrap_or_else(|| serde_json::json!({})),
                sort_order,
                retired_at: None,
            };
            let row = repo::insert(conn, row)
                .await
                .map_err(|e| match ApiError::from(e) {
                    ApiError::Conflict(_) => {
                        ApiError::Conflict("this code is already in the list".into())
                    }
                    other => other,
                })?;
            let event = Event::new("codelist.entry_create")
                .object("codelist_entry", format!("{}/{}", list.name, code))
                .details(serde_json::json!({ "labels": row.labels }));
            record(conn, &actor, event).await?;
            Ok::<_, ApiError>(CodeEntry::from(row))
        })
        .await?;
    Ok(HttpResponse::Created().json(entry))
}

/// Changes an entry's labels or order, retires or reinstates it.
#[utoipa::path(
    tag = TAG,
    params(("name" = String, Path), ("code" = String, Path)),
    request_body = UpdateEntry,
    responses(
        (status = 200, body = CodeEntry),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[patch("/codelists/{name}/entries/{code}")]
async fn update_entry(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(String, String)>,
    body: web::Json<UpdateEntry>,
) -> ApiResult<web::Json<CodeEntry>> {
    auth.require(Permission::CodelistsManage)?;
    let (name, code) = path.into_inner();
    let body = body.into_inner();
    let mut errors = Vec::new();
    if let Some(labels) = &body.labels {
        check_labels(labels, &mut errors);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut conn = state.conn().await?;
    let actor = Actor::user(&auth, &meta);
    let entry = conn
        .transaction(async |conn| {
            let current = repo::find_entry(conn, &name, &code).await?.ok_or(ApiError::NotFound)?;
            let retired_at = match body.retired {
                Some(true) if current.retired_at.is_none() => Some(Some(chrono::Utc::now())),
                Some(false) if current.retired_at.is_some() => Some(None),
                _ => None,
            };
            let labels = body.labels.clone().map(trimmed);
            let row = repo::update(conn, &name, &code, labels.clone(), retired_at, body.sort_order).await?;
            let details = serde_json::json!({ "labels": labels, "retired": body.retired, "sort_order": body.sort_order });
            let event = Event::new("codelist.entry_update").object("codelist_entry", format!("{name}/{code}")).details(details);
            record(conn, &actor, event).await?;
            Ok::<_, ApiError>(CodeEntry::from(row))
        })
        .await?;
    Ok(web::Json(entry))
}
