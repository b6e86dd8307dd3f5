//! What the import routes take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// What a file holds: one record of this type per line. `cases`: seizure cases in the
    /// shape of `POST /seizures`, goods, route and parties nested; a party given as a record
    /// (`person`, `company`, `conveyance`) is linked to the register record the matching
    /// engine finds it to be (an identifier, or a name above the threshold), else created —
    /// with the close ones below the threshold listed as proposals.
    pub enum RecordType {
        Persons = "persons",
        Companies = "companies",
        Conveyances = "conveyances",
        Cases = "cases",
    }
}

impl RecordType {
    /// The kind audit rows and histories name (`person`).
    pub fn kind(self) -> &'static str {
        match self {
            RecordType::Persons => "person",
            RecordType::Companies => "company",
            RecordType::Conveyances => "conveyance",
            RecordType::Cases => "seizure",
        }
    }
}

crate::text_enum! {
    /// How the file is written. `ndjson`: one JSON object per line in the shape of the create
    /// endpoint's body plus `external_id` (and `source_system`, when it differs from the
    /// import's). `csv`: a header naming each column by its field's path in that body
    /// (`family_name`, `documents[0].number`, `goods[0].commodity_group`,
    /// `persons[0].person.family_name`) plus `external_id`; a cell is typed as its field is,
    /// an empty cell is no value (`docs/imports.md`). `xlsx`: the first worksheet of a
    /// workbook, read as CSV is (its first row the header).
    pub enum ImportFormat {
        Ndjson = "ndjson",
        Csv = "csv",
        Xlsx = "xlsx",
    }
}

crate::text_enum! {
    /// `all_or_nothing`: one bad line and nothing is written; `valid_rows`: bad lines are
    /// skipped and reported, the others written.
    pub enum ImportMode {
        AllOrNothing = "all_or_nothing",
        ValidRows = "valid_rows",
    }
}

crate::text_enum! {
    /// `queued` (waiting for an instance), `running`, then `succeeded`, `failed` (see
    /// `failure`; an `all_or_nothing` import with bad lines writes nothing) or `cancelled`.
    pub enum ImportStatus {
        Queued = "queued",
        Running = "running",
        Succeeded = "succeeded",
        Failed = "failed",
        Cancelled = "cancelled",
    }
}

impl ImportStatus {
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ImportStatus::Succeeded | ImportStatus::Failed | ImportStatus::Cancelled
        )
    }
}

/// The import's settings, in the query string of the upload (the body is the file).
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportRequest {
    pub record_type: RecordType,
    #[serde(default = "ndjson")]
    #[param(inline)]
    pub format: ImportFormat,
    #[serde(default = "valid_rows")]
    #[param(inline)]
    pub mode: ImportMode,
    /// Validate and report only (the default); `false` writes.
    #[serde(default = "yes")]
    pub dry_run: bool,
    /// The system the records come from: with each line's `external_id` it names the record
    /// across imports. A line's own `source_system` wins.
    #[param(min_length = 1, max_length = 100)]
    pub source_system: String,
    /// The file's name, for the history of imports.
    #[param(max_length = 255)]
    pub filename: Option<String>,
}

fn ndjson() -> ImportFormat {
    ImportFormat::Ndjson
}
fn valid_rows() -> ImportMode {
    ImportMode::ValidRows
}
fn yes() -> bool {
    true
}

/// An import and where it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportJob {
    pub id: Uuid,
    pub record_type: RecordType,
    pub format: ImportFormat,
    pub mode: ImportMode,
    pub dry_run: bool,
    pub source_system: String,
    pub status: ImportStatus,
    pub filename: Option<String>,
    pub size_bytes: i64,
    /// SHA-256 (hex) of the file.
    pub sha256: String,
    /// Lines settled so far (applied, unchanged or rejected).
    pub rows_done: i32,
    /// Bytes of the file read so far (against `size_bytes`: how far the run is).
    pub bytes_done: i64,
    /// Records created (a dry run: that would be).
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    /// Lines refused (see `GET /imports/{id}/problems`).
    pub rejected: i32,
    /// Cases: parties linked to existing register records (by identifier, or by a name above
    /// the threshold).
    pub matched: i32,
    /// Cases: parties created beside an existing record they may be (see
    /// `GET /imports/{id}/proposals`).
    pub proposals: i32,
    /// Why it failed, when it did.
    pub failure: Option<String>,
    pub cancel_requested: bool,
    pub created_by: Uuid,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// When the file was removed from the store (`FILE_DAYS` after the last import reading
    /// it ended): the report stays, but a dry run can no longer be committed.
    pub file_purged_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportList {
    /// Newest first (at most 100).
    pub items: Vec<ImportJob>,
}

/// What was wrong with a line.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ImportProblem {
    /// 1-based line of the file.
    pub line: i32,
    pub external_id: Option<String>,
    /// The field (as the create endpoint names it), or `line` for the line as a whole.
    pub field: String,
    /// Stable code: the API's field-error codes and `invalid` (a value of the wrong type);
    /// for the line itself `encoding`, `too_long`, `duplicate`, NDJSON's `json` and
    /// `not_an_object`, CSV's `columns`, `quote` and `csv`; `locked` for a case no longer a
    /// draft (reopen it to let an import change it). See `docs/imports.md`.
    pub code: String,
    pub message: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProblems {
    /// In line order (at most 1 000 per page).
    pub items: Vec<ImportProblem>,
    /// The `after` of the next page (the last line of this one), if there is one.
    pub next_after: Option<i32>,
}

/// A page of problems: those on lines after `after`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProblemsQuery {
    #[param(minimum = 0)]
    pub after: Option<i32>,
    /// Only problems of this code.
    #[param(max_length = 100)]
    pub code: Option<String>,
}

/// A party of an imported case that the import created, and an existing register record it
/// may be (below the threshold at which the import links to it): to compare, and merge
/// through the registers if they are one.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProposal {
    pub line: i32,
    /// Where in the case (`persons[0]`).
    pub field: String,
    /// `person` or `company`.
    pub record_kind: String,
    pub case_id: Uuid,
    /// The record the import created.
    pub record_id: Uuid,
    /// The existing record it may be.
    pub candidate_id: Uuid,
    pub score: f64,
    /// How lists show the created record (a person's name and date of birth, a company's
    /// name and country); absent once it is gone (merged away).
    pub record_label: Option<String>,
    /// How lists show the existing record.
    pub candidate_label: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProposals {
    /// In line order (at most 1 000 per page).
    pub items: Vec<ImportProposal>,
    /// The `after` of the next page (the last line of this one), if there is one.
    pub next_after: Option<i32>,
}

/// A page of proposals: those on lines after `after`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProposalsQuery {
    #[param(minimum = 0)]
    pub after: Option<i32>,
}
