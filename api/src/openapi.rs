//! The root OpenAPI document: info, tags and the security scheme. Paths are collected from
//! the handlers as they are registered (`utoipa_actix_web`), so the spec cannot drift.

mod complete;

pub use complete::{complete, NO_NUL};

use crate::error::{FieldError, Problem};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "nCEN API",
        description = "National Customs Enforcement Network: seizures, suspects, companies, investigations, messaging and exchange.\n\nErrors are `application/problem+json` documents with a stable `code`.",
        license(name = "Apache-2.0")
    ),
    tags(
        (name = "auth", description = "Sign-in, sessions and the signed-in user"),
        (name = "users", description = "User accounts (administrators)"),
        (name = "units", description = "Organisational units"),
        (name = "codelists", description = "Code lists"),
        (name = "audit", description = "The audit trail (auditors)"),
        (name = "seizures", description = "Seizure and offence cases: goods, route, concealment, links, workflow and history"),
        (name = "persons", description = "The person register (nominal)"),
        (name = "companies", description = "The company register (nominal)"),
        (name = "screening", description = "Screening a person or company against the registers, with explained scores"),
        (name = "alerts", description = "Alerts (the watch list) and their hits: workflow, review, and what an officer whose data hit an alert is told"),
        (name = "investigations", description = "Investigations: workflow, team, links, tasks, journal and timeline (need-to-know: the team, the lead and the supervisors of the supervising unit)"),
        (name = "duplicates", description = "Likely duplicate persons and companies, merging them and undoing merges"),
        (name = "conveyances", description = "The conveyance register: vehicles, vessels, aircraft, containers, consignments"),
        (name = "messaging", description = "Secure messaging: threads between officers and units, CENcomm warnings, feedback and seizure messages"),
        (name = "notifications", description = "The signed-in user's notifications and live-ping preferences"),
        (name = "events", description = "Live updates (Server-Sent Events)"),
        (name = "statistics", description = "Seizure statistics: counts, masses, values and quantities by period, commodity, method, place and route, with comparisons"),
        (name = "analysis", description = "Link analysis: the graph of cases, persons, companies, conveyances, identifiers and contact points; neighbours and shortest chains"),
        (name = "saved searches", description = "Saved seizure and register searches that alert: rules, hits, notifications"),
        (name = "exchange", description = "Icomm exchange: this node's key, partner administrations, agreements (legal bases) and what would leave in each scope"),
        (name = "imports", description = "Bulk imports of register records: streamed NDJSON files, dry runs with a report per line, idempotent commits as durable jobs"),
        (name = "operations", description = "Health and metrics"),
    ),
    components(schemas(
        Problem,
        FieldError,
        ncen_core::messaging::dto::MessageEvent,
        ncen_core::messaging::dto::ReadEvent,
        ncen_core::notifications::dto::NotificationEvent,
        ncen_core::export::FileFormat,
        ncen_core::exchange::cen::CenFormat,
        ncen_core::registers::order::RegisterSort,
        ncen_core::notifications::dto::NotificationsReadEvent,
        ncen_core::alerts::dto::AlertStatus,
        ncen_core::alerts::dto::SubjectKind,
        ncen_core::alerts::dto::HitStatus,
        ncen_core::registers::merge::dto::MergeKind,
        ncen_core::registers::merge::dto::PairStatus,
        ncen_core::alerts::dto::AlertIdentifierKind,
        ncen_core::investigations::dto::InvestigationStatus,
        ncen_core::searches::dto::SeizureSearch,
        ncen_core::searches::dto::PersonSearch,
        ncen_core::searches::dto::CompanySearch,
        ncen_core::searches::dto::ConveyanceSearch,
        ncen_core::registers::companies::dto::CompanyStatus,
        ncen_core::registers::companies::risk::RiskBand,
        ncen_core::identifiers::IdentifierKind,
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        openapi.info.version = env!("CARGO_PKG_VERSION").to_string();
    }
}

/// The spec as YAML, exactly as committed in `openapi.yaml`.
pub fn to_yaml(api: &serde_json::Value) -> anyhow::Result<String> {
    Ok(serde_norway::to_string(api)?)
}
