//! Bulk imports of cases and register records (supervisors): upload a file (streamed to the store),
//! follow the job, read its problems, cancel it, commit a dry run.

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

pub use handlers::TAG;

const RUN: Access = Access::Requires(P::ImportsRun);

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("POST", "/api/v1/imports", RUN),
        rule("GET", "/api/v1/imports", RUN),
        rule("GET", "/api/v1/imports/{id}", RUN),
        rule("GET", "/api/v1/imports/{id}/problems", RUN),
        rule("GET", "/api/v1/imports/{id}/problems.csv", RUN),
        rule("GET", "/api/v1/imports/{id}/proposals", RUN),
        rule("POST", "/api/v1/imports/{id}/cancel", RUN),
        rule("POST", "/api/v1/imports/{id}/commit", RUN),
    ],
};
