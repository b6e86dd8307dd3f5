//! nCEN's HTTP API: routes with their access rules, extractors, handlers, problem documents
//! and the OpenAPI contract. Handlers extract, call one operation of `ncen_core` and respond;
//! they hold no SQL. See `ARCHITECTURE.md`.

// A slice at a byte offset, or an index, panics on bad input; server code must not.
#![deny(clippy::string_slice, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::string_slice, clippy::indexing_slicing))]

pub mod alerts;
pub mod analysis;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod codelists;
pub mod companies;
pub mod config;
pub mod error;
pub mod events;
pub mod exchange;
pub mod health;
pub mod http;
pub mod imports;
pub mod investigations;
pub mod merges;
pub mod messaging;
pub mod metrics;
pub mod notifications;
pub mod openapi;
pub mod registers;
pub mod routes;
pub mod screening;
pub mod searches;
pub mod seizures;
pub mod spa;
pub mod startup;
pub mod state;
pub mod stats;
pub mod units;
pub mod users;
