//! Notifications: a user's inbox of events (a new message, a warning to their unit, feedback
//! on their warning, a warning whose feedback is overdue; later alert hits, assignments,
//! tasks due). Other modules create them through one function, `service::notify`, in their
//! own transaction; each also goes out live (`crate::events`), with `ping` set for the kinds
//! the user chose to be told of at once.

pub mod dto;
pub mod repo;
pub mod service;
