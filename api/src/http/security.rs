//! Security headers on every response, and CORS (off unless origins are configured).

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, CACHE_CONTROL};
use actix_web::middleware::{DefaultHeaders, Next};

/// The browser app and the API reference are served from this origin only; Mantine and
/// Swagger UI set inline styles, hence `style-src 'unsafe-inline'` (scripts stay strict).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// One year, subdomains included: sent only when the deployment says it is served over
/// HTTPS (`NCEN_COOKIE_SECURE=true`); over plain HTTP it would be ignored or, worse, pin a
/// test host to HTTPS.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

pub fn headers(https: bool) -> DefaultHeaders {
    let headers = if https {
        DefaultHeaders::new().add(("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY))
    } else {
        DefaultHeaders::new()
    };
    headers
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

/// API responses carry nominal data (names, documents, case narratives): no browser or
/// intermediate cache may keep them. A handler that sets its own `Cache-Control` keeps it.
pub async fn no_store(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let api = req.path().starts_with("/api/v1/");
    let mut res = next.call(req).await?;
    if api && !res.headers().contains_key(CACHE_CONTROL) {
        res.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(res)
}
