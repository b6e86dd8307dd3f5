//! Alerts and their hits (`ncen_core::alerts`).

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

const WRITE: Access = Access::Requires(P::AlertsWrite);
const ACTIVATE: Access = Access::Requires(P::AlertsActivate);

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/alerts", WRITE),
        rule("POST", "/api/v1/alerts", WRITE),
        rule("GET", "/api/v1/alerts/{id}", WRITE),
        rule("PATCH", "/api/v1/alerts/{id}", WRITE),
        rule("POST", "/api/v1/alerts/{id}/activate", ACTIVATE),
        rule("POST", "/api/v1/alerts/{id}/withdraw", WRITE),
        rule("POST", "/api/v1/alerts/{id}/renew", ACTIVATE),
        rule("GET", "/api/v1/alert-hits", WRITE),
        rule("GET", "/api/v1/alert-hits/{id}", WRITE),
        rule("POST", "/api/v1/alert-hits/{id}/confirm", WRITE),
        rule("POST", "/api/v1/alert-hits/{id}/dismiss", WRITE),
        // who may read the case (or the registers): checked per object
        rule("GET", "/api/v1/alert-notices", Access::Authenticated),
    ],
};
