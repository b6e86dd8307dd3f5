//! HTTP plumbing shared by every handler: request metadata, error envelopes for the
//! framework's own failures, security headers and versions (`If-Match`/`ETag`). Pagination,
//! field checks and merge patch are the domain's (`ncen_core::common`).

pub mod body;
pub mod denials;
pub mod export;
pub mod fallback;
pub mod files;
pub mod idempotency;
pub mod meta;
pub mod precondition;
pub mod problems;
pub mod security;
