//! Attachments of seizure cases: photos, X-ray images and documents. The type is decided
//! by the content, image metadata is stripped, thumbnails are made, and every download is
//! audited.

pub mod dto;
mod handlers;
pub mod media;
pub mod repo;
pub mod storage;

pub use handlers::configure;
