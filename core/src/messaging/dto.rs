//! Wire types of threads and messages.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// The kind of a thread: a discussion, one of the CENcomm templates, or a request for
    /// information of an investigation (due by `feedback_due`, answered once; started from
    /// the investigation, `POST /investigations/{id}/threads`).
    pub enum ThreadKind {
        General = "general",
        Warning = "warning",
        Feedback = "feedback",
        Seizure = "seizure",
        Request = "request",
    }
}

crate::text_enum! {
    /// What came of a warning, as its feedback reports it.
    pub enum FeedbackOutcome {
        ControlledNothingFound = "controlled_nothing_found",
        Seized = "seized",
        NotArrived = "not_arrived",
        NotControlled = "not_controlled",
    }
}

crate::text_enum! {
    /// What a warning asks to watch: a register record, or a bare identifier.
    pub enum WatchType {
        Person = "person",
        Company = "company",
        Conveyance = "conveyance",
        Container = "container",
        Flight = "flight",
        Awb = "awb",
        Passport = "passport",
        Vehicle = "vehicle",
        Vessel = "vessel",
        Other = "other",
    }
}

/// A participant: one user, or a whole unit (its members at each moment).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum ParticipantRef {
    User(UserRef),
    Unit(UnitRef),
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserRef {
    pub user_id: Uuid,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitRef {
    pub unit_id: Uuid,
}

impl ParticipantRef {
    /// (user, unit): exactly one is set.
    pub fn ids(self) -> (Option<Uuid>, Option<Uuid>) {
        match self {
            ParticipantRef::User(u) => (Some(u.user_id), None),
            ParticipantRef::Unit(u) => (None, Some(u.unit_id)),
        }
    }
}

/// ISO 3166-1 alpha-2, as the `countries` code list holds it.
const COUNTRY: &str = "^[A-Z]{2}$";

/// What a warning asks to watch.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WatchTarget {
    #[serde(rename = "type")]
    pub kind: WatchType,
    /// Who or what, in words (name, description of the goods or the vehicle…).
    #[schema(min_length = 1, max_length = 500)]
    pub description: String,
    /// The person, company or conveyance record, for those types.
    pub register_id: Option<Uuid>,
    /// Container, flight or AWB number, passport number, plate, IMO number…
    #[schema(max_length = 100)]
    pub identifier: Option<String>,
}

/// The route a warning expects.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WarningRoute {
    #[schema(pattern = "^[A-Z]{2}$")]
    pub origin: Option<String>,
    #[serde(default)]
    #[schema(schema_with = country_list)]
    pub transit: Vec<String>,
    #[schema(pattern = "^[A-Z]{2}$")]
    pub destination: Option<String>,
    /// Where it is expected (port, airport, border crossing).
    #[schema(max_length = 200)]
    pub place: Option<String>,
}

fn country_list() -> utoipa::openapi::Array {
    use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(COUNTRY)),
        )
        .max_items(Some(10))
        .build()
}

/// A CENcomm warning's structured fields, as stored and shown.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WarningFields {
    pub watch: WatchTarget,
    pub route: Option<WarningRoute>,
    pub expected_arrival: Option<DateTime<Utc>>,
    pub risk_indicators: Vec<String>,
    pub action_requested: String,
    pub feedback_due: DateTime<Utc>,
}

/// The kind of thread and its structured fields (the CENcomm templates), tagged by `kind`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
// An input read once per request and never stored in bulk: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum ThreadTemplate {
    /// A discussion, optionally about a case.
    General { case_id: Option<Uuid> },
    /// A warning: what to watch, where and when, and what to do; feedback is due by
    /// `feedback_due` (in the future).
    Warning {
        case_id: Option<Uuid>,
        watch: WatchTarget,
        route: Option<WarningRoute>,
        expected_arrival: Option<DateTime<Utc>>,
        #[serde(default)]
        #[schema(schema_with = crate::common::check::texts_schema::<20, 200>)]
        risk_indicators: Vec<String>,
        #[schema(min_length = 1, max_length = 2000)]
        action_requested: String,
        feedback_due: DateTime<Utc>,
    },
    /// Feedback on a warning the sender can see; a seizure case is required when the
    /// outcome is `seized`. The warning's author takes part.
    Feedback {
        warning_id: Uuid,
        outcome: FeedbackOutcome,
        case_id: Option<Uuid>,
    },
    /// A seizure message: the case's non-nominal summary goes with it.
    Seizure { case_id: Uuid },
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateThread {
    #[schema(min_length = 1, max_length = 300)]
    pub subject: String,
    /// Users and units besides the sender (who always takes part).
    #[schema(min_items = 1, max_items = 200)]
    pub participants: Vec<ParticipantRef>,
    /// The first message: plain text with light formatting (`*bold*`, `_italic_`, links).
    #[schema(min_length = 1, max_length = 65536)]
    pub body: String,
    #[serde(default)]
    pub urgent: bool,
    /// A handling marker, e.g. "no onward sharing".
    #[schema(max_length = 200)]
    pub handling: Option<String>,
    pub template: ThreadTemplate,
    /// Files uploaded for the first message (`POST /message-attachments`).
    #[serde(default)]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<Uuid>,
}

