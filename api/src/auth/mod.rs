//! Authentication (passwords, tokens, sessions, throttling) and authorisation (the role ×
//! permission matrix). `AuthUser` is the extractor every protected handler takes.

mod dto;
mod handlers;
pub mod password;
pub mod permissions;
pub mod sessions;
mod throttle;
pub mod tokens;

pub use handlers::configure;
pub use permissions::{Access, Permission, Role};

use crate::db::schema::{sessions as sessions_t, users};
use crate::error::ApiError;
use crate::state::AppState;
use crate::users::model::UserRow;
use actix_web::dev::Payload;
use actix_web::{http::header, web, FromRequest, HttpRequest};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use std::future::Future;
use std::pin::Pin;
use uuid::Uuid;

/// The signed-in user, loaded from the database on every request so that disabling an
/// account, ending a session or changing roles takes effect at once.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub unit_id: Uuid,
    pub roles: Vec<Role>,
    pub session_id: Uuid,
}

impl AuthUser {
    pub fn can(&self, permission: Permission) -> bool {
        permissions::roles_allow(&self.roles, permission)
    }

    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    pub fn permissions(&self) -> Vec<&'static str> {
        Permission::ALL
            .into_iter()
            .filter(|p| self.can(*p))
            .map(Permission::as_str)
            .collect()
    }
}

/// A verified access token whose session has not been checked yet: for the one handler that
/// checks the session, the role and the object in a single statement with its own work
/// (`seizures::document`), where `AuthUser` would cost a round trip of its own. It must check
/// what `AuthUser` checks: the session is live and belongs to `sub`, the user is not disabled.
pub struct SessionToken {
    pub claims: tokens::Claims,
}

impl FromRequest for SessionToken {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let claims = req
            .app_data::<web::Data<AppState>>()
            .zip(bearer(req))
            .and_then(|(state, token)| state.jwt.verify(&token));
        std::future::ready(
            claims
                .map(|claims| SessionToken { claims })
                .ok_or(ApiError::Unauthenticated),
        )
    }
}

/// The roles that grant `permission` (for checks made in SQL).
pub fn roles_granting(permission: Permission) -> Vec<&'static str> {
    Role::ALL
        .into_iter()
        .filter(|r| permissions::role_allows(*r, permission))
        .map(Role::as_str)
        .collect()
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::internal(anyhow::anyhow!("state missing")))?;
            let token = token.ok_or(ApiError::Unauthenticated)?;
            let claims = state.jwt.verify(&token).ok_or(ApiError::Unauthenticated)?;
            let mut conn = state.conn().await?;
            let now = chrono::Utc::now();
            let user: Option<UserRow> = sessions_t::table
                .inner_join(users::table)
                .filter(sessions_t::id.eq(claims.sid))
                .filter(sessions_t::user_id.eq(claims.sub))
                .filter(sessions_t::revoked_at.is_null())
                .filter(sessions_t::expires_at.gt(now))
                .filter(users::disabled_at.is_null())
                .select(UserRow::as_select())
                .first(&mut conn)
                .await
                .optional()?;
            let user = user.ok_or(ApiError::Unauthenticated)?;
            Ok(AuthUser {
                id: user.id,
                username: user.username,
                display_name: user.display_name,
                unit_id: user.unit_id,
                roles: user.roles.iter().filter_map(|r| Role::parse(r)).collect(),
                session_id: claims.sid,
            })
        })
    }
}
