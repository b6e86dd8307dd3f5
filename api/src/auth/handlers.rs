use super::dto::{ChangePasswordRequest, LoginRequest, MeDto, OfficeDto, TokenResponse};
use super::AuthUser;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Invalid, Unauthenticated};
use crate::state::AppState;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use ncen_core::units::dto::UnitNames;
use ncen_core::users::signin::{self, Client};
use ncen_core::users::{dto::UserDto, repo as users_repo};
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

/// Where a request without a session comes from (for its audit row).
fn client(meta: &RequestMeta) -> Client<'_> {
    Client {
        ip: meta.ip,
        request_id: meta.request_id.clone(),
        user_agent: meta.user_agent.as_deref(),
    }
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
        (status = 400, body = Problem, content_type = "application/problem+json", description = "Malformed body, or a username holding a NUL character (counted as a failed attempt)"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "Unknown user or wrong password (`invalid_credentials`)"),
        Invalid,
        (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many failures; see `Retry-After`"),
    )
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    meta: RequestMeta,
    body: web::Json<LoginRequest>,
) -> ApiResult<HttpResponse> {
    body.check()?;
    let body = body.into_inner();
    let client = client(&meta);
    let ttl = state.settings.session_ttl;
    let (user_id, session) =
        signin::login(&state.pool, &client, &body.username, body.password, ttl).await?;
    token_response(&state, user_id, session.session_id, session.refresh_token)
}

/// Exchanges the refresh cookie for a new access token, rotating the cookie.
///
/// Presenting an already-rotated refresh token revokes the whole session, unless it was
/// rotated in the last few seconds (`NCEN_REFRESH_REUSE_GRACE_SECS`: another tab refreshing
/// at the same moment, or an answer the browser never stored because a reload aborted it):
/// then it gets a successor of its own.
#[utoipa::path(
    tag = TAG,
    responses(
        (status = 200, body = TokenResponse),
        Unauthenticated,
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
    let (user_id, session_id, refresh_token) =
        signin::refresh(&mut conn, &client(&meta), &token, grace).await?;
    token_response(&state, user_id, session_id, refresh_token)
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
        signin::logout(&mut conn, &client(&meta), &token).await?;
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
        Unauthenticated,
    ),
    security(("bearer" = []))
)]
#[get("/me")]
async fn me(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<web::Json<MeDto>> {
    let mut conn = state.conn().await?;
    let (row, unit_name) = users_repo::find_with_unit(&mut conn, auth.id).await?;
    let unit = ncen_core::units::repo::find(&mut conn, row.unit_id).await?;
    let permissions = auth.permissions().into_iter().map(str::to_string).collect();
    let settings = &state.settings;
    let national = (settings.country != "XX").then(|| settings.country.clone());
    let office = unit.map(|unit| OfficeDto {
        unit_id: unit.id,
        unit_name_translations: UnitNames::from_stored(&unit.name_translations),
        unit_name: unit.name,
        location_type: unit.location_type,
        country: unit
            .unlocode
            .as_deref()
            .and_then(|l| l.get(..2))
            .map(str::to_ascii_uppercase)
            .or(national),
        unlocode: unit.unlocode,
    });
    Ok(web::Json(MeDto {
        user: UserDto::from_row(row, unit_name),
        permissions,
        country: settings.country.clone(),
        currency: settings.currency.clone(),
        office,
    }))
}

/// Changes the signed-in user's password; other sessions are ended. Wrong current
/// passwords are throttled like sign-ins.
#[utoipa::path(
    tag = TAG,
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Password changed"),
        Unauthenticated, Invalid,
        (status = 429, body = Problem, content_type = "application/problem+json", description = "Too many wrong current passwords; see `Retry-After`"),
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
    let body = body.into_inner();
    let actor = meta.actor(&auth);
    signin::change_password(
        &state.pool,
        &auth,
        &actor,
        body.current_password,
        body.new_password,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
