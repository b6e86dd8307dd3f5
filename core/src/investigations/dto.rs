//! Wire types of investigations, their team and their transitions (links, tasks, journal and
//! timeline: their own modules).

pub use super::workflow::{InvestigationStatus, Outcome};
use crate::common::names::Named;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// What the caller is to this investigation: `member` of the team, its `lead`, or a
    /// `supervisor` of the supervising unit.
    pub enum StandingCode {
        Member = "member",
        Lead = "lead",
        Supervisor = "supervisor",
    }
}

/// A new investigation. The caller's unit supervises it; the lead and team may be named now
/// (a supervisor names the lead) or later.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvestigationInput {
    #[schema(required = true, value_type = String, min_length = 1, max_length = 200)]
    pub title: Option<String>,
    /// What is suspected and why (nominal: seen by the team only).
    #[schema(max_length = 20000)]
    pub summary: Option<String>,
    /// Code list `investigation_priorities`.
    #[schema(required = true, value_type = String, max_length = 64)]
    pub priority: Option<String>,
    /// The legal basis of the investigation (the law, the prosecutor's mandate…).
    #[schema(required = true, value_type = String, min_length = 1, max_length = 1000)]
    pub legal_basis: Option<String>,
    /// Code list `offence_types`.
    #[schema(max_items = 10)]
    #[serde(default)]
    pub offence_types: Vec<String>,
    /// Not before today.
    pub due_date: Option<NaiveDate>,
    /// The lead investigator (a supervisor names them; they must be able to work on
    /// investigations).
    pub lead_id: Option<Uuid>,
    /// The first team: users and units.
    #[schema(max_items = 50)]
    #[serde(default)]
    pub members: Vec<MemberInput>,
    /// What it starts from: a seizure case, a person, a company, a conveyance, an alert or a
    /// confirmed hit (links with their roles).
    #[schema(max_items = 50)]
    #[serde(default)]
    pub links: Vec<super::links::LinkInput>,
}

/// A correction (JSON merge patch, with `If-Match`): by the lead or a supervisor; only a
/// supervisor changes the lead.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvestigationPatch {
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
    #[schema(max_length = 20000)]
    pub summary: Option<String>,
    #[schema(max_length = 64)]
    pub priority: Option<String>,
    #[schema(min_length = 1, max_length = 1000)]
    pub legal_basis: Option<String>,
    #[schema(max_items = 10)]
    pub offence_types: Option<Vec<String>>,
    pub due_date: Option<NaiveDate>,
    pub lead_id: Option<Uuid>,
}

/// A team member: a user or a whole unit (exactly one).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberInput {
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberDto {
    pub id: Uuid,
    pub user: Option<Named>,
    pub unit: Option<Named>,
    pub added_by: Named,
    pub added_at: DateTime<Utc>,
}

/// A move in the workflow (see `GET …/{id}`'s `next_statuses` for the caller's).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionInput {
    #[schema(required = true, value_type = InvestigationStatus)]
    pub to: Option<String>,
    /// Why (recorded in the timeline and the report).
    #[schema(required = true, value_type = String, min_length = 1, max_length = 2000)]
    pub reason: Option<String>,
    /// Required when closing, refused otherwise.
    #[schema(value_type = Option<Outcome>)]
    pub outcome: Option<String>,
}

/// Counts of what the investigation holds.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct InvestigationCounts {
    pub links: i64,
    pub open_tasks: i64,
    pub overdue_tasks: i64,
    pub journal_entries: i64,
}

/// An investigation as its team sees it (`ETag`: its version).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvestigationDto {
    pub id: Uuid,
    /// `<country>-INV-<year>-<sequence>`.
    pub reference: String,
    pub title: String,
    pub summary: String,
    pub priority: String,
    pub legal_basis: String,
    pub offence_types: Vec<String>,
    pub status: InvestigationStatus,
    /// Where a suspended investigation resumes.
    pub suspended_from: Option<InvestigationStatus>,
    pub outcome: Option<Outcome>,
    pub lead: Option<Named>,
    /// The supervising unit.
    pub unit: Named,
    pub opened_on: NaiveDate,
    pub due_date: Option<NaiveDate>,
    /// Open and past its due date.
    pub overdue: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub members: Vec<MemberDto>,
    pub counts: InvestigationCounts,
    /// The caller's standing.
    pub standing: StandingCode,
    /// The statuses the caller may move it to now.
    pub next_statuses: Vec<InvestigationStatus>,
    pub version: i32,
    pub created_by: Named,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvestigationSummary {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub status: InvestigationStatus,
    pub priority: String,
    pub lead: Option<Named>,
    pub unit: Named,
    pub due_date: Option<NaiveDate>,
    pub overdue: bool,
    pub open_tasks: i64,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvestigationList {
    pub items: Vec<InvestigationSummary>,
    pub next_cursor: Option<String>,
}

/// The investigations the caller may see (team, lead, supervisor of the supervising unit),
/// most recently changed first.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InvestigationQuery {
    pub status: Option<InvestigationStatus>,
    /// Code list `investigation_priorities`.
    #[param(max_length = 64)]
    pub priority: Option<String>,
    pub lead_id: Option<Uuid>,
    /// Investigations whose team this user is on (in person).
    pub member_id: Option<Uuid>,
    /// The supervising unit.
    pub unit_id: Option<Uuid>,
    /// Open and past their due date, or with a task past its due date.
    pub overdue: Option<bool>,
    /// Linked to this seizure case, person or company.
    pub case_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    /// Words of the reference or title.
    #[param(max_length = 200)]
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}
