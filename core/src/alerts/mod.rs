//! Alerts: watch-list entries on a person, company or conveyance of the registers or on a bare
//! identifier, and the hits recorded when matching data enters nCEN.
//!
//! - `service`: the alert's life — create and correct a draft, activate (a supervisor of the
//!   owning unit who did not write it), withdraw, renew, expire.
//! - `check`: the durable queue of checks (filled by triggers on every write that can bring
//!   matching data) and the worker that scores queued records against active alerts.
//! - `hits`: the hit queue, review (confirm / dismiss), and what an officer whose data hit an
//!   alert is told (`notices`: the requested action and whom to contact, never the reason).
//!
//! Need-to-know: an alert exists only for its unit (anyone else gets 404); its reason is
//! intelligence.

pub mod candidates;
pub mod check;
pub mod dto;
pub mod hits;
pub mod input;
pub mod model;
pub mod repo;
pub mod service;

use crate::auth::Principal;
use crate::error::{Error, Result};
use model::AlertRow;

/// 404 for an alert of another unit: its existence is secret.
pub fn require_unit(who: &Principal, alert: &AlertRow) -> Result<()> {
    if alert.unit_id == who.unit_id {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}
