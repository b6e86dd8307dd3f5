//! Per-request metadata: a request id (echoed in `X-Request-Id`), the client address,
//! structured access logs and Prometheus counters.

use crate::metrics::Metrics;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use ipnetwork::IpNetwork;
use ncen_core::audit::Actor;
use ncen_core::auth::Principal;
use std::future::{ready, Ready};
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// Whether `X-Forwarded-For` may be believed (only behind a trusted reverse proxy).
#[derive(Clone, Copy, Debug)]
pub struct TrustProxy(pub bool);

/// Who is asking, from where: recorded on every audit row.
#[derive(Clone, Debug)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub ip: Option<IpNetwork>,
    pub user_agent: Option<String>,
}

impl RequestMeta {
    /// The audit actor for a signed-in user making this request.
    pub fn actor(&self, user: &Principal) -> Actor {
        Actor::user(user.id, &user.username, self.ip, self.request_id.clone())
    }

    /// The audit actor for a request made without a session (a sign-in names its username).
    pub fn anonymous(&self, username: Option<&str>) -> Actor {
        Actor::anonymous(username, self.ip, self.request_id.clone())
    }

    pub fn of(req: &HttpRequest) -> Self {
        let trust = req
            .app_data::<web::Data<TrustProxy>>()
            .map(|t| t.0)
            .unwrap_or(false);
        let forwarded = trust
            .then(|| req.headers().get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok());
        let ip = forwarded
            .or_else(|| req.peer_addr().map(|a| a.ip()))
            .map(IpNetwork::from);
        let user_agent = req
            .headers()
            .get(actix_web::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().take(256).collect());
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        Self {
            request_id,
            ip,
            user_agent,
        }
    }
}

impl FromRequest for RequestMeta {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestMeta::of(req)))
    }
}

fn incoming_request_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| value.to_string())
}

/// Assigns the request id, logs the request and records its metrics.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().to_string();
    let path = req.path().to_string();
    let span =
        tracing::info_span!("request", request_id = %request_id, method = %method, path = %path);
    let started = Instant::now();
    let mut res = next.call(req).instrument(span.clone()).await?;
    let elapsed = started.elapsed();
    let status = res.status().as_u16();
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    if let Some(metrics) = metrics {
        metrics.observe_request(&method, &route, status, elapsed);
    }
    span.in_scope(|| {
        tracing::info!(status, route = %route, latency_ms = elapsed.as_secs_f64() * 1000.0, "request served");
    });
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(res)
}
