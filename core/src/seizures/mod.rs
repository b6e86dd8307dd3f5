//! The seizure database: cases (seizures and offences) with goods, route, concealment and
//! links to the registers; a draft → submitted → validated workflow; full history.

pub mod attachments;
pub mod check;
pub mod document;
pub mod dto;
pub mod links;
pub mod model;
pub mod read;
pub mod repo;
pub mod service;
pub mod workflow;

use crate::auth::{Permission, Principal};
use crate::error::{Error, Result};
use dto::CaseStatus;

/// Cases are changed only by their reporting unit: everyone who may read a case knows it
/// exists, so another unit's attempt is 403 (not 404).
fn require_own_unit(who: &Principal, case: &model::CaseRow) -> Result<()> {
    if case.reporting_unit_id == who.unit_id {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Who may edit a case in its current status: drafts by their unit's officers and
/// supervisors; submitted cases by the unit's supervisors; validated cases by no one
/// (a supervisor reopens them first).
pub fn require_editable(who: &Principal, case: &model::CaseRow) -> Result<()> {
    require_own_unit(who, case)?;
    match case.status {
        CaseStatus::Validated => Err(Error::Conflict(
            "the case is validated and locked; a supervisor must reopen it before it can be changed".into(),
        )),
        CaseStatus::Submitted if !who.can(Permission::SeizuresValidate) => Err(Error::Conflict(
            "the case is submitted for validation; a supervisor must reopen it before it can be changed".into(),
        )),
        _ => Ok(()),
    }
}

/// Like `require_editable`, for the workflow steps that need the unit but not an editable status.
pub fn require_unit(who: &Principal, case: &model::CaseRow) -> Result<()> {
    require_own_unit(who, case)
}
