//! Organisational units (offices, directorates, teams) as a tree.

pub mod dto;
mod handlers;
pub mod model;
mod repo;

pub use handlers::configure;
