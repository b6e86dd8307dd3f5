//! Screening: a person or company checked ad hoc against the registers (`ncen_core::screening`).

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule(
            "POST",
            "/api/v1/screening",
            Access::Requires(P::RegistersRead),
        ),
        rule(
            "POST",
            "/api/v1/screening/batch",
            Access::Requires(P::RegistersRead),
        ),
    ],
};
