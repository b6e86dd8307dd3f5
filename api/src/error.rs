//! One error type for the whole API, rendered as RFC 9457 `application/problem+json`
//! with a stable machine-readable `code`. Domain errors (`ncen_core::Error`) become
//! `ApiError`s here, and only here (`From<ncen_core::Error>`): that mapping decides the
//! status and code a client sees for each.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

pub use ncen_core::FieldError;

/// The problem document every error response carries.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    /// Stable snake_case error code; clients switch on this.
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// The `code` of an error response, for the middleware that audits refusals.
#[derive(Debug, Clone, Copy)]
pub struct ProblemCode(pub &'static str);

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("authentication required")]
    Unauthenticated,
    #[error("invalid username or password")]
    InvalidCredentials,
    #[error("not allowed")]
    Forbidden,
    /// A separation-of-duties refusal (403 with the rule's own code).
    #[error("{}", .0.message())]
    Refused(ncen_core::Duty),
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed(Vec<String>),
    #[error("{0}")]
    Conflict(String),
    /// A 409 with its own stable code.
    #[error("{1}")]
    State(&'static str, String),
    #[error("the resource has changed since it was read")]
    PreconditionFailed,
    #[error("this request must carry an If-Match header with the resource version")]
    PreconditionRequired,
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("the request is not valid")]
    Validation(Vec<FieldError>),
    #[error("too many attempts; retry later")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("the service is temporarily unavailable")]
    ServiceUnavailable,
    /// `Idempotency-Key` misuse: reused for another request (422), or its first request is
    /// still being handled (409).
    #[error("{}", .0.message())]
    Idempotency(IdempotencyMisuse),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

#[derive(Debug, Clone, Copy)]
pub enum IdempotencyMisuse {
    Reused,
    InFlight,
}

impl IdempotencyMisuse {
    pub fn message(self) -> &'static str {
        match self {
            IdempotencyMisuse::Reused => {
                "this Idempotency-Key was used for another request (method, path or body)"
            }
            IdempotencyMisuse::InFlight => {
                "the first request with this Idempotency-Key is still being handled; retry shortly"
            }
        }
    }
}

impl ApiError {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        ApiError::Internal(err.into())
    }

    pub fn validation(field: &str, code: &str, message: &str) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Unauthenticated => "unauthenticated",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::Forbidden => "forbidden",
            ApiError::Refused(duty) => duty.code(),
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed(_) => "method_not_allowed",
            ApiError::Conflict(_) => "conflict",
            ApiError::State(code, _) => code,
            ApiError::PreconditionFailed => "precondition_failed",
            ApiError::PreconditionRequired => "precondition_required",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::Validation(_) => "validation_failed",
            ApiError::TooManyRequests { .. } => "too_many_requests",
            ApiError::ServiceUnavailable => "service_unavailable",
            ApiError::Idempotency(IdempotencyMisuse::Reused) => "idempotency_key_reused",
            ApiError::Idempotency(IdempotencyMisuse::InFlight) => "idempotency_key_in_flight",
            ApiError::Internal(_) => "internal_error",
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let errors = match self {
            ApiError::Validation(errors) => errors.clone(),
            _ => Vec::new(),
        };
        Problem {
            type_: format!("urn:ncen:problem:{}", self.code()),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            code: self.code().to_string(),
            // Internal errors never expose their cause to the client.
            detail: Some(self.to_string()),
            errors,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated | ApiError::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::Refused(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) | ApiError::State(..) => StatusCode::CONFLICT,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Idempotency(IdempotencyMisuse::Reused) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Idempotency(IdempotencyMisuse::InFlight) => StatusCode::CONFLICT,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(err) = self {
            tracing::error!(error = ?err, "internal error");
        }
        let mut builder = HttpResponse::build(self.status_code());
        builder.insert_header((header::CONTENT_TYPE, "application/problem+json"));
        match self {
            ApiError::TooManyRequests { retry_after_secs } => {
                builder.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::MethodNotAllowed(allowed) => {
                builder.insert_header((header::ALLOW, allowed.join(", ")));
            }
            ApiError::Unauthenticated | ApiError::InvalidCredentials => {
                builder.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"ncen\""));
            }
            _ => {}
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut res = builder.body(body);
        res.extensions_mut().insert(ProblemCode(self.code()));
        res
    }
}

impl From<ncen_core::Error> for ApiError {
    fn from(err: ncen_core::Error) -> Self {
        use ncen_core::Error as E;
        match err {
            E::BadRequest(m) => ApiError::BadRequest(m),
            E::Unauthenticated => ApiError::Unauthenticated,
            E::InvalidCredentials => ApiError::InvalidCredentials,
            E::Forbidden => ApiError::Forbidden,
            E::Refused(duty) => ApiError::Refused(duty),
            E::NotFound => ApiError::NotFound,
            E::Conflict(m) => ApiError::Conflict(m),
            E::State(code, m) => ApiError::State(code, m),
            E::StaleVersion => ApiError::PreconditionFailed,
            E::TooLarge => ApiError::PayloadTooLarge,
            E::UnsupportedContent(m) => ApiError::UnsupportedMediaType(m),
            E::Validation(errors) => ApiError::Validation(errors),
            E::Throttled { retry_after_secs } => ApiError::TooManyRequests { retry_after_secs },
            E::Unavailable => ApiError::ServiceUnavailable,
            E::Internal(e) => ApiError::Internal(e),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        ncen_core::Error::from(err).into()
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for ApiError {
    fn from(err: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        ncen_core::Error::from(err).into()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
