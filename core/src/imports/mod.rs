//! Bulk imports (issue 18): a file of register records (persons, companies, conveyances) in
//! NDJSON — one JSON object per line, the create endpoint's body plus `external_id` (and
//! `source_system` where it differs from the import's) — uploaded as a stream into the
//! attachment store and run as a durable job (`worker`).
//!
//! - A **dry run** checks every line as the create endpoint checks a body (the same field
//!   errors), reports each problem with its line, field, code and message, and foresees what a
//!   commit would do (created / updated / unchanged / rejected).
//! - A **commit** writes: `all_or_nothing` checks the whole file first and writes nothing if a
//!   line is refused, else writes it in one transaction; `valid_rows` writes the good lines a
//!   batch at a time and reports the others.
//! - **Idempotent**: the record each (source system, external id) became is kept with the hash
//!   of what was imported (`import_keys`): the same line again changes nothing, an edited one
//!   updates its record (history, the cases linking it, audit — as a typed correction).
//! - Imported records are checked against the alerts as typed ones are (by the registers'
//!   triggers); every record's create/update is audited, naming the import, and the import
//!   itself (`import.create`, `import.cancel`, `import.finish` with its counts).
//!
//! `service`: the job's operations (upload, read, problems, cancel, commit); `lines`: the
//! file's lines, bounded and checked; `rows`: a line read, checked and applied; `worker`: the
//! runs.

pub mod cases;
pub mod dto;
pub mod kinds;
pub mod lines;
pub mod parties;
pub mod rows;
pub mod runs;
pub mod service;
pub mod source;
pub mod worker;
pub mod xlsx;
