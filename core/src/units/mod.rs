//! Organisational units (offices, directorates, teams) as a tree.

pub mod dto;
pub mod model;
pub mod repo;
pub mod service;
