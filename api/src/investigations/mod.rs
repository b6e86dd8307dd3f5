//! Investigations (`ncen_core::investigations`): the investigation and its workflow and team
//! (`handlers`), the work on it — links, tasks, journal, timeline (`work`) — and its
//! communications (`communications`) and its case report (`report`).

mod communications;
mod handlers;
mod report;
mod work;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;
use utoipa_actix_web::service_config::ServiceConfig;

// Every route but opening one: the caller's standing is checked per investigation (404 for
// anyone not on its team, not its lead, not a supervisor of its unit).
const WORK: Access = Access::Requires(P::InvestigationsWork);
const OPEN: Access = Access::Requires(P::InvestigationsOpen);

fn configure(cfg: &mut ServiceConfig) {
    handlers::configure(cfg);
    work::configure(cfg);
    report::configure(cfg);
    communications::configure(cfg);
}

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/api/v1/investigations", WORK),
        rule("POST", "/api/v1/investigations", OPEN),
        rule("GET", "/api/v1/investigations/{id}", WORK),
        rule("PATCH", "/api/v1/investigations/{id}", WORK),
        rule("POST", "/api/v1/investigations/{id}/transitions", WORK),
        rule("POST", "/api/v1/investigations/{id}/members", WORK),
        rule(
            "DELETE",
            "/api/v1/investigations/{id}/members/{member_id}",
            WORK,
        ),
        rule("GET", "/api/v1/investigations/{id}/links", WORK),
        rule("POST", "/api/v1/investigations/{id}/links", WORK),
        rule(
            "DELETE",
            "/api/v1/investigations/{id}/links/{link_id}",
            WORK,
        ),
        rule("GET", "/api/v1/investigations/{id}/tasks", WORK),
        rule("POST", "/api/v1/investigations/{id}/tasks", WORK),
        rule(
            "POST",
            "/api/v1/investigations/{id}/tasks/from-templates",
            WORK,
        ),
        rule("PATCH", "/api/v1/investigations/{id}/tasks/{task_id}", WORK),
        rule("GET", "/api/v1/investigations/{id}/journal", WORK),
        rule("POST", "/api/v1/investigations/{id}/journal", WORK),
        rule(
            "GET",
            "/api/v1/investigations/{id}/journal-files/{file_id}/content",
            WORK,
        ),
        rule(
            "GET",
            "/api/v1/investigations/{id}/journal-files/{file_id}/thumbnail",
            WORK,
        ),
        rule("GET", "/api/v1/investigations/{id}/timeline", WORK),
        rule("GET", "/api/v1/investigations/{id}/report", WORK),
        rule("GET", "/api/v1/investigations/{id}/threads", WORK),
        rule("GET", "/api/v1/investigation-tasks", WORK),
        rule("POST", "/api/v1/investigations/{id}/threads", WORK),
    ],
};
