//! Demo messaging: threads between the demo's units and users — CENcomm warnings with their
//! feedback (some overdue, some seizures linked to the demo case they led to), seizure
//! messages carrying a case's non-nominal summary, and discussions, in English and French.
//!
//! Written after the main transaction, through the messaging service itself
//! (`create`, `post`, `get` and `mark_read`, as the API calls them for the sender's
//! principal): every thread passes the API's validation and leaves its notifications, live
//! events and audit rows. The steps run in the order of their story; each one's rows are
//! then moved to the moment the story gives it, over the weeks before the demo's end
//! (audit rows keep the real time: the audit trail is append-only).

mod discussions;
mod plan;
mod stories;
mod talk;
mod targets;
mod texts;
mod topics;
mod world;

use anyhow::{anyhow, Context};
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use diesel::sql_types::{Array, BigInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use ncen_core::messaging::dto::{CreateThread, PostMessage, ThreadTemplate};
use ncen_core::messaging::service;
use plan::{Action, Plan, Thread, Tpl};
use rand::rngs::StdRng;
use rand::SeedableRng;
use uuid::Uuid;
use world::World;

/// Mixed into the demo's seed, so that the messages draw their own random sequence.
const SEED_SALT: u64 = 0x6d65_7373_6167_6573;

#[derive(Debug, Default)]
pub(super) struct Counts {
    pub(super) threads: u64,
    pub(super) messages: u64,
}

/// Writes the demo threads; `sample_users` (the README's) find unread threads and
/// notifications when they sign in.
pub(super) async fn create(
    conn: &mut AsyncPgConnection,
    seed: u64,
    end: DateTime<Utc>,
    cases: usize,
    sample_users: &[(String, String)],
) -> anyhow::Result<Counts> {
    let mut rng = StdRng::seed_from_u64(seed ^ SEED_SALT);
    let world = World::load(conn, &mut rng).await?;
    if world.people.is_empty() {
        return Ok(Counts::default());
    }
    let featured = sample_users
        .iter()
        .filter_map(|(u, _)| world.user(u))
        .collect();
    let mut plan = Plan::new(&world, rng, end, featured);
    plan.tell(cases);
    let (mut threads, ops) = plan.finish();
    conn.batch_execute(
        "CREATE TEMPORARY TABLE demo_marks (seq bigint PRIMARY KEY, t timestamptz NOT NULL, at timestamptz)",
    )
    .await?;
    let mut ids: Vec<Option<Uuid>> = vec![None; threads.len()];
    let mut counts = Counts::default();
    for (seq, op) in ops.into_iter().enumerate() {
        mark(conn, seq as i64, Some(op.at)).await?;
        let th = &mut threads[op.thread];
        match op.action {
            Action::Create => {
                let id = open(conn, &world, th, &ids).await?;
                ids[op.thread] = Some(id);
                counts.threads += 1;
                counts.messages += 1;
            }
            Action::Post(user, body) => {
                let id = ids[op.thread].context("a reply before its thread")?;
                let p = &world.people[user];
                service::post(
                    conn,
                    &p.who,
                    &p.actor,
                    id,
                    PostMessage {
                        body,
                        attachment_ids: Vec::new(),
                        answer: false,
                    },
                )
                .await
                .map_err(|e| failed("reply", &th.subject, e))?;
                counts.messages += 1;
            }
            Action::Read(user) => {
                let id = ids[op.thread].context("a read before its thread")?;
                let p = &world.people[user];
                // As the app does: open the thread (an audited read), then mark it read.
                service::get(conn, &p.who, &p.actor, id)
                    .await
                    .map_err(|e| failed("read", &th.subject, e))?;
                service::mark_read(conn, &p.who, &p.actor, id)
                    .await
                    .map_err(|e| failed("mark read", &th.subject, e))?;
            }
        }
    }
    mark(conn, i64::MAX, None).await?;
    backdate(conn, &threads, &ids).await?;
    Ok(counts)
}

fn failed(what: &str, subject: &str, e: ncen_core::Error) -> anyhow::Error {
    match e {
        ncen_core::Error::Validation(errors) => {
            let fields: Vec<String> = errors
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            anyhow!(
                "demo messages: {what} «{subject}» refused: {}",
                fields.join("; ")
            )
        }
        e => anyhow!("demo messages: {what} «{subject}»: {e}"),
    }
}

/// Records the database clock before step `seq`, and the moment the step has in its story.
async fn mark(
    conn: &mut AsyncPgConnection,
    seq: i64,
    at: Option<DateTime<Utc>>,
) -> anyhow::Result<()> {
    diesel::sql_query("INSERT INTO demo_marks (seq, t, at) VALUES ($1, clock_timestamp(), $2)")
        .bind::<BigInt, _>(seq)
        .bind::<diesel::sql_types::Nullable<Timestamptz>, _>(at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Creates a planned thread as its sender; returns its id.
async fn open(
    conn: &mut AsyncPgConnection,
    world: &World,
    th: &mut Thread,
    ids: &[Option<Uuid>],
) -> anyhow::Result<Uuid> {
    let template = match th.template.take().context("a thread created twice")? {
        Tpl::Ready(template) => match *template {
            // The deadline must be in the future now; the story's one is set afterwards.
            ThreadTemplate::Warning {
                case_id,
                watch,
                route,
                expected_arrival,
                risk_indicators,
                action_requested,
                feedback_due: _,
            } => ThreadTemplate::Warning {
                case_id,
                watch,
                route,
                expected_arrival,
                risk_indicators,
                action_requested,
                feedback_due: Utc::now() + Duration::days(30),
            },
            other => other,
        },
        Tpl::Feedback {
            warning,
            outcome,
            case_id,
        } => ThreadTemplate::Feedback {
            warning_id: ids
                .get(warning)
                .copied()
                .flatten()
                .context("a feedback before its warning")?,
            outcome,
            case_id,
        },
    };
    let body = CreateThread {
        subject: th.subject.clone(),
        participants: th.participants.clone(),
        body: th.body.clone(),
        urgent: th.urgent,
        handling: th.handling.clone(),
        template,
        attachment_ids: Vec::new(),
    };
    let p = &world.people[th.sender];
    let detail = service::create(conn, &p.who, &p.actor, body)
        .await
        .map_err(|e| failed("create", &th.subject, e))?;
    Ok(detail.thread.id)
}

/// The moment the story gave to the step that wrote `column`'s value (the step that ran
/// between the two marks of the database clock around it), or NULL.
fn step_time(column: &str) -> String {
    format!(
        "(SELECT c.at FROM (SELECT at, hi FROM demo_clock WHERE lo <= {column} \
         ORDER BY lo DESC LIMIT 1) c WHERE c.hi > {column})"
    )
}

/// `step_time`, or the value unchanged when no step wrote it.
fn story_time(column: &str) -> String {
    format!("coalesce({}, {column})", step_time(column))
}

/// Moves every row the steps wrote to the moment of its step in the story, and sets the
/// warnings' deadlines; one transaction.
async fn backdate(
    conn: &mut AsyncPgConnection,
    threads: &[Thread],
    ids: &[Option<Uuid>],
) -> anyhow::Result<()> {
    let created: Vec<Uuid> = ids.iter().flatten().copied().collect();
    let (mut due_ids, mut dues, mut due_texts) = (Vec::new(), Vec::new(), Vec::new());
    for (th, id) in threads.iter().zip(ids) {
        if let (Some(id), Some(due)) = (id, th.due) {
            due_ids.push(*id);
            dues.push(due);
            due_texts.push(due.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    conn.batch_execute(
        "BEGIN; \
         CREATE TEMPORARY TABLE demo_clock ON COMMIT DROP AS \
           SELECT t AS lo, lead(t) OVER (ORDER BY seq) AS hi, at FROM demo_marks; \
         DELETE FROM demo_clock WHERE hi IS NULL OR at IS NULL; \
         CREATE INDEX ON demo_clock (lo); \
         CREATE TEMPORARY TABLE demo_threads (id uuid PRIMARY KEY) ON COMMIT DROP; \
         ANALYZE demo_clock",
    )
    .await?;
    let result = async {
        diesel::sql_query("INSERT INTO demo_threads SELECT unnest($1::uuid[])")
            .bind::<Array<SqlUuid>, _>(&created)
            .execute(conn)
            .await?;
        let json_time = "to_jsonb(to_char(v.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))";
        let statements = [
            format!(
                "UPDATE message_threads t SET created_at = {}, last_message_at = {} \
                 WHERE t.id IN (SELECT id FROM demo_threads)",
                story_time("t.created_at"),
                story_time("t.last_message_at")
            ),
            format!(
                "UPDATE thread_participants p SET added_at = {}, last_message_at = t.last_message_at \
                 FROM message_threads t \
                 WHERE t.id = p.thread_id AND p.thread_id IN (SELECT id FROM demo_threads)",
                story_time("p.added_at")
            ),
            format!(
                "UPDATE thread_reads r SET read_up_to = {} \
                 WHERE r.thread_id IN (SELECT id FROM demo_threads)",
                story_time("r.read_up_to")
            ),
            format!(
                "UPDATE messages m SET sent_at = {} WHERE m.thread_id IN (SELECT id FROM demo_threads)",
                story_time("m.sent_at")
            ),
            format!(
                "UPDATE message_reads r SET read_at = {} FROM messages m \
                 WHERE m.id = r.message_id AND m.thread_id IN (SELECT id FROM demo_threads)",
                story_time("r.read_at")
            ),
            format!(
                "UPDATE notifications n SET created_at = {}, read_at = {} \
                 WHERE n.thread_id IN (SELECT id FROM demo_threads)",
                story_time("n.created_at"),
                story_time("n.read_at")
            ),
            // Live events, and the times their payloads carry.
            format!(
                "UPDATE user_events e SET created_at = v.at, data = CASE e.kind \
                   WHEN 'message' THEN jsonb_set(e.data, '{{sent_at}}', {json_time}) \
                   WHEN 'read' THEN jsonb_set(e.data, '{{read_at}}', {json_time}) \
                   WHEN 'notification' THEN jsonb_set(e.data, '{{notification,created_at}}', {json_time}) \
                   ELSE e.data END \
                 FROM (SELECT x.user_id, x.id, {} AS at FROM user_events x \
                        WHERE x.created_at >= (SELECT min(lo) FROM demo_clock) \
                          AND coalesce(x.data->>'thread_id', x.data->'notification'->>'thread_id') \
                              IN (SELECT id::text FROM demo_threads)) v \
                 WHERE e.user_id = v.user_id AND e.id = v.id AND v.at IS NOT NULL",
                step_time("x.created_at")
            ),
        ];
        for sql in &statements {
            conn.batch_execute(sql).await?;
        }
        // The warnings' deadlines, in the column and in the template's fields.
        diesel::sql_query(
            "UPDATE message_threads t SET feedback_due = v.due, \
               fields = jsonb_set(t.fields, '{warning,feedback_due}', to_jsonb(v.due_text)) \
             FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS v(id, due, due_text) \
             WHERE t.id = v.id AND t.kind = 'warning'",
        )
        .bind::<Array<SqlUuid>, _>(&due_ids)
        .bind::<Array<Timestamptz>, _>(&dues)
        .bind::<Array<Text>, _>(&due_texts)
        .execute(conn)
        .await?;
        Ok::<_, anyhow::Error>(())
    }
    .await;
    match result {
        Ok(()) => {
            conn.batch_execute("COMMIT; DROP TABLE demo_marks").await?;
            Ok(())
        }
        Err(e) => {
            let _ = conn.batch_execute("ROLLBACK").await;
            Err(e)
        }
    }
}
