//! Tasks: what the team must do, each with an assignee on the team, a due date, a status
//! (`open → in_progress → done / cancelled`) and a checklist; added one by one or from the
//! templates of an offence type (code list `task_templates`).
//!
//! The lead and supervisors add, assign and change tasks; the assignee works their own (status
//! but `cancelled`, checklist).

use super::timeline::{event, EventKind};
use super::{repo, require, visible, workflow::Standing, writable};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::check::Checker;
use crate::common::names::{self, Named};
use crate::common::patch;
use crate::db::schema::{codelist_entries as ce, investigation_tasks as t};
use crate::error::{Duty, Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::ToSchema;
use uuid::Uuid;

crate::text_enum! {
    pub enum TaskStatus {
        Open = "open",
        InProgress = "in_progress",
        Done = "done",
        Cancelled = "cancelled",
    }
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    #[schema(min_length = 1, max_length = 200)]
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

/// A task as written (create: `title` required; correct: JSON merge patch with `If-Match`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    #[schema(required = true, value_type = String, min_length = 1, max_length = 200)]
    pub title: Option<String>,
    #[schema(max_length = 5000)]
    pub description: Option<String>,
    /// A member of the team (the lead, a member, or a user of a member unit).
    pub assignee_id: Option<Uuid>,
    /// Not before the investigation was opened.
    pub due_date: Option<NaiveDate>,
    /// Only when correcting (a new task is `open`).
    #[schema(value_type = Option<TaskStatus>)]
    pub status: Option<String>,
    #[schema(max_items = 50)]
    pub checklist: Option<Vec<ChecklistItem>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaskDto {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub assignee: Option<Named>,
    pub due_date: Option<NaiveDate>,
    /// Open or in progress, and past its due date.
    pub overdue: bool,
    pub status: TaskStatus,
    pub checklist: Vec<ChecklistItem>,
    /// The `task_templates` code it was made from.
    pub template: Option<String>,
    pub version: i32,
    pub created_by: Named,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaskList {
    pub items: Vec<TaskDto>,
}

/// The tasks of an offence type's templates, titled in `lang` (`en`, `fr`, `ar`; default
/// `en`). A template already used in this investigation is skipped.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FromTemplates {
    #[schema(required = true, value_type = String, max_length = 64)]
    pub offence_type: Option<String>,
    #[schema(value_type = Option<String>, pattern = "^(en|fr|ar)$")]
    pub lang: Option<String>,
}

type Row = (
    Uuid,
    String,
    String,
    Option<Uuid>,
    Option<NaiveDate>,
    TaskStatus,
    Value,
    Option<String>,
    i32,
    Uuid,
    DateTime<Utc>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

macro_rules! columns {
    () => {
        (
            t::id,
            t::title,
            t::description,
            t::assignee_id,
            t::due_date,
            t::status,
            t::checklist,
            t::template,
            t::version,
            t::created_by,
            t::created_at,
            t::updated_at,
            t::completed_at,
        )
    };
}

async fn dtos(conn: &mut AsyncPgConnection, rows: Vec<Row>) -> Result<Vec<TaskDto>> {
    let today = Utc::now().date_naive();
    let mut ids: Vec<Uuid> = rows.iter().filter_map(|r| r.3).collect();
    ids.extend(rows.iter().map(|r| r.9));
    let users = names::user_names(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| TaskDto {
            overdue: matches!(r.5, TaskStatus::Open | TaskStatus::InProgress)
                && r.4.is_some_and(|d| d < today),
            id: r.0,
            title: r.1,
            description: r.2,
            assignee: r.3.map(|a| names::named(&users, a)),
            due_date: r.4,
            status: r.5,
            checklist: serde_json::from_value(r.6).unwrap_or_default(),
            template: r.7,
            version: r.8,
            created_by: names::named(&users, r.9),
            created_at: r.10,
            updated_at: r.11,
            completed_at: r.12,
        })
        .collect())
}

/// The display name of a task's assignee, for the timeline.
async fn assignee_name(conn: &mut AsyncPgConnection, user: Option<Uuid>) -> Result<Option<String>> {
    let Some(user) = user else { return Ok(None) };
    let users = names::user_names(conn, &[user]).await?;
    Ok(Some(names::named(&users, user).name))
}

async fn one(conn: &mut AsyncPgConnection, id: Uuid, task: Uuid) -> Result<Row> {
    t::table
        .filter(t::id.eq(task).and(t::investigation_id.eq(id)))
        .select(columns!())
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)
}

/// The tasks, open ones first by due date, then the others (audited).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<TaskList> {
    conn.transaction(async |conn| {
        let (_, standing) = visible(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let mut rows: Vec<Row> = t::table
            .filter(t::investigation_id.eq(id))
            .order((t::created_at.asc(), t::id.asc()))
            .select(columns!())
            .load(conn)
            .await?;
        let done = |s: TaskStatus| matches!(s, TaskStatus::Done | TaskStatus::Cancelled);
        rows.sort_by(|a, b| {
            done(a.5)
                .cmp(&done(b.5))
                .then_with(|| a.4.is_none().cmp(&b.4.is_none()))
                .then_with(|| a.4.cmp(&b.4))
        });
        record(
            conn,
            actor,
            Event::new("investigation.read")
                .object("investigation", id)
                .details(json!({ "part": "tasks" })),
        )
        .await?;
        Ok(TaskList {
            items: dtos(conn, rows).await?,
        })
    })
    .await
}

/// The fields checked together: title, description, assignee on the team, due date, checklist.
async fn check_fields(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    inv: &super::model::InvestigationRow,
    input: TaskInput,
) -> Result<(
    String,
    String,
    Option<Uuid>,
    Option<NaiveDate>,
    Vec<ChecklistItem>,
)> {
    let title = ck.required("title", input.title, 200);
    let description = ck
        .text("description", input.description, 5000)
        .unwrap_or_default();
    if let Some(a) = input.assignee_id {
        if !repo::on_team(conn, inv, a).await? {
            ck.push(
                "assignee_id",
                "not_on_team",
                "must be a member of the investigation's team",
            );
        }
    }
    if input.due_date.is_some_and(|d| d < inv.opened_on) {
        ck.push(
            "due_date",
            "range",
            "must not be before the investigation was opened",
        );
    }
    let items = input.checklist.unwrap_or_default();
    if items.len() > 50 {
        ck.push("checklist", "length", "at most 50 items");
    }
    let mut checklist = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let text = ck.required(&format!("checklist[{i}].text"), Some(item.text), 200);
        checklist.push(ChecklistItem {
            text,
            done: item.done,
        });
    }
    Ok((
        title,
        description,
        input.assignee_id,
        input.due_date,
        checklist,
    ))
}

