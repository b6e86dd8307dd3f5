//! The framework's own failures (bad JSON, wrong content type, oversized bodies, unknown
//! routes, wrong methods) answered with the same problem document as everything else.

use crate::error::ApiError;
use actix_web::dev::ResourceDef;
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::{web, HttpRequest};

/// The largest JSON body accepted, for middleware that reads bodies before the handler.
pub struct JsonLimit(pub usize);

pub fn json_config(limit: usize) -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(limit)
        .error_handler(|err, _req| json_error(err).into())
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| {
        let detail = match err {
            QueryPayloadError::Deserialize(e) => format!("invalid query string: {e}"),
            _ => "invalid query string".to_string(),
        };
        ApiError::BadRequest(detail).into()
    })
}

pub fn path_config() -> web::PathConfig {
    // A malformed id can never name an existing resource; but the path may be another route's
    // (`PATCH /persons/duplicates` is not a person: 405, that route takes only POST).
    web::PathConfig::default().error_handler(|_err: PathError, req| unmatched(req).into())
}

pub fn json_error(err: JsonPayloadError) -> ApiError {
    match err {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => {
            ApiError::UnsupportedMediaType("the request body must be application/json".into())
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => ApiError::BadRequest(format!(
            "the JSON body does not have the expected shape: {e}"
        )),
        JsonPayloadError::Deserialize(e) => ApiError::BadRequest(format!(
            "the body is not valid JSON (line {}, column {})",
            e.line(),
            e.column()
        )),
        _ => ApiError::BadRequest("the request body could not be read".into()),
    }
}

/// An optional JSON body: none (empty, or `null`) is `T::default()`; anything else must be JSON of the
/// expected shape, with the same refusals as a required body.
pub fn optional_json<T: serde::de::DeserializeOwned + Default>(
    req: &HttpRequest,
    body: &web::Bytes,
) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    let json = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|v| v == "application/json" || v.ends_with("+json"));
    if !json {
        return Err(json_error(JsonPayloadError::ContentType));
    }
    serde_json::from_slice::<Option<T>>(body)
        .map(Option::unwrap_or_default)
        .map_err(|e| json_error(JsonPayloadError::Deserialize(e)))
}

/// Known route templates and their methods, for telling 404 from 405.
pub struct RouteTable {
    routes: Vec<(ResourceDef, Vec<String>)>,
}

impl RouteTable {
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let mut paths: Vec<_> = api.paths.paths.iter().collect();
        // sorted: a fixed segment before a `{placeholder}` at the same place (`unmatched`)
        paths.sort_by(|a, b| a.0.cmp(b.0));
        let routes = paths
            .into_iter()
            .map(|(path, item)| {
                let methods = methods_of(item);
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        Self { routes }
    }
}

pub fn methods_of(item: &utoipa::openapi::PathItem) -> Vec<String> {
    let mut methods = Vec::new();
    for (name, op) in [
        ("GET", &item.get),
        ("POST", &item.post),
        ("PUT", &item.put),
        ("PATCH", &item.patch),
        ("DELETE", &item.delete),
    ] {
        if op.is_some() {
            methods.push(name.to_string());
        }
    }
    methods
}

/// Default service: 405 with `Allow` when the path exists under another method, else 404.
pub async fn not_found(req: HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(unmatched(&req))
}

/// The error for a request no route took.
pub fn unmatched(req: &HttpRequest) -> ApiError {
    let Some(table) = req.app_data::<web::Data<RouteTable>>() else {
        return ApiError::NotFound;
    };
    let path = req.path();
    // the most specific template the path fits, as the router would take it: the paths are in
    // sorted order, where a fixed segment (`…/tasks/from-templates`) comes before a
    // placeholder (`…/tasks/{task_id}`) — 404 when it takes the method (its id did not parse),
    // else 405 with what it takes
    match table.routes.iter().find(|(def, _)| def.is_match(path)) {
        Some((_, methods)) if !methods.iter().any(|m| m == req.method().as_str()) => {
            ApiError::MethodNotAllowed(methods.clone())
        }
        _ => ApiError::NotFound,
    }
}
