//! Icomm exchange (issue 17): the administrations this node exchanges seizure cases with
//! (partners, each known by an Ed25519 key confirmed out of band by its fingerprint), the
//! legal bases that allow an exchange (agreements), what of a case may leave in each scope
//! (`scope`: every field of the case document classified in one place, the views built from
//! that allow-list), and the non-nominal batches for the global CEN database (`cen`).
//!
//! Partners and agreements are managed by liaison officers; every change is audited with the
//! changed fields' old and new values. No case leaves without an agreement that covers it:
//! `service::covering` is the one place that decides.

pub mod agreement_document;
pub mod cen;
pub mod delivery;
pub mod dto;
pub mod files;
pub mod inbox;
pub mod keys;
pub mod model;
pub mod outbox;
pub mod package;
pub mod received;
pub mod repo;
pub mod scope;
pub mod service;
