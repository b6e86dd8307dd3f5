//! HTTP plumbing shared by every domain module: request metadata, error envelopes for the
//! framework's own failures, security headers, versions and pagination.

pub mod fallback;
pub mod merge_patch;
pub mod meta;
pub mod pagination;
pub mod precondition;
pub mod security;
pub mod validation;

/// Deserialises a field that distinguishes "absent" (`None`) from `null` (`Some(None)`).
/// Use with `#[serde(default, deserialize_with = "crate::http::double_option")]`.
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    Option::<T>::deserialize(deserializer).map(Some)
}
