//! What the import routes take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// What a file holds: one record of this type per line.
    pub enum RecordType {
        Persons = "persons",
        Companies = "companies",
        Conveyances = "conveyances",
    }
}

impl RecordType {
    /// The kind audit rows and histories name (`person`).
    pub fn kind(self) -> &'static str {
        match self {
            RecordType::Persons => "person",
            RecordType::Companies => "company",
            RecordType::Conveyances => "conveyance",
        }
    }
}

crate::text_enum! {
    /// How the file is written: NDJSON, one JSON object per line in the shape of the create
    /// endpoint's body plus `external_id` (and `source_system`, when it differs from the
    /// import's).
    pub enum ImportFormat {
        Ndjson = "ndjson",
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
    /// Records created (a dry run: that would be).
    pub created: i32,
    pub updated: i32,
    pub unchanged: i32,
    /// Lines refused (see `GET /imports/{id}/problems`).
    pub rejected: i32,
    /// Why it failed, when it did.
    pub failure: Option<String>,
    pub cancel_requested: bool,
    pub created_by: Uuid,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
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
    /// Stable code: the API's field-error codes, and `encoding`, `too_long`, `json`,
    /// `not_an_object`, `duplicate` for the line itself.
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
