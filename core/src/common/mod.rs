//! Helpers every domain module uses, in one place: keyset pagination (`page`), field checks
//! and search text (`check`), and JSON merge patch (`patch`).

pub mod check;
pub mod page;
pub mod patch;
