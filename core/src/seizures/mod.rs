//! The seizure database: cases (seizures and offences) with goods, route, concealment and
//! links to the registers; a draft → submitted → validated workflow; full history.

pub mod attachments;
pub mod check;
pub mod document;
pub mod dto;
pub mod export;
pub mod history;
pub mod links;
pub mod model;
pub mod read;
pub mod repo;
pub mod service;
mod summary;
pub mod workflow;

use crate::auth::{Permission, Principal};
use crate::error::{Error, Result};
use dto::CaseStatus;

/// Who sees drafts: until a case is submitted, only its recording unit's officers and
/// supervisors (the roles that record or validate cases) know it exists. Everyone else who
/// reads cases sees submitted and validated cases only.
pub fn sees_drafts_of_own_unit(who: &Principal) -> bool {
    who.can(Permission::SeizuresWrite) || who.can(Permission::SeizuresValidate)
}

/// Whether the caller may know that a case in `status`, recorded by `unit`, exists.
pub fn visible(who: &Principal, status: CaseStatus, unit: uuid::Uuid) -> bool {
    status != CaseStatus::Draft || (unit == who.unit_id && sees_drafts_of_own_unit(who))
}

/// 404 for a case the caller may not know exists (another unit's draft).
pub fn require_visible(who: &Principal, case: &model::CaseRow) -> Result<()> {
    if visible(who, case.status, case.reporting_unit_id) {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// Cases are changed only by their reporting unit. Another unit's draft is 404 (its
/// existence is secret); another unit's submitted or validated case is 403 (everyone who
/// may read it knows it exists).
fn require_own_unit(who: &Principal, case: &model::CaseRow) -> Result<()> {
    require_visible(who, case)?;
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
