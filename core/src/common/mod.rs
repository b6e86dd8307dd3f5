//! Helpers every domain module uses, in one place: keyset pagination (`page`), field checks
//! and search text (`check`), JSON merge patch (`patch`) and idempotency keys.

pub mod check;
pub mod idempotency;
pub mod names;
pub mod page;
pub mod patch;
pub mod reference;
