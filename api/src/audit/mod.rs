//! The audit trail, for auditors: the list and the chain's verification.

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/audit", Access::Requires(P::AuditRead)),
        rule(
            "GET",
            "/api/v1/audit/verify",
            Access::Requires(P::AuditRead),
        ),
        rule(
            "GET",
            "/api/v1/audit/actions",
            Access::Requires(P::AuditRead),
        ),
        rule(
            "GET",
            "/api/v1/audit/export/{format}",
            Access::Requires(P::AuditRead),
        ),
    ],
};
