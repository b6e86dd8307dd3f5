//! `Idempotency-Key` on every creating POST (those documenting a 201): the first successful
//! response is kept 24 hours per user and key (`ncen_core::common::idempotency`) and a retry
//! with the same key gets it again, with `Idempotent-Replayed: true`, creating nothing (the
//! replay is audited as `request.replay`: it hands the created record out again).
//! - the same key with another method, path or body: 422 `idempotency_key_reused`;
//! - while the first request is being handled: 409 `idempotency_key_in_flight`;
//! - a failed first request (any non-2xx) releases the key, so a retry runs again;
//! - a request whose server stopped mid-way releases it after `LEASE_SECS`.
//!
//! Without a live session the request goes on to its handler, which answers 401; keys are
//! per user, so one user's key never answers another's request.

use crate::error::{ApiError, IdempotencyMisuse};
use crate::http::body;
use crate::http::meta::RequestMeta;
use crate::state::AppState;
use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::dev::{ResourceDef, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use ncen_core::audit::{record, Event};
use ncen_core::common::idempotency::{self as keys, Claim, Request, Stored};
use sha2::{Digest, Sha256};
use uuid::Uuid;

pub const HEADER: &str = "idempotency-key";

/// The routes that take the header: POSTs documenting a 201.
pub struct CreatingRoutes(Vec<ResourceDef>);

impl CreatingRoutes {
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .filter(|(_, item)| {
                item.post
                    .as_ref()
                    .is_some_and(|op| op.responses.responses.contains_key("201"))
            })
            .map(|(path, _)| ResourceDef::new(path.as_str()))
            .collect();
        Self(routes)
    }

    fn matches(&self, path: &str) -> bool {
        self.0.iter().any(|def| def.is_match(path))
    }
}

pub(crate) fn valid_key(key: &str) -> bool {
    (1..=255).contains(&key.len()) && key.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

pub async fn idempotent<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let applies = req.method() == Method::POST
        && req.headers().contains_key(HEADER)
        && req
            .app_data::<web::Data<CreatingRoutes>>()
            .is_some_and(|routes| routes.matches(req.path()));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let (true, Some(state)) = (applies, state) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let key = match req.headers().get(HEADER).and_then(|v| v.to_str().ok()) {
        Some(key) if valid_key(key) => key.to_string(),
        _ => {
            let refusal = ApiError::BadRequest(
                "Idempotency-Key must be 1–255 visible ASCII characters".into(),
            );
            return Ok(req.error_response(refusal));
        }
    };
    let Some((user_id, username)) = session_user(&req, &state).await else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    match claim(&mut req, &state, (user_id, &username), &key).await {
        Ok(None) => {}
        Ok(Some(stored)) => {
            let res = replay(&stored);
            return Ok(req.into_response(res));
        }
        Err(refusal) => return Ok(req.error_response(refusal)),
    }
    let res = match next.call(req).await {
        Ok(res) => res,
        Err(err) => {
            release(&state, user_id, &key).await;
            return Err(err);
        }
    };
    if !res.status().is_success() {
        release(&state, user_id, &key).await;
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (res, body) = res.into_parts();
    let bytes = match to_bytes(body).await {
        Ok(bytes) => bytes,
        Err(_) => {
            release(&state, user_id, &key).await;
            let failure = ApiError::internal(anyhow::anyhow!("the response could not be read"));
            return Ok(ServiceResponse::new(req, HttpResponse::from_error(failure)));
        }
    };
    let text = |name: header::HeaderName| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let stored = Stored {
        status: i16::try_from(res.status().as_u16()).unwrap_or(200),
        content_type: text(header::CONTENT_TYPE),
        location: text(header::LOCATION),
        etag: text(header::ETAG),
        body: bytes.to_vec(),
    };
    if let Ok(mut conn) = state.conn().await {
        if let Err(e) = keys::complete(&mut conn, user_id, &key, &stored).await {
            tracing::warn!(error = %e, "keeping an idempotent response failed");
        }
    }
    let res = res.set_body(bytes).map_into_boxed_body();
    Ok(ServiceResponse::new(req, res))
}

/// The user of the request's live session, if any.
async fn session_user(req: &ServiceRequest, state: &AppState) -> Option<(Uuid, String)> {
    let claims = state.jwt.verify(&crate::auth::bearer(req.request())?)?;
    let mut conn = state.conn().await.ok()?;
    ncen_core::users::repo::by_session(&mut conn, claims.sub, claims.sid)
        .await
        .ok()
        .flatten()
        .map(|user| (user.id, user.username))
}

/// Takes the key: `None` when this request may go on, the stored response to replay, or
/// the refusal.
async fn claim(
    req: &mut ServiceRequest,
    state: &AppState,
    (user_id, username): (Uuid, &str),
    key: &str,
) -> Result<Option<Stored>, ApiError> {
    let limit = state.settings.upload_limit.max(state.settings.json_limit);
    let content = body::buffer(req, limit).await?;
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.as_bytes().to_vec())
        .unwrap_or_default();
    let path = req
        .uri()
        .path_and_query()
        .map_or(req.path().to_string(), |pq| pq.as_str().to_string());
    let fingerprint = Sha256::new()
        .chain_update(&content_type)
        .chain_update([0])
        .chain_update(&content)
        .finalize();
    let mut conn = state.conn().await?;
    let claimed = keys::claim(
        &mut conn,
        &Request {
            user_id,
            key,
            method: req.method().as_str(),
            path: &path,
            fingerprint: &fingerprint,
        },
    )
    .await?;
    match claimed {
        Claim::Fresh => Ok(None),
        Claim::Done(stored) => {
            // The replay hands the first response (often a record) out again: audited.
            let actor = RequestMeta::of(req.request()).actor_id(user_id, username);
            let event = Event::new("request.replay").details(serde_json::json!({
                "method": req.method().as_str(),
                "path": path,
                "status": stored.status,
                "location": stored.location,
                "idempotency_key": key,
            }));
            record(&mut conn, &actor, event).await?;
            Ok(Some(stored))
        }
        Claim::Reused => Err(ApiError::Idempotency(IdempotencyMisuse::Reused)),
        Claim::InFlight => Err(ApiError::Idempotency(IdempotencyMisuse::InFlight)),
    }
}

async fn release(state: &AppState, user_id: Uuid, key: &str) {
    if let Ok(mut conn) = state.conn().await {
        if let Err(e) = keys::forget(&mut conn, user_id, key).await {
            tracing::warn!(error = %e, "releasing an idempotency key failed");
        }
    }
}

pub(crate) fn replay(stored: &Stored) -> HttpResponse {
    let status = u16::try_from(stored.status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let mut res = HttpResponse::build(status);
    res.insert_header(("Idempotent-Replayed", "true"));
    for (name, value) in [
        (header::CONTENT_TYPE, &stored.content_type),
        (header::LOCATION, &stored.location),
        (header::ETAG, &stored.etag),
    ] {
        if let Some(value) = value {
            res.insert_header((name, value.as_str()));
        }
    }
    res.body(stored.body.clone())
}
