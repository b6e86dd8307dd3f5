//! Operations on threads: create, list the caller's, read one (audited: bodies are
//! nominal), post a message, mark read. Only participants see a thread; for anyone else it
//! does not exist (`NotFound`).

use super::dto::{
    CreateThread, MessageDto, PostMessage, Recipient, RecipientList, RecipientQuery,
    SeizureSummary, ThreadDetail, ThreadKind, ThreadPage, ThreadQuery, ThreadSummary,
    WarningFields,
};
use super::live::{self, Sent};
use super::model::{NewMessage, NewParticipant, NewThread};
use super::repo::{self, ListFilter, SummaryRow};
use super::{attachments, templates, MAX_BODY_BYTES, MAX_PARTICIPANTS};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::check::{escape_like, Checker};
use crate::common::page;
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use std::collections::BTreeSet;
use uuid::Uuid;

fn summary(row: SummaryRow) -> ThreadSummary {
    ThreadSummary {
        id: row.id,
        subject: row.subject,
        kind: row.kind,
        case_id: row.case_id,
        urgent: row.urgent,
        handling: row.handling,
        created_by: row.created_by,
        created_by_name: row.created_by_name,
        created_at: row.created_at,
        last_message_at: row.last_message_at,
        unread: row.unread,
        replies_to: row.replies_to,
        feedback_due: row.feedback_due,
        outcome: row.outcome,
        overdue: row.overdue,
        investigation_id: row.investigation_id,
        answer_id: row.answer_id,
        answered_by: row.answered_by,
        answered_at: row.answered_at,
    }
}

/// Where a thread started, when not from the inbox: an investigation (its team takes part)
/// and, for a request for information, its due date. Set by the investigations module only,
/// after its own need-to-know check; `POST /threads` never sets it.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub investigation_id: Option<Uuid>,
    pub request_due: Option<DateTime<Utc>>,
    /// Users and units who take part besides those named (the team).
    pub team: Vec<(Option<Uuid>, Option<Uuid>)>,
}

fn check_body(ck: &mut Checker, field: &str, body: &str) {
    if body.trim().is_empty() {
        ck.push(field, "required", "is required");
    } else if body.len() > MAX_BODY_BYTES {
        ck.push(
            field,
            "length",
            format!("must be at most {MAX_BODY_BYTES} bytes"),
        );
    }
}

/// Checks the participants: each names one user or one unit that exists (users: enabled),
/// at most `MAX_PARTICIPANTS`. Returns them without duplicates, the sender added.
async fn participants(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    sender: Uuid,
    body: &CreateThread,
    also: &[Uuid],
) -> Result<Vec<(Option<Uuid>, Option<Uuid>)>> {
    if body.participants.is_empty() {
        ck.push("participants", "required", "name at least one user or unit");
    }
    if body.participants.len() > MAX_PARTICIPANTS {
        ck.push(
            "participants",
            "length",
            format!("at most {MAX_PARTICIPANTS} participants"),
        );
    }
    let ids: Vec<(Option<Uuid>, Option<Uuid>)> =
        body.participants.iter().map(|p| p.ids()).collect();
    let users: Vec<Uuid> = ids.iter().filter_map(|p| p.0).collect();
    let units: Vec<Uuid> = ids.iter().filter_map(|p| p.1).collect();
    let active = repo::active_users(conn, &users).await?;
    let known_units = repo::existing_units(conn, &units).await?;
    let mut out = vec![(Some(sender), None)];
    let mut seen = BTreeSet::from([(Some(sender), None)]);
    for (i, (user, unit)) in ids.into_iter().enumerate() {
        if user.is_some_and(|u| !active.contains(&u)) {
            ck.push(
                format!("participants[{i}].user_id"),
                "not_found",
                "no such user, or the account is disabled",
            );
        } else if unit.is_some_and(|u| !known_units.contains(&u)) {
            ck.push(
                format!("participants[{i}].unit_id"),
                "not_found",
                "no such unit",
            );
        } else if seen.insert((user, unit)) {
            out.push((user, unit));
        }
    }
    for user in also {
        if seen.insert((Some(*user), None)) {
            out.push((Some(*user), None));
        }
    }
    Ok(out)
}

