//! A company's timeline: the cases it appears in, the investigations it is linked to, the
//! alerts on it and their hits, and the message threads about it (about one of its cases or
//! investigations, or a warning watching it), newest first, in keyset pages.
//!
//! Need-to-know, as everywhere: another unit's draft cases are left out; an investigation
//! the reader is not on, or an alert of another unit (or any alert, without the permission
//! to work alerts), is counted in `restricted`, never named or dated; a thread appears only
//! to its participants, and is not counted otherwise (a conversation is private to it).

use super::dto::{CompanyTimeline, CompanyTimelineEvent, RestrictedCounts, TimelineKind};
use crate::auth::{Permission, Principal};
use crate::common::page;
use crate::db::schema::investigation_links as l;
use crate::error::Result;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// The events, `$1` the company, `$2` the reader's unit, `$3` whether they see their unit's
/// draft cases, `$4` the investigations they may know, `$5` whether they work alerts, `$6`
/// the reader; every kind is an index look-up by the company (threads: by its cases, its
/// investigations, and the warnings' watched record, migration 29).
const EVENTS: &str = "
  SELECT 'case' AS kind, c.detected_at AS at, c.id AS key, c.id AS record_id, c.reference,
         NULL::text AS title, string_agg(s.role, ', ' ORDER BY s.position) AS detail,
         c.status AS status
    FROM seizure_case_companies s JOIN seizure_cases c ON c.id = s.case_id
   WHERE s.company_id = $1 AND (c.status <> 'draft' OR (c.reporting_unit_id = $2 AND $3))
   GROUP BY c.id
  UNION ALL
  SELECT 'investigation', l.created_at, l.id, i.id, i.reference, i.title, l.role, i.status
    FROM investigation_links l JOIN investigations i ON i.id = l.investigation_id
   WHERE l.company_id = $1 AND i.id = ANY($4)
  UNION ALL
  SELECT 'alert', coalesce(a.activated_at, a.created_at), a.id, a.id, a.reference, NULL,
         a.risk_level, a.status
    FROM alerts a
   WHERE a.company_id = $1 AND $5 AND a.unit_id = $2
  UNION ALL
  SELECT 'alert_hit', h.created_at, h.id, a.id, a.reference, NULL, NULL, h.status
    FROM alert_hits h JOIN alerts a ON a.id = h.alert_id
   WHERE h.record_kind = 'company' AND h.record_id = $1 AND $5 AND a.unit_id = $2
  UNION ALL
  SELECT 'message', t.created_at, t.id, t.id, NULL, t.subject, t.kind, NULL
    FROM message_threads t
   WHERE (t.case_id IN (SELECT case_id FROM seizure_case_companies WHERE company_id = $1)
          OR t.investigation_id IN (SELECT investigation_id FROM investigation_links
                                     WHERE company_id = $1)
          OR (t.kind = 'warning' AND t.fields #>> '{warning,watch,register_id}' = $1::text))
     AND EXISTS (SELECT 1 FROM thread_participants p WHERE p.thread_id = t.id
                 AND (p.user_id = $6 OR p.unit_id = $2))";

/// What is there that the reader may not see: `$1` the company, `$2` the reader's unit, `$3`
/// the investigations they may know, `$4` whether they work alerts.
const RESTRICTED: &str = "
  SELECT (SELECT count(DISTINCT l.investigation_id) FROM investigation_links l
           WHERE l.company_id = $1 AND NOT (l.investigation_id = ANY($3))) AS investigations,
         (SELECT count(*) FROM (
            SELECT a.id FROM alerts a
             WHERE a.company_id = $1 AND NOT ($4 AND a.unit_id = $2)
            UNION
            SELECT a.id FROM alert_hits h JOIN alerts a ON a.id = h.alert_id
             WHERE h.record_kind = 'company' AND h.record_id = $1 AND NOT ($4 AND a.unit_id = $2)
          ) x) AS alerts";

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
    #[diesel(sql_type = SqlUuid)]
    key: Uuid,
    #[diesel(sql_type = SqlUuid)]
    record_id: Uuid,
    #[diesel(sql_type = Nullable<Text>)]
    reference: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    title: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    detail: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    status: Option<String>,
}

#[derive(QueryableByName)]
struct Counts {
    #[diesel(sql_type = BigInt)]
    investigations: i64,
    #[diesel(sql_type = BigInt)]
    alerts: i64,
}

/// A page of the company's timeline as `who` may see it (`cursor` from the previous page).
/// Not audited here: the caller records what was shown.
pub async fn read(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    company: Uuid,
    limit: Option<i64>,
    cursor: Option<&str>,
) -> Result<CompanyTimeline> {
    let limit = page::limit(limit)?;
    let after: Option<(DateTime<Utc>, Uuid)> = page::decode_cursor(cursor)?;
    let linked: Vec<Uuid> = l::table
        .filter(l::company_id.eq(company))
        .select(l::investigation_id)
        .distinct()
        .load(conn)
        .await?;
    let known: Vec<Uuid> = crate::investigations::visible_among(conn, who, &linked)
        .await?
        .into_iter()
        .collect();
    let drafts = crate::seizures::sees_drafts_of_own_unit(who);
    let alerts = who.can(Permission::AlertsWrite);
    let (at, key) = after.unzip();
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT * FROM ({EVENTS}) e \
         WHERE $7::timestamptz IS NULL OR (e.at, e.key) < ($7, $8) \
         ORDER BY e.at DESC, e.key DESC LIMIT $9"
    ))
    .bind::<SqlUuid, _>(company)
    .bind::<SqlUuid, _>(who.unit_id)
    .bind::<Bool, _>(drafts)
    .bind::<Array<SqlUuid>, _>(&known)
    .bind::<Bool, _>(alerts)
    .bind::<SqlUuid, _>(who.id)
    .bind::<Nullable<Timestamptz>, _>(at)
    .bind::<Nullable<SqlUuid>, _>(key)
    .bind::<BigInt, _>(limit + 1)
    .load(conn)
    .await?;
    let restricted: Counts = diesel::sql_query(RESTRICTED)
        .bind::<SqlUuid, _>(company)
        .bind::<SqlUuid, _>(who.unit_id)
        .bind::<Array<SqlUuid>, _>(&known)
        .bind::<Bool, _>(alerts)
        .get_result(conn)
        .await?;
    let (rows, next_cursor) = page::cut(rows, limit, |r| (r.at, r.key));
    let items = rows
        .into_iter()
        .filter_map(|r| {
            Some(CompanyTimelineEvent {
                kind: TimelineKind::parse(&r.kind)?,
                at: r.at,
                id: r.record_id,
                reference: r.reference,
                title: r.title,
                detail: r.detail,
                status: r.status,
            })
        })
        .collect();
    Ok(CompanyTimeline {
        items,
        next_cursor,
        restricted: RestrictedCounts {
            investigations: restricted.investigations,
            alerts: restricted.alerts,
        },
    })
}
