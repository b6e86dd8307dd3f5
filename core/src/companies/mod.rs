//! The company database (issue 15): around a company register record, the people who run
//! and own it, its relations with other companies, the links computed from shared addresses,
//! contact points, bank accounts and people, the fraud typologies recorded against it, the
//! analysts' flags, and its risk score with the explanation of every contribution.
//!
//! Uses `registers` (the company record, its keys), `seizures`' tables (its cases),
//! `alerts` and `investigations` (what counts in its risk); nothing uses it.

pub mod dto;
pub mod import;
pub mod links;
pub mod network;
mod nodes;
pub mod profile;
pub mod risk;
pub mod timeline;
