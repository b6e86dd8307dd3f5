//! Attachments of seizure cases: photos, X-ray images and documents. The type is decided
//! by the content, image metadata is stripped, thumbnails are made, and every download is
//! audited.

mod handlers;

use crate::routes::{rule, Access, Module};
use ncen_core::auth::Permission as P;

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure: handlers::configure,
    routes: &[
        rule(
            "POST",
            "/api/v1/seizures/{id}/attachments",
            Access::Requires(P::SeizuresWrite),
        ),
        rule(
            "GET",
            "/api/v1/attachments/{id}/content",
            Access::Requires(P::SeizuresRead),
        ),
        rule(
            "GET",
            "/api/v1/attachments/{id}/thumbnail",
            Access::Requires(P::SeizuresRead),
        ),
    ],
};
