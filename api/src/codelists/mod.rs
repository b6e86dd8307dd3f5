//! Code lists (commodity groups and types, methods, countries, currencies…), seeded by
//! migration and administered by admins. Retired entries stay valid on old records.

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule(
            "GET",
            "/api/v1/codelists",
            Access::Requires(P::CodelistsRead),
        ),
        rule(
            "GET",
            "/api/v1/codelists/{name}",
            Access::Requires(P::CodelistsRead),
        ),
        rule(
            "POST",
            "/api/v1/codelists/{name}/entries",
            Access::Requires(P::CodelistsManage),
        ),
        rule(
            "PATCH",
            "/api/v1/codelists/{name}/entries/{code}",
            Access::Requires(P::CodelistsManage),
        ),
    ],
};
