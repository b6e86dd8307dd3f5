//! The CENcomm templates: each kind's fields checked (field errors at their JSON paths under
//! `template`), and what the thread row keeps of them.

use super::dto::{
    FeedbackOutcome, SeizureSummary, SummaryGoods, SummaryLeg, ThreadKind, ThreadTemplate,
    WarningFields, WarningRoute, WatchTarget, WatchType,
};
use super::repo;
use crate::auth::Principal;
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::{Error, Result};
use crate::seizures;
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

/// A template, checked: what the thread row keeps.
pub struct Checked {
    pub kind: ThreadKind,
    pub case_id: Option<Uuid>,
    pub replies_to: Option<Uuid>,
    pub feedback_due: Option<DateTime<Utc>>,
    pub outcome: Option<FeedbackOutcome>,
    /// `{"warning": WarningFields}`, `{"seizure": SeizureSummary}` or `{}`.
    pub fields: serde_json::Value,
    /// Users who take part besides those named (a feedback's warning author).
    pub also: Vec<Uuid>,
}

/// Whether the caller may see the case (the seizure module's rule); unknown is `false`.
pub async fn case_visible(conn: &mut AsyncPgConnection, who: &Principal, id: Uuid) -> Result<bool> {
    match seizures::read::find_row(conn, id).await {
        Ok(row) => Ok(seizures::visible(who, row.status, row.reporting_unit_id)),
        Err(Error::NotFound) => Ok(false),
        Err(e) => Err(e),
    }
}

async fn check_case(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    ck: &mut Checker,
    field: &str,
    case: Option<Uuid>,
) -> Result<()> {
    if let Some(id) = case {
        if !case_visible(conn, who, id).await? {
            ck.push(field, "not_found", "no such case");
        }
    }
    Ok(())
}

pub async fn check(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    ck: &mut Checker,
    template: ThreadTemplate,
) -> Result<Checked> {
    let mut out = Checked {
        kind: ThreadKind::General,
        case_id: None,
        replies_to: None,
        feedback_due: None,
        outcome: None,
        fields: serde_json::json!({}),
        also: Vec::new(),
    };
    match template {
        ThreadTemplate::General { case_id } => {
            check_case(conn, who, ck, "template.case_id", case_id).await?;
            out.case_id = case_id;
        }
        ThreadTemplate::Warning {
            case_id,
            watch,
            route,
            expected_arrival,
            risk_indicators,
            action_requested,
            feedback_due,
        } => {
            check_case(conn, who, ck, "template.case_id", case_id).await?;
            let watch = check_watch(conn, ck, watch).await?;
            let route = match route {
                Some(r) => Some(check_route(conn, ck, r).await?),
                None => None,
            };
            let fields = WarningFields {
                watch,
                route,
                expected_arrival,
                risk_indicators: ck.texts("template.risk_indicators", risk_indicators, 20, 200),
                action_requested: ck.required(
                    "template.action_requested",
                    Some(action_requested),
                    2000,
                ),
                feedback_due,
            };
            if feedback_due <= ck.now {
                ck.push("template.feedback_due", "in_past", "must be in the future");
            }
            out.kind = ThreadKind::Warning;
            out.case_id = case_id;
            out.feedback_due = Some(feedback_due);
            out.fields = serde_json::json!({ "warning": fields });
        }
        ThreadTemplate::Feedback {
            warning_id,
            outcome,
            case_id,
        } => {
            match repo::visible(conn, warning_id, who.id, who.unit_id).await? {
                None => ck.push("template.warning_id", "not_found", "no such warning"),
                Some(w) if w.kind != ThreadKind::Warning => {
                    ck.push("template.warning_id", "not_a_warning", "is not a warning")
                }
                Some(w) => out.also.push(w.created_by),
            }
            if outcome == FeedbackOutcome::Seized && case_id.is_none() {
                ck.push(
                    "template.case_id",
                    "seized_case_required",
                    "name the seizure case when the outcome is seized",
                );
            }
            check_case(conn, who, ck, "template.case_id", case_id).await?;
            out.kind = ThreadKind::Feedback;
            out.case_id = case_id;
            out.replies_to = Some(warning_id);
            out.outcome = Some(outcome);
        }
        ThreadTemplate::Seizure { case_id } => {
            out.kind = ThreadKind::Seizure;
            out.case_id = Some(case_id);
            if case_visible(conn, who, case_id).await? {
                out.fields = serde_json::json!({ "seizure": summary(conn, case_id).await? });
            } else {
                ck.push("template.case_id", "not_found", "no such case");
            }
        }
    }
    Ok(out)
}

async fn check_watch(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    w: WatchTarget,
) -> Result<WatchTarget> {
    let description = ck.required("template.watch.description", Some(w.description), 500);
    let identifier = ck.text("template.watch.identifier", w.identifier, 100);
    if let Some(id) = w.register_id {
        let table = match w.kind {
            WatchType::Person => Some("persons"),
            WatchType::Company => Some("companies"),
            WatchType::Conveyance => Some("conveyances"),
            _ => None,
        };
        let found = match table {
            Some(t) => repo::register_exists(conn, t, id).await?,
            None => false,
        };
        if !found {
            ck.push(
                "template.watch.register_id",
                "not_found",
                format!("no {} record with this id", w.kind),
            );
        }
    }
    Ok(WatchTarget {
        kind: w.kind,
        description,
        register_id: w.register_id,
        identifier,
    })
}

async fn check_route(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    r: WarningRoute,
) -> Result<WarningRoute> {
    let book = CodeBook::load(conn, &["countries"]).await?;
    Ok(WarningRoute {
        origin: ck.code(&book, "countries", "template.route.origin", r.origin),
        transit: ck.codes(&book, "countries", "template.route.transit", r.transit),
        destination: ck.code(
            &book,
            "countries",
            "template.route.destination",
            r.destination,
        ),
        place: ck.text("template.route.place", r.place, 200),
    })
}

/// The case's non-nominal summary: where, when, what and how — never who.
async fn summary(conn: &mut AsyncPgConnection, id: Uuid) -> Result<SeizureSummary> {
    let l = seizures::read::load(conn, id).await?;
    Ok(SeizureSummary {
        case_id: l.case.id,
        reference: l.case.reference,
        detected_at: l.case.detected_at,
        country: l.case.country,
        unlocode: l.case.unlocode,
        location_type: l.case.location_type,
        direction: l.case.direction,
        detection_methods: l.case.detection_methods,
        concealment_method: l.case.concealment_method,
        summary_non_nominal: l.case.summary_non_nominal,
        goods: l
            .goods
            .into_iter()
            .map(|g| SummaryGoods {
                commodity_group: g.commodity_group,
                commodity_type: g.commodity_type,
                quantity: g.quantity,
                unit: g.unit,
                mass_kg: g.mass_kg,
            })
            .collect(),
        route: l
            .legs
            .into_iter()
            .map(|g| SummaryLeg {
                position: g.position,
                country: g.country,
                unlocode: g.unlocode,
                role: g.role,
            })
            .collect(),
    })
}
