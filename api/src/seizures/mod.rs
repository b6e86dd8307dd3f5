//! The HTTP side of the seizure database: cases (create, read, update, list) and their
//! workflow (submit, validate, reopen, history). Rules and queries are
//! `ncen_core::seizures`'.

mod handlers;
mod workflow;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "seizures";

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/api/v1/seizures", Access::Requires(P::SeizuresRead)),
        rule(
            "POST",
            "/api/v1/seizures",
            Access::Requires(P::SeizuresWrite),
        ),
        rule(
            "GET",
            "/api/v1/seizures/{id}",
            Access::Requires(P::SeizuresRead),
        ),
        rule(
            "PATCH",
            "/api/v1/seizures/{id}",
            Access::Requires(P::SeizuresWrite),
        ),
        rule(
            "GET",
            "/api/v1/seizures/export/{format}",
            Access::Requires(P::SeizuresRead),
        ),
        rule(
            "POST",
            "/api/v1/seizures/{id}/submit",
            Access::Requires(P::SeizuresWrite),
        ),
        rule(
            "POST",
            "/api/v1/seizures/{id}/validate",
            Access::Requires(P::SeizuresValidate),
        ),
        rule(
            "POST",
            "/api/v1/seizures/{id}/return",
            Access::Requires(P::SeizuresValidate),
        ),
        rule(
            "POST",
            "/api/v1/seizures/{id}/reopen",
            Access::Requires(P::SeizuresValidate),
        ),
        rule(
            "GET",
            "/api/v1/seizures/{id}/history",
            Access::Requires(P::SeizuresRead),
        ),
    ],
};

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_cases)
        .service(handlers::create_case)
        .service(handlers::get_case)
        .service(handlers::update_case)
        .service(workflow::submit_case)
        .service(workflow::validate_case)
        .service(workflow::return_case)
        .service(workflow::export_cases)
        .service(workflow::reopen_case)
        .service(workflow::case_history);
}

/// The format of the case documents this build renders: a hash of its API contract, so
/// that a server of another build never serves a stored document of this one.
pub(crate) fn document_format() -> &'static str {
    static FORMAT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FORMAT.get_or_init(|| {
        let contract = serde_json::to_string(&crate::startup::openapi()).unwrap_or_default();
        ncen_core::seizures::document::format_of(&contract)
    })
}
