//! The domain's errors. They say what went wrong in the domain's own terms and carry no
//! HTTP: `ncen-api` maps each one to a status and an `application/problem+json` body in one
//! place (`api/src/error.rs`), so the codes clients see are decided there.

use serde::Serialize;
use utoipa::ToSchema;

/// A field-level validation error.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `roles[1]` or `password`.
    pub field: String,
    /// Stable snake_case code, e.g. `required`, `length`, `unknown_code`.
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// A separation-of-duties rule: it refuses an action the caller's roles would otherwise
/// allow, because of who the caller is to the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// An administrator changing their own roles or unit.
    OwnAccount,
    /// An administrator resetting their own password instead of changing it at
    /// `/me/password` with the current one.
    OwnPassword,
    /// A supervisor validating a case they created, edited or submitted.
    FourEyes,
    /// Correcting a register record that a validated case of another unit links, without
    /// being a supervisor of a unit whose validated case links it (`seizures::links::may_correct`).
    ValidatedElsewhere,
    /// A supervisor activating or renewing an alert they wrote.
    OwnAlert,
    /// A step of an investigation reserved to its lead or to a supervisor of its supervising
    /// unit (a transition, the team, tasks), or to a task's assignee.
    InvestigationRole,
    /// A liaison officer approving a request to send cases that they made themselves.
    OwnExchangeRequest,
}

impl Duty {
    /// The stable code clients see.
    pub fn code(self) -> &'static str {
        match self {
            Duty::OwnAccount => "own_account",
            Duty::OwnPassword => "own_password",
            Duty::FourEyes => "four_eyes",
            Duty::ValidatedElsewhere => "validated_elsewhere",
            Duty::OwnAlert => "own_alert",
            Duty::InvestigationRole => "investigation_role",
            Duty::OwnExchangeRequest => "own_request",
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Duty::OwnAccount => {
                "an administrator cannot change their own roles or unit; another administrator must"
            }
            Duty::OwnPassword => {
                "change your own password at /api/v1/me/password, with your current password"
            }
            Duty::FourEyes => {
                "you created, edited or submitted this case: another supervisor must validate it"
            }
            Duty::ValidatedElsewhere => {
                "a validated case of another unit links this record: only a supervisor of a unit whose validated case links it may correct it"
            }
            Duty::OwnAlert => {
                "you wrote this alert: another supervisor of its unit must activate or renew it"
            }
            Duty::InvestigationRole => {
                "this is not yours to do in this investigation: it is for its lead or a supervisor of its supervising unit"
            }
            Duty::OwnExchangeRequest => {
                "you asked for this exchange: another liaison officer must approve it"
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input cannot be read as what the operation takes (wrong shape, not an object).
    #[error("{0}")]
    BadRequest(String),
    /// No live session, or the session's user cannot act.
    #[error("authentication required")]
    Unauthenticated,
    #[error("invalid username or password")]
    InvalidCredentials,
    /// The caller may not do this to this object.
    #[error("not allowed")]
    Forbidden,
    /// Refused by a separation-of-duties rule.
    #[error("{}", .0.message())]
    Refused(Duty),
    /// Unknown, or not visible to the caller.
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    /// A conflict with the object's state that clients tell apart by its stable code (409
    /// `investigation_closed`, `no_such_move`…).
    #[error("{1}")]
    State(&'static str, String),
    /// The object changed since the caller read it (its version moved on).
    #[error("the resource has changed since it was read")]
    StaleVersion,
    #[error("the request body is too large")]
    TooLarge,
    /// Content of a kind the operation does not take.
    #[error("{0}")]
    UnsupportedContent(String),
    #[error("the request is not valid")]
    Validation(Vec<FieldError>),
    #[error("too many attempts; retry later")]
    Throttled { retry_after_secs: u64 },
    /// The database cannot be reached.
    #[error("the service is temporarily unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl Error {
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        Error::Internal(err.into())
    }

    pub fn validation(field: &str, code: &str, message: &str) -> Self {
        Error::Validation(vec![FieldError::new(field, code, message)])
    }
}

impl From<diesel::result::Error> for Error {
    fn from(err: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error as E};
        match err {
            E::NotFound => Error::NotFound,
            E::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                Error::Conflict("a record with the same unique value already exists".into())
            }
            E::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                Error::Conflict("the request refers to a record that does not exist".into())
            }
            E::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => {
                Error::Conflict("a concurrent change conflicted with this one; retry".into())
            }
            // The database went away under a pooled connection (a restart, a failover): the
            // first command on it fails. Unavailable (503), like a pool that cannot connect.
            E::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => Error::Unavailable,
            E::DatabaseError(_, info) if database_going_away(info.message()) => Error::Unavailable,
            other => Error::Internal(other.into()),
        }
    }
}

/// PostgreSQL's messages for SQLSTATE 57P01–57P03 (shutdown, crash, not accepting
/// connections yet), which diesel reports without their code.
fn database_going_away(message: &str) -> bool {
    [
        "terminating connection due to administrator command",
        "terminating connection because of crash of another server process",
        "the database system is shutting down",
        "the database system is starting up",
        "the database system is in recovery mode",
        "connection closed",
    ]
    .iter()
    .any(|m| message.contains(m))
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for Error {
    fn from(err: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        tracing::warn!(error = %err, "database pool unavailable");
        Error::Unavailable
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::Internal(err.into())
    }
}
