//! Security headers on every response, and CORS (off unless origins are configured).

use actix_cors::Cors;
use actix_web::middleware::DefaultHeaders;

/// The browser app and the API reference are served from this origin only; Mantine and
/// Swagger UI set inline styles, hence `style-src 'unsafe-inline'` (scripts stay strict).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

pub fn headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ))
}

pub fn cors(origins: &[String]) -> Cors {
    // With no configured origin, `Cors::default()` rejects every cross-origin request.
    let mut cors = Cors::default()
        .allowed_methods(vec!["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers(vec![
            "authorization",
            "content-type",
            "if-match",
            "x-request-id",
        ])
        .expose_headers(vec!["etag", "x-request-id", "retry-after", "location"])
        .supports_credentials()
        .max_age(600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}