pub async fn create(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    body: CreateThread,
) -> Result<ThreadDetail> {
    create_from(conn, who, actor, body, Origin::default()).await
}

/// A thread started from `origin` (see [`Origin`]).
pub async fn create_from(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    body: CreateThread,
    origin: Origin,
) -> Result<ThreadDetail> {
    let mut ck = Checker::new();
    let subject = ck.required("subject", Some(body.subject.clone()), 300);
    let handling = ck.text("handling", body.handling.clone(), 200);
    check_body(&mut ck, "body", &body.body);
    let mut template = templates::check(conn, who, &mut ck, body.template.clone()).await?;
    if let Some(due) = origin.request_due {
        template.kind = ThreadKind::Request;
        template.feedback_due = Some(due);
    }
    let mut members = participants(conn, &mut ck, who.id, &body, &template.also).await?;
    if !origin.team.is_empty() {
        ck.errors
            .retain(|e| !(e.field == "participants" && e.code == "required"));
        for p in &origin.team {
            if !members.contains(p) {
                members.push(*p);
            }
        }
    }
    attachments::check_pending(conn, &mut ck, who.id, &body.attachment_ids).await?;
    if !ck.errors.is_empty() {
        return Err(Error::Validation(ck.errors));
    }
    let id = Uuid::now_v7();
    let thread = NewThread {
        id,
        subject: subject.clone(),
        kind: template.kind,
        case_id: template.case_id,
        urgent: body.urgent,
        handling,
        created_by: who.id,
        fields: template.fields,
        replies_to: template.replies_to,
        feedback_due: template.feedback_due,
        outcome: template.outcome,
        investigation_id: origin.investigation_id,
    };
    let rows = members
        .iter()
        .map(|(user_id, unit_id)| NewParticipant {
            thread_id: id,
            user_id: *user_id,
            unit_id: *unit_id,
        })
        .collect();
    let message_id = Uuid::now_v7();
    let message = NewMessage {
        id: message_id,
        thread_id: id,
        sender_id: who.id,
        body: body.body,
    };
    conn.transaction(async |conn| {
        repo::insert_thread(conn, thread, rows).await?;
        let sent_at = repo::insert_message(conn, message).await?;
        attachments::link(
            conn,
            who.id,
            attachments::Owner::Message(message_id),
            &body.attachment_ids,
        )
        .await?;
        let details = serde_json::json!({
            "kind": template.kind,
            "participants": members.len(),
            "case_id": template.case_id,
            "replies_to": template.replies_to,
            "investigation_id": origin.investigation_id,
        });
        record(
            conn,
            actor,
            Event::new("thread.create")
                .object("thread", id)
                .details(details),
        )
        .await?;
        let sent = Sent {
            thread_id: id,
            subject: &subject,
            kind: template.kind,
            urgent: body.urgent,
            message_id,
            sent_at,
            first: true,
        };
        live::message_sent(conn, who, sent).await
    })
    .await?;
    read_detail(conn, who, id).await
}

/// The threads about an investigation (the caller's need-to-know checked by the
/// investigations module), each with whether the caller takes part.
pub async fn of_investigation(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    investigation: Uuid,
) -> Result<Vec<(ThreadSummary, bool)>> {
    Ok(
        super::origin::of_investigation(conn, investigation, who.id, who.unit_id)
            .await?
            .into_iter()
            .map(|(row, member)| (summary(row), member))
            .collect(),
    )
}

