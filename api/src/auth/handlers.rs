use super::dto::{ChangePasswordRequest, LoginRequest, MeDto, TokenResponse};
use super::sessions::{self, Rotation};
use super::{password, throttle, AuthUser};
use crate::audit::{record, Actor, Event, Outcome};
use crate::db::schema::users;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::validation::validate;
use crate::state::AppState;
use crate::users::model::UserRow;
use crate::users::{dto::UserDto, repo as users_repo};
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, RunQueryDsl};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "auth";
pub const REFRESH_COOKIE: &str = "ncen_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login)
        .service(refresh)
        .service(logout)
        .service(me)
        .service(change_password);
}

fn refresh_cookie(state: &AppState, value: String, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.cookie_secure)
        .max_age(CookieDuration::seconds(max_age_secs))
        .finish()
}

fn token_response(
    state: &AppState,
    user_id: Uuid,
    session_id: Uuid,
    refresh_token: String,
) -> ApiResult<HttpResponse> {
    let access_token = state
        .jwt
        .issue(user_id, session_id)
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .cookie(refresh_cookie(
            state,
            refresh_token,
            state.settings.session_ttl,
        ))
        .json(TokenResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.jwt.access_ttl_secs,
        }))
}

/// Signs in with username and password.
///
/// Returns a short-lived access token and sets the `ncen_refresh` cookie (HttpOnly,
/// SameSite=Strict) used by `/auth/refresh`.
#[utoipa::path(
    tag = TAG,
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse, description = "Signed in; the refresh cookie is set"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "Unknown user or wrong password (`invalid_credentials`)"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many failures; see `Retry-After`"),
    )
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    meta: RequestMeta,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    validate(&*body)?;
    let username = body.username.trim().to_lowercase();
    let actor = Actor::anonymous(&meta, Some(&username));
    let mut conn = state.conn().await?;

    if let Some(wait) = throttle::blocked_for(&mut conn, &username, meta.ip).await? {
        let event = Event::new("auth.login").outcome(Outcome::Throttled);
        record(&mut conn, &actor, event).await?;
        return Err(ApiError::TooManyRequests {
            retry_after_secs: wait,
        });
    }

    let user: Option<UserRow> = users::table
        .filter(users::username.eq(&username))
        .select(UserRow::as_select())
        .first(&mut conn)
        .await
        .optional()?;
    // Verify against a dummy hash for unknown users so both paths cost the same.
    let stored = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_string());
    let password_ok = password::verify_blocking(stored, body.password.clone()).await;
    let user = user.filter(|u| password_ok && u.disabled_at.is_none());

    let ttl = state.settings.session_ttl;
    let user_agent = meta.user_agent.clone();
    let outcome = conn
        .transaction(async |conn| {
            throttle::record_attempt(conn, &username, meta.ip, user.is_some()).await?;
            match &user {
                Some(user) => {
                    let session =
                        sessions::create(conn, user.id, ttl, meta.ip, user_agent.as_deref())
                            .await?;
                    let actor = Actor {
                        id: Some(user.id),
                        ..actor.clone()
                    };
                    let event = Event::new("auth.login").object("session", session.session_id);
                    record(conn, &actor, event).await?;
                    Ok::<_, ApiError>(Some((user.id, session)))
                }
                None => {
                    record(
                        conn,
                        &actor,
                        Event::new("auth.login").outcome(Outcome::Failure),
                    )
                    .await?;
                    Ok(None)
                }
            }
        })
        .await?;
    match outcome {
        Some((user_id, session)) => {
            token_response(&state, user_id, session.session_id, session.refresh_token)
        }
        None => Err(ApiError::InvalidCredentials),
    }
}

