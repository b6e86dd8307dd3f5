//! The route registry: every module of the API, each with its handlers and the access rule
//! of each of its routes (declared in the module, beside its handlers). Adding a module is a
//! folder and one line in `API_MODULES`. The permission-matrix test walks `rules()` for every
//! role, and the contract test checks that they are exactly the documented routes.

use crate::{
    alerts, analysis, attachments, audit, auth, codelists, companies, events, exchange, health,
    imports, investigations, merges, messaging, notifications, registers, screening, searches,
    seizures, stats, units, users,
};
use ncen_core::auth::Permission;
use utoipa_actix_web::service_config::ServiceConfig;

/// What a route requires of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in, enabled user.
    Authenticated,
    Requires(Permission),
}

pub struct RouteRule {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

pub const fn rule(method: &'static str, path: &'static str, access: Access) -> RouteRule {
    RouteRule {
        method,
        path,
        access,
    }
}

/// A module of the API: its handlers (`configure`) and the rule of each of its routes.
pub struct Module {
    pub configure: fn(&mut ServiceConfig),
    pub routes: &'static [RouteRule],
}

/// Modules served at the root (operations).
pub const ROOT_MODULES: &[Module] = &[health::MODULE];

/// Modules served under `/api/v1`, in registration order.
pub const API_MODULES: &[Module] = &[
    auth::MODULE,
    users::MODULE,
    units::MODULE,
    codelists::MODULE,
    audit::MODULE,
    seizures::MODULE,
    messaging::MODULE,
    notifications::MODULE,
    events::MODULE,
    registers::persons::MODULE,
    registers::companies::MODULE,
    companies::MODULE,
    registers::conveyances::MODULE,
    attachments::MODULE,
    screening::MODULE,
    alerts::MODULE,
    merges::MODULE,
    investigations::MODULE,
    stats::MODULE,
    analysis::MODULE,
    searches::MODULE,
    exchange::MODULE,
    imports::MODULE,
];

/// Every route the server registers, with what it requires.
pub fn rules() -> impl Iterator<Item = &'static RouteRule> {
    ROOT_MODULES
        .iter()
        .chain(API_MODULES)
        .flat_map(|m| m.routes.iter())
}
