//! Secure messaging: threads between users and units, their messages and read state, and
//! the CENcomm templates (warning, feedback, seizure), and the threads and requests for
//! information of investigations (`origin`). Only participants read a thread (a
//! unit participant means its members at each moment); anyone else gets `NotFound`.
//! Messages are never edited or deleted by a participant. Every change tells the people it
//! concerns live and through notifications (`live`).

pub mod attachments;
pub mod dto;
pub mod live;
pub mod model;
pub mod origin;
pub mod repo;
pub mod retention;
pub mod service;
pub mod templates;

/// The largest message body, in bytes (64 KiB).
pub const MAX_BODY_BYTES: usize = 65_536;
/// The most participants (users and units) a thread may have.
pub const MAX_PARTICIPANTS: usize = 200;
