//! Secure messaging: threads between users and units. Any signed-in user may take part;
//! what a thread holds is decided by participation, per object (`ncen_core::messaging`).

mod attachments;
mod handlers;

use crate::routes::{rule, Access, Module};

fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    handlers::configure(cfg);
    attachments::configure(cfg);
}

pub const MODULE: Module = Module {
    configure,
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
        rule("GET", "/api/v1/recipients", Access::Authenticated),
        rule("POST", "/api/v1/message-attachments", Access::Authenticated),
        rule(
            "GET",
            "/api/v1/message-attachments/{id}/content",
            Access::Authenticated,
        ),
        rule(
            "GET",
            "/api/v1/message-attachments/{id}/thumbnail",
            Access::Authenticated,
        ),
    ],
};
