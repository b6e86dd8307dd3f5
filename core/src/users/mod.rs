//! User accounts: created and administered by admins, never hard-deleted (disabled instead).

pub mod bootstrap;
pub mod dto;
pub mod model;
pub mod repo;
pub mod service;
pub mod signin;
