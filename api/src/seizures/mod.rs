//! The seizure database: cases (seizures and offences) with goods, route, concealment and
//! links to the registers; a draft → submitted → validated workflow; full history.

mod check;
mod document;
pub mod dto;
mod handlers;
pub(crate) mod model;
pub(crate) mod read;
pub(crate) mod repo;
mod workflow;

use crate::auth::{AuthUser, Permission};
use crate::error::ApiError;
use utoipa_actix_web::service_config::ServiceConfig;

pub const TAG: &str = "seizures";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(handlers::list_cases)
        .service(handlers::create_case)
        .service(handlers::get_case)
        .service(handlers::update_case)
        .service(workflow::submit_case)
        .service(workflow::validate_case)
        .service(workflow::reopen_case)
        .service(workflow::case_history);
}

/// Cases are changed only by their reporting unit: everyone who may read a case knows it
/// exists, so another unit's attempt is 403 (not 404).
fn require_own_unit(auth: &AuthUser, case: &model::CaseRow) -> Result<(), ApiError> {
    if case.reporting_unit_id == auth.unit_id {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Who may edit a case in its current status: drafts by their unit's officers and
/// supervisors; submitted cases by the unit's supervisors; validated cases by no one
/// (a supervisor reopens them first).
pub(crate) fn require_editable(auth: &AuthUser, case: &model::CaseRow) -> Result<(), ApiError> {
    require_own_unit(auth, case)?;
    match case.status.as_str() {
        "validated" => Err(ApiError::Conflict(
            "the case is validated and locked; a supervisor must reopen it before it can be changed".into(),
        )),
        "submitted" if !auth.can(Permission::SeizuresValidate) => Err(ApiError::Conflict(
            "the case is submitted for validation; a supervisor must reopen it before it can be changed".into(),
        )),
        _ => Ok(()),
    }
}