/// Adds a task (the lead or a supervisor).
pub async fn create(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    input: TaskInput,
) -> Result<TaskDto> {
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Lead)?;
        let mut ck = Checker::new();
        if input.status.is_some() {
            ck.push("status", "not_allowed", "a new task is open");
        }
        let (title, description, assignee, due, checklist) =
            check_fields(conn, &mut ck, &inv, input).await?;
        ck.finish()?;
        let task = insert(
            conn,
            &inv,
            who.id,
            &title,
            &description,
            assignee,
            due,
            &checklist,
            None,
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("investigation.task_create")
                .object("investigation", id)
                .details(json!({ "task": task })),
        )
        .await?;
        let row = one(conn, id, task).await?;
        dtos(conn, vec![row])
            .await?
            .into_iter()
            .next()
            .ok_or(Error::NotFound)
    })
    .await
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    conn: &mut AsyncPgConnection,
    inv: &super::model::InvestigationRow,
    by: Uuid,
    title: &str,
    description: &str,
    assignee: Option<Uuid>,
    due: Option<NaiveDate>,
    checklist: &[ChecklistItem],
    template: Option<&str>,
) -> Result<Uuid> {
    let task = Uuid::now_v7();
    diesel::insert_into(t::table)
        .values((
            t::id.eq(task),
            t::investigation_id.eq(inv.id),
            t::title.eq(title),
            t::description.eq(description),
            t::assignee_id.eq(assignee),
            t::due_date.eq(due),
            t::checklist.eq(serde_json::to_value(checklist)?),
            t::template.eq(template),
            t::created_by.eq(by),
        ))
        .execute(conn)
        .await?;
    let assignee_name = assignee_name(conn, assignee).await?;
    if let Some(a) = assignee {
        let kind = crate::notifications::dto::NotificationKind::InvestigationTask;
        super::tell(
            conn,
            &[a],
            by,
            inv,
            kind,
            &format!("task for you: {title}"),
            Some("tasks"),
        )
        .await?;
    }
    event(
        conn,
        inv.id,
        Some(by),
        EventKind::TaskAdded,
        Some(task),
        json!({ "title": title, "assignee_id": assignee, "assignee_name": assignee_name, "due_date": due }),
    )
    .await?;
    Ok(task)
}

/// Adds the tasks of an offence type's templates (the lead or a supervisor), due as each
/// template says (`due_days` from today), unassigned.
pub async fn from_templates(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    input: FromTemplates,
) -> Result<TaskList> {
    let mut ck = Checker::new();
    let offence = ck.required("offence_type", input.offence_type, 64);
    let lang = input.lang.unwrap_or_else(|| "en".into());
    if !["en", "fr", "ar"].contains(&lang.as_str()) {
        ck.push("lang", "unknown_code", "must be one of: en, fr, ar");
    }
    ck.finish()?;
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Lead)?;
        let templates: Vec<(String, Value, Value)> = ce::table
            .filter(
                ce::list_name
                    .eq("task_templates")
                    .and(ce::parent_code.eq(&offence))
                    .and(ce::retired_at.is_null()),
            )
            .order((ce::sort_order.asc(), ce::code.asc()))
            .select((ce::code, ce::labels, ce::attributes))
            .load(conn)
            .await?;
        if templates.is_empty() {
            return Err(Error::validation(
                "offence_type",
                "no_templates",
                "no task templates for this offence type",
            ));
        }
        let used: Vec<Option<String>> = t::table
            .filter(t::investigation_id.eq(id).and(t::template.is_not_null()))
            .select(t::template)
            .load(conn)
            .await?;
        let today = Utc::now().date_naive();
        let mut added = Vec::new();
        for (code, labels, attributes) in templates {
            if used.contains(&Some(code.clone())) {
                continue;
            }
            let title = labels
                .get(&lang)
                .or_else(|| labels.get("en"))
                .and_then(Value::as_str)
                .unwrap_or(&code)
                .to_string();
            let due = attributes
                .get("due_days")
                .and_then(Value::as_i64)
                .map(|d| today + chrono::Duration::days(d));
            added.push(insert(conn, &inv, who.id, &title, "", None, due, &[], Some(&code)).await?);
        }
        record(
            conn,
            actor,
            Event::new("investigation.task_create")
                .object("investigation", id)
                .details(json!({ "tasks": added, "offence_type": offence })),
        )
        .await?;
        let rows: Vec<Row> = t::table
            .filter(t::id.eq_any(&added))
            .order((t::created_at.asc(), t::id.asc()))
            .select(columns!())
            .load(conn)
            .await?;
        Ok(TaskList {
            items: dtos(conn, rows).await?,
        })
    })
    .await
}

