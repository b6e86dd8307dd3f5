//! nCEN — national Customs Enforcement Network: the API server as a library, so the
//! binary and the black-box tests build exactly the same application.

pub mod attachments;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod codelists;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod health;
pub mod http;
pub mod identifiers;
pub mod metrics;
pub mod openapi;
pub mod registers;
pub mod seizures;
pub mod spa;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod units;
pub mod users;
