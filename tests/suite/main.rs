//! The black-box suite: every test starts the real server against its own database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attachments;
mod audit;
mod auth;
mod codelists;
mod contract;
mod demo;
mod errors;
mod exports;
mod faults;
mod health;
mod idempotency;
mod jwt;
mod messaging;
mod migrations;
mod permissions;
mod register_history;
mod register_lists;
mod register_lookup;
mod registers;
mod roles;
mod screening;
mod seizures;
mod spa;
mod units;
mod users;