/// Exchanges the refresh cookie for a new access token, rotating the cookie.
///
/// Presenting an already-rotated refresh token revokes the whole session. A token rotated
/// in the last few seconds (another tab refreshing at the same time) answers 409: retry.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    meta: RequestMeta,
) -> ApiResult<HttpResponse> {
    let token = req
        .cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_string())
        .ok_or(ApiError::Unauthenticated)?;
    let grace = state.settings.refresh_reuse_grace_secs;
    let mut conn = state.conn().await?;
    let rotation = conn
        .transaction(async |conn| {
            let rotation = sessions::rotate(conn, &token, grace).await?;
            if let Rotation::Reused {
                user_id,
                session_id,
            } = &rotation
            {
                let actor = Actor {
                    id: Some(*user_id),
                    ..Actor::anonymous(&meta, None)
                };
                let event = Event::new("auth.refresh_reuse")
                    .object("session", session_id)
                    .outcome(Outcome::Denied);
                record(conn, &actor, event).await?;
            }
            Ok::<_, ApiError>(rotation)
        })
        .await?;
    match rotation {
        Rotation::Rotated {
            user_id,
            session_id,
            refresh_token,
        } => token_response(&state, user_id, session_id, refresh_token),
        Rotation::Concurrent => Err(ApiError::Conflict(
            "the session was refreshed concurrently; retry".into(),
        )),
        Rotation::Reused { .. } | Rotation::Invalid => Err(ApiError::Unauthenticated),
    }
}

/// Ends the session of the refresh cookie and clears it.
#[utoipa::path(tag = TAG, responses((status = 204, description = "Signed out")))]
#[post("/auth/logout")]
async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    meta: RequestMeta,
) -> ApiResult<HttpResponse> {
    if let Some(token) = req.cookie(REFRESH_COOKIE).map(|c| c.value().to_string()) {
        let mut conn = state.conn().await?;
        conn.transaction(async |conn| {
            if let Some((session_id, user_id)) = sessions::session_of(conn, &token).await? {
                sessions::revoke(conn, session_id, "logout").await?;
                let actor = Actor {
                    id: Some(user_id),
                    ..Actor::anonymous(&meta, None)
                };
                record(
                    conn,
                    &actor,
                    Event::new("auth.logout").object("session", session_id),
                )
                .await?;
            }
            Ok::<_, ApiError>(())
        })
        .await?;
    }
    let mut gone = refresh_cookie(&state, String::new(), 0);
    gone.make_removal();
    Ok(HttpResponse::NoContent().cookie(gone).finish())
}

/// The signed-in user, with the permissions their roles grant.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = MeDto),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me")]
async fn me(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<web::Json<MeDto>> {
    let mut conn = state.conn().await?;
    let (row, unit_name) = users_repo::find_with_unit(&mut conn, auth.id).await?;
    let permissions = auth.permissions().into_iter().map(str::to_string).collect();
    Ok(web::Json(MeDto {
        user: UserDto::from_row(row, unit_name),
        permissions,
    }))
}

/// Changes the signed-in user's password; other sessions are ended.
#[utoipa::path(
    tag = TAG,
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[post("/me/password")]
async fn change_password(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    if let Some((code, message)) =
        password::policy_violation(&body.new_password, Some(&auth.username))
    {
        return Err(ApiError::validation("new_password", code, &message));
    }
    let mut conn = state.conn().await?;
    let (row, _) = users_repo::find_with_unit(&mut conn, auth.id).await?;
    if !password::verify_blocking(row.password_hash, body.current_password.clone()).await {
        return Err(ApiError::validation(
            "current_password",
            "mismatch",
            "is not your current password",
        ));
    }
    let hash = password::hash_blocking(body.new_password.clone())
        .await
        .map_err(ApiError::internal)?;
    let actor = Actor::user(&auth, &meta);
    conn.transaction(async |conn| {
        users_repo::set_password(conn, auth.id, hash).await?;
        sessions::revoke_all(conn, auth.id, Some(auth.session_id), "password_changed").await?;
        record(
            conn,
            &actor,
            Event::new("user.password_change").object("user", auth.id),
        )
        .await?;
        Ok::<_, ApiError>(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
