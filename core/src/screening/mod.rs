//! Screening: an officer checks a person or a company ad hoc (a passenger at a desk, a
//! consignee on a declaration) and gets the register records that may be them, each with a
//! score and its explanation from the matching engine (`ncen-matching`). PostgreSQL finds the
//! candidates through the matching keys' indexes; Rust scores them. Every screening is
//! audited with the ids it showed.

pub mod batch;
pub mod dto;
pub mod duplicates;
pub mod service;

pub use ncen_matching::Thresholds;