/// Adds a user or unit to every thread of an investigation (joined its team).
pub async fn join_investigation_threads(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    user_id: Option<Uuid>,
    unit_id: Option<Uuid>,
) -> Result<()> {
    if user_id.is_none() && unit_id.is_none() {
        return Ok(());
    }
    for thread in super::origin::thread_ids_of_investigation(conn, investigation).await? {
        super::origin::add_participant(conn, thread, user_id, unit_id).await?;
    }
    Ok(())
}

/// Removes a user or unit from every thread of an investigation (left its team): what the
/// team discusses is the team's. A request's recipients are participants by address, not by
/// team, and stay — unless the team member removed is one of them.
pub async fn leave_investigation_threads(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    user_id: Option<Uuid>,
    unit_id: Option<Uuid>,
) -> Result<()> {
    if user_id.is_some() || unit_id.is_some() {
        super::origin::remove_from_investigation(conn, investigation, user_id, unit_id).await?;
    }
    Ok(())
}

/// The caller's threads, most recent message first, with unread counts.
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    q: ThreadQuery,
) -> Result<ThreadPage> {
    let limit = page::limit(q.limit)?;
    let cursor = q.cursor.as_deref().filter(|c| !c.is_empty());
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(cursor)?;
    let mut ck = Checker::new();
    let search = ck
        .text("q", q.q.clone(), 200)
        .and_then(|q| repo::search_query(&q));
    ck.finish()?;
    let rows = repo::list(
        conn,
        ListFilter {
            user_id: who.id,
            unit_id: who.unit_id,
            unread_only: q.unread.unwrap_or(false),
            kind: q.kind,
            case_id: q.case_id,
            participant: q.participant,
            overdue_only: q.overdue.unwrap_or(false),
            search,
            after,
            limit: limit + 1,
        },
    )
    .await?;
    let (rows, next_cursor) = page::cut(rows, limit, |r| (r.last_message_at, r.id));
    let unread_total = repo::unread_total(conn, who.id, who.unit_id).await?;
    Ok(ThreadPage {
        items: rows.into_iter().map(summary).collect(),
        next_cursor,
        unread_total,
    })
}

async fn read_detail(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: Uuid,
) -> Result<ThreadDetail> {
    let row = repo::visible(conn, id, who.id, who.unit_id)
        .await?
        .ok_or(Error::NotFound)?;
    let participants = repo::participants_of(conn, id).await?;
    let reads = repo::reads_of(conn, id).await?;
    let files = attachments::of_thread(conn, id).await?;
    let messages = repo::messages_of(conn, id)
        .await?
        .into_iter()
        .map(|(mid, sender_id, sender_name, body, sent_at)| MessageDto {
            id: mid,
            sender_id,
            sender_name,
            body,
            sent_at,
            read_by: reads
                .iter()
                .filter(|(m, _)| *m == mid)
                .map(|(_, u)| *u)
                .collect(),
            attachments: files
                .iter()
                .filter(|f| f.message_id == Some(mid))
                .cloned()
                .map(Into::into)
                .collect(),
        })
        .collect();
    let fields = repo::fields_of(conn, id).await?;
    let warning: Option<WarningFields> = fields
        .get("warning")
        .and_then(|w| serde_json::from_value(w.clone()).ok());
    let seizure: Option<SeizureSummary> = fields
        .get("seizure")
        .and_then(|w| serde_json::from_value(w.clone()).ok());
    let feedbacks = if row.kind == ThreadKind::Warning {
        repo::feedbacks_of(conn, id, who.id, who.unit_id).await?
    } else {
        Vec::new()
    };
    Ok(ThreadDetail {
        thread: summary(row),
        participants,
        messages,
        warning,
        seizure,
        feedbacks: feedbacks.into_iter().map(summary).collect(),
    })
}

