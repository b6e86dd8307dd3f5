//! Liveness, readiness and Prometheus metrics.

use crate::error::{ApiError, ApiResult, Problem};
use crate::http::problems::Unauthenticated;
use crate::metrics::Metrics;
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use secrecy::ExposeSecret;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "operations";

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/health/live", Access::Public),
        rule("GET", "/health/ready", Access::Public),
        rule("GET", "/metrics", Access::Public),
    ],
};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(live).service(ready).service(metrics);
}

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` when the check passed.
    pub status: String,
}

/// The process is up.
#[utoipa::path(tag = TAG, responses((status = 200, body = Health)))]
#[get("/health/live")]
async fn live() -> web::Json<Health> {
    web::Json(Health {
        status: "ok".into(),
    })
}

/// The service can answer requests: the database is reachable.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = Health),
        (status = 503, body = Problem, content_type = "application/problem+json", description = "The database is unreachable"),
    )
)]
#[get("/health/ready")]
async fn ready(state: web::Data<AppState>) -> ApiResult<web::Json<Health>> {
    let check = async {
        let mut conn = state
            .pool
            .get()
            .await
            .map_err(|_| ApiError::ServiceUnavailable)?;
        ncen_core::db::ping(&mut conn)
            .await
            .map_err(|_| ApiError::ServiceUnavailable)
    };
    tokio::time::timeout(std::time::Duration::from_secs(3), check)
        .await
        .map_err(|_| ApiError::ServiceUnavailable)??;
    Ok(web::Json(Health {
        status: "ok".into(),
    }))
}

/// Prometheus metrics (text exposition format). Requires `NCEN_METRICS_TOKEN` as a bearer
/// token when one is configured.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, content_type = "text/plain", body = String),
        Unauthenticated,
    )
)]
#[get("/metrics")]
async fn metrics(
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    if let Some(token) = &state.settings.metrics_token {
        let expected = format!("Bearer {}", token.expose_secret());
        let given = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !constant_time_eq(given.as_bytes(), expected.as_bytes()) {
            return Err(ApiError::Unauthenticated);
        }
    }
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(metrics.render(&state.pool)))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
