//! Organisational units (offices, directorates, teams) as a tree.

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/units", Access::Requires(P::UnitsRead)),
        rule("POST", "/api/v1/units", Access::Requires(P::UnitsManage)),
        rule("GET", "/api/v1/units/{id}", Access::Requires(P::UnitsRead)),
        rule(
            "PATCH",
            "/api/v1/units/{id}",
            Access::Requires(P::UnitsManage),
        ),
    ],
};
