//! Secure messaging: threads between users and units. Any signed-in user may take part;
//! what a thread holds is decided by participation, per object (`ncen_core::messaging`).

mod handlers;

use crate::routes::{rule, Access, Module};

pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/threads", Access::Authenticated),
        rule("POST", "/api/v1/threads", Access::Authenticated),
        rule("GET", "/api/v1/threads/{id}", Access::Authenticated),
        rule(
            "POST",
            "/api/v1/threads/{id}/messages",
            Access::Authenticated,
        ),
        rule("POST", "/api/v1/threads/{id}/read", Access::Authenticated),
    ],
};
