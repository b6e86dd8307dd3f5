//! Duplicates and merges of register records (`ncen_core::registers::merge`): the supervisors'
//! queue of likely duplicates, merging a person or company into another, and undoing a merge.

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

const MERGE: Access = Access::Requires(P::RegistersMerge);

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule("GET", "/api/v1/duplicates", MERGE),
        rule("GET", "/api/v1/duplicates/{id}", MERGE),
        rule("POST", "/api/v1/duplicates/{id}/distinct", MERGE),
        rule("POST", "/api/v1/persons/{id}/merge", MERGE),
        rule("POST", "/api/v1/companies/{id}/merge", MERGE),
        // the merges a record took part in: as readable as the record itself
        rule(
            "GET",
            "/api/v1/register-merges",
            Access::Requires(P::RegistersRead),
        ),
        rule("POST", "/api/v1/register-merges/{id}/undo", MERGE),
    ],
};
