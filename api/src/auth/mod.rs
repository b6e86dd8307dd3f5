//! The HTTP side of authentication: the `AuthUser` extractor every protected handler takes,
//! and the sign-in, refresh, sign-out and own-account handlers. Passwords, tokens, sessions,
//! throttling and the permission matrix are the domain's (`ncen_core::auth`).

mod dto;
mod handlers;

pub use handlers::configure;
pub use ncen_core::auth::{tokens, Permission, Principal, Role};

use crate::error::ApiError;
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{http::header, web, FromRequest, HttpMessage, HttpRequest};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

/// The signed-in user, loaded from the database on every request so that disabling an
/// account, ending a session or changing roles takes effect at once. Derefs to the domain's
/// `Principal`, which is what domain rules take.
#[derive(Debug, Clone)]
pub struct AuthUser(pub Principal);

impl std::ops::Deref for AuthUser {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl AuthUser {
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        Ok(self.0.require(permission)?)
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

pub fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// The access rule of the route a request matched (deny by default: a route without one
/// answers 403 to everyone, and the contract test fails).
fn route_access(req: &HttpRequest) -> Option<Access> {
    static RULES: OnceLock<HashMap<(&'static str, &'static str), Access>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        crate::routes::rules()
            .map(|r| ((r.method, r.path), r.access))
            .collect()
    });
    let pattern = req.match_pattern()?;
    rules
        .get(&(req.method().as_str(), pattern.as_str()))
        .copied()
}

/// Taking `AuthUser` enforces the route's declared rule (`routes::Access`): 401 without a
/// live session, 403 when the user's roles do not grant the route's permission. Handlers
/// therefore do not repeat it; they check only what depends on the object.
impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        let access = route_access(req);
        let req = req.clone();
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::internal(anyhow::anyhow!("state missing")))?;
            let token = token.ok_or(ApiError::Unauthenticated)?;
            let claims = state.jwt.verify(&token).ok_or(ApiError::Unauthenticated)?;
            let mut conn = state.conn().await?;
            let user = ncen_core::users::repo::by_session(&mut conn, claims.sub, claims.sid)
                .await?
                .ok_or(ApiError::Unauthenticated)?;
            let user = AuthUser(Principal {
                id: user.id,
                username: user.username,
                display_name: user.display_name,
                unit_id: user.unit_id,
                roles: user.roles.iter().filter_map(|r| Role::parse(r)).collect(),
                session_id: claims.sid,
            });
            // For the refusal audit (`http::denials`), whatever the handler decides.
            req.extensions_mut().insert(user.0.clone());
            match access {
                Some(Access::Public | Access::Authenticated) => {}
                Some(Access::Requires(permission)) => user.require(permission)?,
                None => {
                    tracing::error!("a route without an access rule was called");
                    return Err(ApiError::Forbidden);
                }
            }
            Ok(user)
        })
    }
}

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("POST", "/api/v1/auth/login", Access::Public),
        rule("POST", "/api/v1/auth/refresh", Access::Public),
        rule("POST", "/api/v1/auth/logout", Access::Public),
        rule("GET", "/api/v1/me", Access::Authenticated),
        rule("POST", "/api/v1/me/password", Access::Authenticated),
    ],
};