/// Corrects a task (JSON merge patch at version `expected`). The lead and supervisors change
/// anything; the assignee moves its status (not to `cancelled`) and ticks its checklist.
pub async fn update(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    task: Uuid,
    expected: i32,
    body: Value,
) -> Result<TaskDto> {
    conn.transaction(async |conn| {
        let (inv, standing) = writable(conn, who, id).await?;
        let row = one(conn, id, task).await?;
        let assignee = row.3 == Some(who.id);
        if standing < Standing::Lead && !assignee {
            return Err(Error::Refused(Duty::InvestigationRole));
        }
        if row.8 != expected {
            return Err(Error::StaleVersion);
        }
        let current = TaskInput {
            title: Some(row.1.clone()),
            description: Some(row.2.clone()),
            assignee_id: row.3,
            due_date: row.4,
            status: Some(row.5.as_str().to_string()),
            checklist: Some(serde_json::from_value(row.6.clone()).unwrap_or_default()),
        };
        let (old, merged) = patch::merge(&current, &body)?;
        let new = serde_json::to_value(&merged)?;
        let changed: Vec<String> = old
            .as_object()
            .map(|o| o.keys().filter(|k| o.get(*k) != new.get(*k)).cloned().collect())
            .unwrap_or_default();
        let mut ck = Checker::new();
        let status_text = merged.status.clone();
        let status = status_text.as_deref().and_then(TaskStatus::parse);
        if status.is_none() {
            ck.push("status", "unknown_code", "must be one of: open, in_progress, done, cancelled");
        }
        if standing < Standing::Lead {
            let own = ["status", "checklist"];
            if changed.iter().any(|c| !own.contains(&c.as_str()))
                || status == Some(TaskStatus::Cancelled) && row.5 != TaskStatus::Cancelled
            {
                return Err(Error::Refused(Duty::InvestigationRole));
            }
        }
        let due_changed = merged.due_date != row.4;
        let assignee_changed = merged.assignee_id != row.3;
        let (title, description, assignee_id, due, checklist) =
            check_fields(conn, &mut ck, &inv, merged).await?;
        if !due_changed {
            ck.errors.retain(|e| e.field != "due_date");
        }
        if !assignee_changed {
            ck.errors.retain(|e| e.field != "assignee_id");
        }
        ck.finish()?;
        let status = status.unwrap_or(row.5);
        let finished = matches!(status, TaskStatus::Done | TaskStatus::Cancelled);
        let completed_at = if finished { row.12.or(Some(Utc::now())) } else { None };
        diesel::update(t::table.find(task))
            .set((
                t::title.eq(&title),
                t::description.eq(&description),
                t::assignee_id.eq(assignee_id),
                t::due_date.eq(due),
                t::status.eq(status),
                t::checklist.eq(serde_json::to_value(&checklist)?),
                t::completed_at.eq(completed_at),
                t::version.eq(t::version + 1),
                t::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        if let Some(a) = assignee_id.filter(|_| assignee_changed) {
            let kind = crate::notifications::dto::NotificationKind::InvestigationTask;
            let what = format!("task for you: {title}");
            super::tell(conn, &[a], who.id, &inv, kind, &what, Some("tasks")).await?;
        }
        if !changed.is_empty() {
            let assignee_name = assignee_name(conn, assignee_id).await?;
            event(
                conn,
                id,
                Some(who.id),
                EventKind::TaskUpdated,
                Some(task),
                json!({ "title": title, "fields": changed, "status": status,
                        "assignee_id": assignee_id, "assignee_name": assignee_name, "due_date": due }),
            )
            .await?;
        }
        record(
            conn,
            actor,
            Event::new("investigation.task_update")
                .object("investigation", id)
                .details(json!({ "task": task, "fields": changed })),
        )
        .await?;
        let row = one(conn, id, task).await?;
        dtos(conn, vec![row])
            .await?
            .into_iter()
            .next()
            .ok_or(Error::NotFound)
    })
    .await
}
