//! Live updates for the signed-in user: `GET /api/v1/events`, Server-Sent Events fed by this
//! instance's share of `LISTEN/NOTIFY` (`ncen_core::events`), resumable with `Last-Event-ID`.

mod handlers;
mod stream;

use crate::routes::{rule, Access, Module};

pub use handlers::PATH;

pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[rule("GET", "/api/v1/events", Access::Authenticated)],
};