/// One thread with its messages and read receipts; reading it is audited (the bodies are
/// nominal). Not a participant: `NotFound`.
pub async fn get(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<ThreadDetail> {
    conn.transaction(async |conn| {
        let detail = read_detail(conn, who, id).await?;
        record(conn, actor, Event::new("thread.read").object("thread", id)).await?;
        Ok(detail)
    })
    .await
}

/// Posts a message to a thread the caller takes part in.
pub async fn post(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    body: PostMessage,
) -> Result<ThreadDetail> {
    let thread = repo::visible(conn, id, who.id, who.unit_id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut ck = Checker::new();
    check_body(&mut ck, "body", &body.body);
    attachments::check_pending(conn, &mut ck, who.id, &body.attachment_ids).await?;
    if !ck.errors.is_empty() {
        return Err(Error::Validation(ck.errors));
    }
    if body.answer {
        if thread.kind != ThreadKind::Request {
            return Err(Error::State(
                "not_a_request",
                "only a request for information is answered".into(),
            ));
        }
        if thread.created_by == who.id {
            return Err(Error::State(
                "own_request",
                "the author of a request does not answer it".into(),
            ));
        }
    }
    let message_id = Uuid::now_v7();
    let message = NewMessage {
        id: message_id,
        thread_id: id,
        sender_id: who.id,
        body: body.body,
    };
    conn.transaction(async |conn| {
        // the answer is claimed before the message is written, so the timeline's trigger
        // sees the message as the answer
        if body.answer && !super::origin::claim_answer(conn, id, message_id, who.id).await? {
            return Err(Error::State(
                "already_answered",
                "this request has been answered".into(),
            ));
        }
        let sent_at = repo::insert_message(conn, message).await?;
        attachments::link(
            conn,
            who.id,
            attachments::Owner::Message(message_id),
            &body.attachment_ids,
        )
        .await?;
        if body.answer {
            live::request_answered(conn, thread.created_by, id, &thread.subject).await?;
        }
        let event = Event::new("message.send")
            .object("thread", id)
            .details(serde_json::json!({ "message_id": message_id, "answer": body.answer }));
        record(conn, actor, event).await?;
        // Sending is reading: the sender has seen everything above their message.
        repo::mark_read(conn, id, who.id).await?;
        let sent = Sent {
            thread_id: id,
            subject: &thread.subject,
            kind: thread.kind,
            urgent: thread.urgent,
            message_id,
            sent_at,
            first: false,
        };
        live::message_sent(conn, who, sent).await?;
        crate::notifications::service::thread_read(conn, who.id, id).await
    })
    .await?;
    read_detail(conn, who, id).await
}

/// Marks every message of the thread read by the caller.
/// A change of state (read receipts), audited in its transaction with how many it marked;
/// nothing left to mark changes nothing and is not recorded (opening the thread is).
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<()> {
    repo::visible(conn, id, who.id, who.unit_id)
        .await?
        .ok_or(Error::NotFound)?;
    conn.transaction(async |conn| {
        let marked = repo::mark_read(conn, id, who.id).await?;
        if marked > 0 {
            let event = Event::new("thread.mark_read")
                .object("thread", id)
                .details(serde_json::json!({ "marked": marked }));
            record(conn, actor, event).await?;
            live::thread_read(conn, who, id).await?;
        } else {
            crate::notifications::service::thread_read(conn, who.id, id).await?;
        }
        Ok::<_, Error>(())
    })
    .await
}

/// Units and enabled users to address a thread to, by part of a name, username or code.
pub async fn recipients(conn: &mut AsyncPgConnection, q: RecipientQuery) -> Result<RecipientList> {
    let mut ck = Checker::new();
    let text = ck.text("q", q.q, 100).unwrap_or_default();
    let limit = q.limit.unwrap_or(20);
    if !(1..=50).contains(&limit) {
        ck.push("limit", "range", "must be between 1 and 50");
    }
    ck.finish()?;
    let pattern = escape_like(&text);
    let items = repo::recipients(conn, &pattern, limit)
        .await?
        .into_iter()
        .map(|r| Recipient {
            user_id: r.user_id,
            unit_id: r.unit_id,
            name: r.name,
            detail: r.detail,
        })
        .collect();
    Ok(RecipientList { items })
}
