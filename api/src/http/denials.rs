//! Refusals are audited: every 403 a signed-in user gets (a route their roles do not grant,
//! another unit's case, a separation-of-duties rule) leaves an `access.denied` row naming
//! the route and the problem code, at most one per user, route and minute
//! (`audit::record_denial`), so probing shows up in the trail without flooding it.

use crate::error::ProblemCode;
use crate::http::meta::RequestMeta;
use crate::state::AppState;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use ncen_core::auth::Principal;

pub async fn audit_denials(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let res = next.call(req).await?;
    if res.status() != StatusCode::FORBIDDEN {
        return Ok(res);
    }
    let request = res.request();
    let who = request.extensions().get::<Principal>().cloned();
    let state = request.app_data::<web::Data<AppState>>().cloned();
    if let (Some(who), Some(state)) = (who, state) {
        let actor = RequestMeta::of(request).actor(&who);
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_string());
        let method = request.method().to_string();
        let code = res
            .response()
            .extensions()
            .get::<ProblemCode>()
            .map_or("forbidden", |c| c.0);
        let written = match state.pool.get().await {
            Ok(mut conn) => {
                ncen_core::audit::record_denial(&mut conn, &actor, &method, &route, code)
                    .await
                    .map_err(anyhow::Error::from)
            }
            Err(e) => Err(anyhow::Error::from(e)),
        };
        if let Err(e) = written {
            tracing::warn!(error = %e, "could not audit a refusal");
        }
    }
    Ok(res)
}