/// A seizure case's non-nominal summary, as a seizure message carries it (no person,
/// company, conveyance, narrative or free description: what the global CEN would receive).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SeizureSummary {
    pub case_id: Uuid,
    pub reference: String,
    pub detected_at: DateTime<Utc>,
    pub country: Option<String>,
    pub unlocode: Option<String>,
    pub location_type: Option<String>,
    pub direction: Option<String>,
    pub detection_methods: Vec<String>,
    pub concealment_method: Option<String>,
    pub summary_non_nominal: Option<String>,
    pub goods: Vec<SummaryGoods>,
    pub route: Vec<SummaryLeg>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SummaryGoods {
    pub commodity_group: String,
    pub commodity_type: Option<String>,
    pub quantity: f64,
    pub unit: String,
    pub mass_kg: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SummaryLeg {
    pub position: i32,
    pub country: String,
    pub unlocode: Option<String>,
    pub role: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostMessage {
    #[schema(min_length = 1, max_length = 65536)]
    pub body: String,
    /// Files uploaded for this message (`POST /message-attachments`).
    #[serde(default)]
    #[schema(max_items = 10)]
    pub attachment_ids: Vec<Uuid>,
    /// This message answers the thread's request for information (once per request; not by
    /// its author; 409 `not_a_request`, `already_answered`, `own_request`).
    #[serde(default)]
    pub answer: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParticipantDto {
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    /// The user's display name or the unit's name.
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MessageDto {
    pub id: Uuid,
    pub sender_id: Uuid,
    pub sender_name: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
    /// Who has read it (read receipts), the sender excluded.
    pub read_by: Vec<Uuid>,
    pub attachments: Vec<super::attachments::MessageAttachmentDto>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadSummary {
    pub id: Uuid,
    pub subject: String,
    pub kind: ThreadKind,
    pub case_id: Option<Uuid>,
    pub urgent: bool,
    pub handling: Option<String>,
    pub created_by: Uuid,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
    pub last_message_at: DateTime<Utc>,
    /// Messages of others the caller has not read.
    pub unread: i64,
    /// A feedback's warning.
    pub replies_to: Option<Uuid>,
    /// A warning's feedback deadline.
    pub feedback_due: Option<DateTime<Utc>>,
    /// A feedback's outcome.
    pub outcome: Option<FeedbackOutcome>,
    /// A warning past its deadline with no feedback yet; a request past its due date with
    /// no answer yet.
    pub overdue: bool,
    /// The investigation the thread is about (started from it).
    pub investigation_id: Option<Uuid>,
    /// A request's answer: the message, who answered and when.
    pub answer_id: Option<Uuid>,
    pub answered_by: Option<Uuid>,
    pub answered_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadDetail {
    #[serde(flatten)]
    pub thread: ThreadSummary,
    pub participants: Vec<ParticipantDto>,
    /// Oldest first.
    pub messages: Vec<MessageDto>,
    /// A warning's fields.
    pub warning: Option<WarningFields>,
    /// A seizure message's case summary.
    pub seizure: Option<SeizureSummary>,
    /// A warning's feedback threads the caller takes part in.
    pub feedbacks: Vec<ThreadSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ThreadPage {
    pub items: Vec<ThreadSummary>,
    pub next_cursor: Option<String>,
    /// Unread messages across all of the caller's threads.
    pub unread_total: i64,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ThreadQuery {
    /// Only threads with unread messages.
    pub unread: Option<bool>,
    pub kind: Option<ThreadKind>,
    /// Only threads about this case.
    pub case_id: Option<Uuid>,
    /// Only threads this user or unit takes part in.
    pub participant: Option<Uuid>,
    /// Only warnings past their feedback deadline with no feedback, and requests for
    /// information past their due date with no answer.
    pub overdue: Option<bool>,
    /// Words to find in subjects and message bodies (all of them, in any order).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RecipientQuery {
    /// Part of a name, username or unit code.
    #[param(max_length = 100)]
    pub q: Option<String>,
    /// At most this many, 1–50 (default 20).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<i64>,
}

/// Someone a thread can be addressed to: an enabled user, or a unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct Recipient {
    pub user_id: Option<Uuid>,
    pub unit_id: Option<Uuid>,
    pub name: String,
    /// A user's unit, or a unit's code.
    pub detail: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecipientList {
    pub items: Vec<Recipient>,
}

/// `event: message` — a new message in one of the user's threads (the body is not carried:
/// reading it is audited, so the client fetches the thread).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageEvent {
    pub thread_id: Uuid,
    pub message_id: Uuid,
    pub sender_id: Uuid,
    pub sender_name: String,
    pub subject: String,
    pub kind: ThreadKind,
    pub urgent: bool,
    pub sent_at: DateTime<Utc>,
}

/// `event: read` — a participant read a thread (read receipts).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReadEvent {
    pub thread_id: Uuid,
    pub user_id: Uuid,
    pub user_name: String,
    pub read_at: DateTime<Utc>,
}
