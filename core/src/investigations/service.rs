//! An investigation's life: open it, read it, list them, correct it, move it through the
//! workflow. Each operation checks, runs one transaction, writes its timeline event and audit
//! row, and returns the investigation.

use super::dto::{
    InvestigationDto, InvestigationInput, InvestigationList, InvestigationPatch,
    InvestigationQuery, InvestigationSummary, StandingCode, TransitionInput,
};
use super::model::{InvestigationFields, InvestigationRow, NewInvestigation};
use super::timeline::{event, EventKind};
use super::workflow::{self, InvestigationStatus, Outcome, Standing};
use super::{links, repo, require, team, visible};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal, Role};
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::common::names;
use crate::common::{page, patch};
use crate::error::{Duty, Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The fields as written, checked together (every error at once). `opened_on`: the due date
/// may not come before it.
async fn checked(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    p: InvestigationPatch,
    opened_on: NaiveDate,
) -> Result<InvestigationFields> {
    let book = CodeBook::load(conn, &["investigation_priorities", "offence_types"]).await?;
    let title = ck.required("title", p.title, 200);
    let summary = ck.text("summary", p.summary, 20000).unwrap_or_default();
    let priority = ck.code(&book, "investigation_priorities", "priority", p.priority);
    if priority.is_none() {
        ck.push("priority", "required", "is required");
    }
    let legal_basis = ck.required("legal_basis", p.legal_basis, 1000);
    let offence_types = p.offence_types.unwrap_or_default();
    if offence_types.len() > 10 {
        ck.push("offence_types", "length", "at most 10 items");
    }
    let offence_types = ck.codes(&book, "offence_types", "offence_types", offence_types);
    if p.due_date.is_some_and(|d| d < opened_on) {
        ck.push(
            "due_date",
            "range",
            "must not be before the investigation was opened",
        );
    }
    if let Some(lead) = p.lead_id {
        if !team::may_work(conn, lead).await? {
            ck.push(
                "lead_id",
                "not_eligible",
                "no active user who may work on investigations",
            );
        }
    }
    Ok(InvestigationFields {
        title,
        summary,
        priority: priority.unwrap_or_default(),
        legal_basis,
        offence_types,
        due_date: p.due_date,
        lead_id: p.lead_id,
    })
}

fn patch_of(r: &InvestigationRow) -> InvestigationPatch {
    InvestigationPatch {
        title: Some(r.title.clone()),
        summary: Some(r.summary.clone()),
        priority: Some(r.priority.clone()),
        legal_basis: Some(r.legal_basis.clone()),
        offence_types: Some(r.offence_types.clone()),
        due_date: r.due_date,
        lead_id: r.lead_id,
    }
}

fn is_supervisor(who: &Principal) -> bool {
    who.roles.contains(&Role::Supervisor)
}

/// Opens an investigation supervised by the caller's unit. Whoever opens it and is not a
/// supervisor joins its team (they would otherwise lose sight of it); only a supervisor names
/// the lead.
pub async fn create(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    country: &str,
    input: InvestigationInput,
) -> Result<InvestigationDto> {
    who.require(Permission::InvestigationsOpen)?;
    let day = today();
    conn.transaction(async |conn| {
        let mut ck = Checker::new();
        if input.lead_id.is_some() && !is_supervisor(who) {
            ck.push("lead_id", "supervisor_only", "a supervisor names the lead");
        }
        let fields = checked(
            conn,
            &mut ck,
            InvestigationPatch {
                title: input.title,
                summary: input.summary,
                priority: input.priority,
                legal_basis: input.legal_basis,
                offence_types: Some(input.offence_types),
                due_date: input.due_date,
                lead_id: input.lead_id,
            },
            day,
        )
        .await?;
        if input.members.len() > 50 {
            ck.push("members", "length", "at most 50 items");
        }
        for (i, m) in input.members.iter().enumerate() {
            team::check(conn, &mut ck, &format!("members[{i}]"), m).await?;
        }
        if input.links.len() > 50 {
            ck.push("links", "length", "at most 50 items");
        }
        let mut checked_links = Vec::new();
        for (i, l) in input.links.into_iter().enumerate() {
            if let Some(c) =
                links::check(conn, who, &mut ck, &format!("links[{i}]"), l, None).await?
            {
                checked_links.push(c);
            }
        }
        ck.finish()?;
        let id = Uuid::now_v7();
        let reference = repo::next_reference(conn, country, day).await?;
        repo::insert(
            conn,
            NewInvestigation {
                id,
                reference: reference.clone(),
                unit_id: who.unit_id,
                opened_on: day,
                created_by: who.id,
            },
            &fields,
        )
        .await?;
        event(
            conn,
            id,
            Some(who.id),
            EventKind::Opened,
            None,
            json!({ "reference": reference, "title": fields.title }),
        )
        .await?;
        let inv = repo::find(conn, id).await?;
        let mut members = input.members;
        let creator_on_team = is_supervisor(who)
            || fields.lead_id == Some(who.id)
            || members.iter().any(|m| m.user_id == Some(who.id));
        if !creator_on_team {
            members.insert(
                0,
                super::dto::MemberInput {
                    user_id: Some(who.id),
                    unit_id: None,
                },
            );
        }
        for m in &members {
            team::insert(conn, &inv, who.id, m).await?;
        }
        for l in &checked_links {
            links::insert(conn, id, who.id, l).await?;
        }
        let kind = crate::notifications::dto::NotificationKind::InvestigationAssigned;
        let lead: Vec<Uuid> = fields.lead_id.into_iter().collect();
        super::tell(conn, &lead, who.id, &inv, kind, "you lead it", None).await?;
        record(
            conn,
            actor,
            Event::new("investigation.create")
                .object("investigation", id)
                .details(json!({ "reference": reference, "links": checked_links.len() })),
        )
        .await?;
        let inv = repo::find(conn, id).await?;
        to_dto(conn, who, inv, standing_of(who, &fields)).await
    })
    .await
}

/// The creator's standing right after creation (a supervisor, the lead, or a member).
fn standing_of(who: &Principal, fields: &InvestigationFields) -> Standing {
    if is_supervisor(who) {
        Standing::Supervisor
    } else if fields.lead_id == Some(who.id) {
        Standing::Lead
    } else {
        Standing::Member
    }
}

/// An investigation, in full (audited: its summary and team are nominal).
pub async fn get(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<InvestigationDto> {
    conn.transaction(async |conn| {
        let (inv, standing) = visible(conn, who, id).await?;
        record(
            conn,
            actor,
            Event::new("investigation.read").object("investigation", id),
        )
        .await?;
        to_dto(conn, who, inv, standing).await
    })
    .await
}

pub(super) async fn to_dto(
    conn: &mut AsyncPgConnection,
    _who: &Principal,
    r: InvestigationRow,
    standing: Standing,
) -> Result<InvestigationDto> {
    let day = today();
    let members = repo::members(conn, r.id).await?;
    let members = team::dtos(conn, members).await?;
    let counts = repo::counts(conn, r.id, day).await?;
    let mut user_ids = vec![r.created_by];
    user_ids.extend(r.lead_id);
    let users = names::user_names(conn, &user_ids).await?;
    let units = names::unit_names(conn, &[r.unit_id]).await?;
    Ok(InvestigationDto {
        overdue: r.status != InvestigationStatus::Closed && r.due_date.is_some_and(|d| d < day),
        next_statuses: workflow::next(r.status, r.suspended_from, standing),
        standing: match standing {
            Standing::Member => StandingCode::Member,
            Standing::Lead => StandingCode::Lead,
            Standing::Supervisor => StandingCode::Supervisor,
        },
        id: r.id,
        reference: r.reference,
        title: r.title,
        summary: r.summary,
        priority: r.priority,
        legal_basis: r.legal_basis,
        offence_types: r.offence_types,
        status: r.status,
        suspended_from: r.suspended_from,
        outcome: r.outcome,
        lead: r.lead_id.map(|l| names::named(&users, l)),
        unit: names::named(&units, r.unit_id),
        opened_on: r.opened_on,
        due_date: r.due_date,
        closed_at: r.closed_at,
        members,
        counts,
        version: r.version,
        created_by: names::named(&users, r.created_by),
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// The investigations the caller may see, most recently changed first (audited with the ids
/// shown).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    q: InvestigationQuery,
) -> Result<InvestigationList> {
    who.require(Permission::InvestigationsWork)?;
    let limit = page::limit(q.limit)?;
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(q.cursor.as_deref())?;
    let mut checks = crate::common::check::Checker::new();
    if let Some(w) = &q.q {
        checks.length("q", w, 0, 200);
    }
    if let Some(p) = &q.priority {
        checks.length("priority", p, 0, 64);
    }
    checks.finish()?;
    let day = today();
    conn.transaction(async |conn| {
        let rows = repo::list(
            conn,
            who.id,
            who.unit_id,
            is_supervisor(who),
            &q,
            day,
            after,
            limit,
        )
        .await?;
        let (rows, next_cursor) = page::cut(rows, limit, |r| (r.updated_at, r.id));
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let open = repo::open_tasks(conn, &ids).await?;
        let leads: Vec<Uuid> = rows.iter().filter_map(|r| r.lead_id).collect();
        let users = names::user_names(conn, &leads).await?;
        let unit_ids: Vec<Uuid> = rows.iter().map(|r| r.unit_id).collect();
        let units = names::unit_names(conn, &unit_ids).await?;
        if !ids.is_empty() {
            record(
                conn,
                actor,
                Event::new("investigation.list").details(json!({ "returned": ids })),
            )
            .await?;
        }
        let items = rows
            .into_iter()
            .map(|r| InvestigationSummary {
                overdue: r.status != InvestigationStatus::Closed
                    && r.due_date.is_some_and(|d| d < day),
                open_tasks: open.get(&r.id).copied().unwrap_or(0),
                lead: r.lead_id.map(|l| names::named(&users, l)),
                unit: names::named(&units, r.unit_id),
                id: r.id,
                reference: r.reference,
                title: r.title,
                status: r.status,
                priority: r.priority,
                due_date: r.due_date,
                updated_at: r.updated_at,
            })
            .collect();
        Ok(InvestigationList { items, next_cursor })
    })
    .await
}

/// Locks the investigation for a change at `expected`, with the caller's standing.
async fn for_change(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    id: Uuid,
    expected: i32,
) -> Result<(InvestigationRow, Standing)> {
    let row = repo::lock(conn, id).await?;
    let standing = super::standing(conn, who, &row).await?;
    if row.version != expected {
        return Err(Error::StaleVersion);
    }
    Ok((row, standing))
}

/// Corrects the investigation (JSON merge patch, at version `expected`): the lead or a
/// supervisor; only a supervisor changes the lead. A closed investigation is not corrected.
pub async fn update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    body: serde_json::Value,
) -> Result<InvestigationDto> {
    conn.transaction(async |conn| {
        let (row, standing) = for_change(conn, who, id, expected).await?;
        require(standing, Standing::Lead)?;
        if row.status == InvestigationStatus::Closed {
            return Err(super::closed());
        }
        let current = patch_of(&row);
        let (old, merged) = patch::merge(&current, &body)?;
        let mut ck = Checker::new();
        if merged.lead_id != row.lead_id {
            if standing != Standing::Supervisor {
                return Err(Error::Refused(Duty::InvestigationRole));
            }
            if merged.lead_id.is_none() && row.status.needs_lead() {
                ck.push(
                    "lead_id",
                    "required",
                    "an investigation in this status needs a lead",
                );
            }
        }
        let due_changed = merged.due_date != row.due_date;
        let mut fields = checked(conn, &mut ck, merged.clone(), row.opened_on).await?;
        if !due_changed {
            // an old due date stays valid
            ck.errors.retain(|e| e.field != "due_date");
            fields.due_date = row.due_date;
        }
        ck.finish()?;
        repo::update(conn, id, &fields).await?;
        let new = serde_json::to_value(&merged)?;
        let changed: Vec<String> = old
            .as_object()
            .map(|o| {
                o.keys()
                    .filter(|k| o.get(*k) != new.get(*k))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if !changed.is_empty() {
            event(
                conn,
                id,
                Some(who.id),
                EventKind::Updated,
                None,
                json!({ "fields": changed, "lead_id": fields.lead_id }),
            )
            .await?;
        }
        if fields.lead_id != row.lead_id {
            super::communications::join_threads(conn, id, fields.lead_id, None).await?;
            let kind = crate::notifications::dto::NotificationKind::InvestigationAssigned;
            let lead: Vec<Uuid> = fields.lead_id.into_iter().collect();
            let inv = repo::find(conn, id).await?;
            super::tell(conn, &lead, who.id, &inv, kind, "you lead it", None).await?;
        }
        record(
            conn,
            actor,
            Event::new("investigation.update")
                .object("investigation", id)
                .details(json!({ "fields": changed })),
        )
        .await?;
        let row = repo::find(conn, id).await?;
        let standing = super::standing(conn, who, &row).await?;
        to_dto(conn, who, row, standing).await
    })
    .await
}

/// Moves the investigation in its workflow (at version `expected`), with the reason; closing
/// needs the outcome. Who may make which move: `workflow`.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    expected: i32,
    input: TransitionInput,
) -> Result<InvestigationDto> {
    let mut ck = Checker::new();
    let to = ck.text("to", input.to, 32);
    let to = match to.as_deref() {
        None => {
            ck.push("to", "required", "is required");
            None
        }
        Some(t) => {
            let s = InvestigationStatus::parse(t);
            if s.is_none() {
                ck.push("to", "unknown_code", "is not a status of the workflow");
            }
            s
        }
    };
    let reason = ck.required("reason", input.reason, 2000);
    let outcome_text = ck.text("outcome", input.outcome, 32);
    let outcome = outcome_text.as_deref().and_then(|o| {
        let parsed = Outcome::parse(o);
        if parsed.is_none() {
            ck.push("outcome", "unknown_code", "is not an outcome");
        }
        parsed
    });
    match (to, &outcome_text) {
        (Some(InvestigationStatus::Closed), None) => {
            ck.push("outcome", "required", "closing needs the outcome")
        }
        (Some(t), Some(_)) if t != InvestigationStatus::Closed => {
            ck.push("outcome", "not_allowed", "only closing has an outcome")
        }
        _ => {}
    }
    ck.finish()?;
    let Some(to) = to else {
        return Err(Error::validation("to", "required", "is required"));
    };
    conn.transaction(async |conn| {
        let (row, standing) = for_change(conn, who, id, expected).await?;
        let from = row.status;
        let Some(needed) = workflow::rule(from, to, row.suspended_from) else {
            return Err(Error::State(
                "no_such_move",
                format!("an investigation that is {from} cannot move to {to}"),
            ));
        };
        if !workflow::may(standing, needed) {
            return Err(Error::Refused(Duty::InvestigationRole));
        }
        if to.needs_lead() && row.lead_id.is_none() {
            return Err(Error::State("lead_required", "name a lead first".into()));
        }
        let suspended_from = (to == InvestigationStatus::Suspended).then_some(from);
        let closed_at = (to == InvestigationStatus::Closed).then(Utc::now);
        repo::set_status(conn, id, to, suspended_from, outcome, closed_at).await?;
        event(
            conn,
            id,
            Some(who.id),
            EventKind::Transition,
            None,
            json!({ "from": from, "to": to, "reason": reason, "outcome": outcome }),
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("investigation.transition")
                .object("investigation", id)
                .details(json!({ "from": from, "to": to, "outcome": outcome })),
        )
        .await?;
        let row = repo::find(conn, id).await?;
        notify_transition(conn, who, &row, from, to, &reason).await?;
        to_dto(conn, who, row, standing).await
    })
    .await
}

/// Who hears of a move: the lead when it is assigned, sent back, suspended, resumed, closed or
/// reopened; the supervisors of the unit when the lead asks for review.
async fn notify_transition(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    row: &InvestigationRow,
    from: InvestigationStatus,
    to: InvestigationStatus,
    reason: &str,
) -> Result<()> {
    use crate::notifications::dto::NotificationKind as K;
    let what = format!("{from} → {to} ({reason})");
    if to == InvestigationStatus::UnderReview {
        let chiefs = repo::supervisors(conn, row.unit_id).await?;
        return super::tell(
            conn,
            &chiefs,
            who.id,
            row,
            K::InvestigationReview,
            &what,
            None,
        )
        .await;
    }
    let kind = match (from, to) {
        (_, InvestigationStatus::Assigned) => K::InvestigationAssigned,
        (InvestigationStatus::UnderReview, _) => K::InvestigationReview,
        _ => K::InvestigationAssigned,
    };
    let lead: Vec<Uuid> = row.lead_id.into_iter().collect();
    super::tell(conn, &lead, who.id, row, kind, &what, None).await
}
