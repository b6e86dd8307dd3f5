use super::stream::{self, Start};
use crate::auth::{bearer, AuthUser};
use crate::error::{ApiError, ApiResult};
use crate::http::problems::{Invalid, Unauthenticated};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "events";
/// Excluded from the contract run: a stream that never ends is not a request/response pair.
pub const PATH: &str = "/api/v1/events";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(events);
}

/// The signed-in user's live events, as Server-Sent Events (`text/event-stream`). Each event
/// has an `id` (increasing, per user, without gaps), an `event` name and JSON `data`:
///
/// - `message` (`MessageEvent`): a new message in one of the user's threads;
/// - `read` (`ReadEvent`): a participant read a thread (read receipts);
/// - `notification` (`NotificationEvent`): a new notification, `ping` when the user wants
///   this kind live;
/// - `notifications_read` (`NotificationsReadEvent`);
/// - `reset`: the events since `Last-Event-ID` are no longer kept; refetch what is shown.
///
/// Reconnect with `Last-Event-ID` and every event since is replayed in order, whichever
/// instance the client reaches. A comment line every 20 s keeps proxies from closing the
/// connection; the stream ends when the access token expires or the session ends (reconnect
/// with a fresh token).
#[utoipa::path(
    tag = TAG,
    params(("Last-Event-ID" = Option<String>, Header, pattern = "^[0-9]{1,18}$",
        description = "The last event id received, to resume after it")),
    responses(
        (status = 200, content_type = "text/event-stream", body = String,
         description = "The event stream"),
        Unauthenticated, Invalid
    ),
    security(("bearer" = []))
)]
#[get("/events")]
async fn events(
    state: web::Data<AppState>,
    auth: AuthUser,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let after = match req.headers().get("Last-Event-ID") {
        None => None,
        Some(v) => Some(
            v.to_str()
                .ok()
                .filter(|s| (1..=18).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<i64>().ok())
                .ok_or_else(|| {
                    ApiError::from(ncen_core::Error::validation(
                        "Last-Event-ID",
                        "invalid",
                        "must be an event id this stream sent",
                    ))
                })?,
        ),
    };
    let expires = bearer(&req)
        .and_then(|t| state.jwt.verify(&t))
        .map(|c| c.exp)
        .ok_or(ApiError::Unauthenticated)?;
    let body = stream::open(
        state.into_inner(),
        Start {
            user: auth.id,
            session: auth.session_id,
            after,
            expires,
        },
    );
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        // Compression would hold events back until a buffer fills.
        .insert_header(("Content-Encoding", "identity"))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(body))
}
