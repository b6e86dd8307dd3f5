//! Code lists (commodity groups and types, methods, countries, currencies…), seeded by
//! migration and administered by admins. Retired entries stay valid on old records.

pub mod book;
pub mod dto;
pub mod repo;
pub mod service;
