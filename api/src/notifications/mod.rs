//! Notifications: the signed-in user's own inbox of events and live-ping preferences. Any
//! signed-in user; each sees only their own (`ncen_core::notifications`).

mod handlers;

use crate::routes::{rule, Access, Module};

pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/notifications", Access::Authenticated),
        rule("POST", "/api/v1/notifications/read", Access::Authenticated),
        rule(
            "POST",
            "/api/v1/notifications/{id}/read",
            Access::Authenticated,
        ),
        rule(
            "GET",
            "/api/v1/notifications/preferences",
            Access::Authenticated,
        ),
        rule(
            "PUT",
            "/api/v1/notifications/preferences",
            Access::Authenticated,
        ),
    ],
};
