//! nCEN's domain and persistence: the database schema (generated), row models, queries,
//! domain rules and errors, and the audit log. Nothing here knows HTTP: `ncen-api` calls
//! these functions and renders what they return. See `ARCHITECTURE.md`.

pub mod audit;
pub mod auth;
pub mod codelists;
pub mod common;
pub mod db;
pub mod error;
pub mod files;
pub mod identifiers;
pub mod registers;
pub mod seizures;
pub mod units;
pub mod users;

pub use error::{Error, FieldError, Result};
