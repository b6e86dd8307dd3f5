//! User accounts: created and administered by admins, never hard-deleted (disabled instead).

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/users", Access::Requires(P::UsersRead)),
        rule("POST", "/api/v1/users", Access::Requires(P::UsersManage)),
        rule("GET", "/api/v1/users/{id}", Access::Requires(P::UsersRead)),
        rule(
            "PATCH",
            "/api/v1/users/{id}",
            Access::Requires(P::UsersManage),
        ),
        rule(
            "POST",
            "/api/v1/users/{id}/password",
            Access::Requires(P::UsersManage),
        ),
    ],
};
