//! Code lists (commodity groups and types, methods, countries, currencies…), seeded by
//! migration and administered by admins. Retired entries stay valid on old records.

pub mod book;
pub mod dto;
mod handlers;
pub mod repo;

pub use handlers::configure;
