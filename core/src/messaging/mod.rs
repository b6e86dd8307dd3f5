//! Secure messaging: threads between users and units, their messages and read state.
//! Only participants read a thread (a unit participant means its members at each moment);
//! anyone else gets `NotFound`. Messages are never edited or deleted by a participant.

pub mod dto;
pub mod model;
pub mod repo;
pub mod service;

/// The largest message body, in bytes (64 KiB).
pub const MAX_BODY_BYTES: usize = 65_536;
/// The most participants (users and units) a thread may have.
pub const MAX_PARTICIPANTS: usize = 200;
