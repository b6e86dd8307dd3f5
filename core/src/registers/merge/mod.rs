//! Duplicates and merges of register records (persons and companies).
//!
//! - `queue`: likely pairs already in the registers, found by the matching engine when a
//!   record is created or changed (the alert-check worker calls `queue::detect`) or by a scan,
//!   reviewed by supervisors (`distinct`, or merged).
//! - `service`: a merge moves the merged record's case links, documents, aliases and other
//!   list values to the survivor, fills the survivor's empty fields from it, and marks it
//!   merged (its id then resolves to the survivor; a link made naming it lands on the
//!   survivor, by trigger). Each merge keeps what it changed, so an undo gives both records
//!   back as they were: the survivor restored whole when untouched since (else only what the
//!   merge added is taken away), the moved links back on the merged record, links made since
//!   naming the merged record moved to it, links made naming the survivor left there.

pub mod dto;
mod fields;
mod links;
pub mod queue;
pub mod service;

pub use service::resolve;
