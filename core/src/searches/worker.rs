//! The saved-search worker: checks the cases queued in `saved_search_queue` (by the trigger
//! on cases: every save) against every active rule, as the rule's owner would list them
//! (need-to-know: another unit's drafts never match), records the new hits and notifies the
//! owner. Batches are claimed with `SKIP LOCKED` (instances share the queue); woken by
//! `NOTIFY ncen_searches`, and every 10 s regardless.

use super::dto::SeizureSearch;
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal, Role};
use crate::db::schema::{
    saved_search_hits as h, saved_search_queue as q, saved_searches as s, seizure_cases, users,
};
use crate::error::{Error, Result};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

/// Cases checked per transaction.
const BATCH: i64 = 200;

/// The channel the queue's trigger notifies.
pub const CHANNEL: &str = "ncen_searches";

type RuleRow = (
    Uuid,
    String,
    serde_json::Value,
    Uuid,
    String,
    String,
    Uuid,
    Vec<String>,
);

/// Checks up to `BATCH` queued cases against every active rule; returns how many cases.
pub async fn drain_once(conn: &mut AsyncPgConnection) -> Result<usize> {
    conn.transaction::<_, Error, _>(async |c| {
        let ids: Vec<Uuid> = q::table
            .select(q::case_id)
            .order(q::queued_at.asc())
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(c)
            .await?;
        if ids.is_empty() {
            return Ok(0);
        }
        diesel::delete(q::table.filter(q::case_id.eq_any(&ids)))
            .execute(c)
            .await?;
        let rules: Vec<RuleRow> = s::table
            .inner_join(users::table.on(users::id.eq(s::owner_id)))
            .filter(s::active.eq(true))
            .filter(users::disabled_at.is_null())
            .select((
                s::id,
                s::name,
                s::query,
                users::id,
                users::username,
                users::display_name,
                users::unit_id,
                users::roles,
            ))
            .load(c)
            .await?;
        let facets = super::facets::load(c, &ids).await?;
        for rule in rules {
            check_rule(c, rule, &facets).await?;
        }
        Ok(ids.len())
    })
    .await
}

/// Checks one rule against the batch: only the cases its filters may keep
/// ([`super::facets::may_match`]) are queried, and none when there are none.
async fn check_rule(
    c: &mut AsyncPgConnection,
    rule: RuleRow,
    batch: &[super::facets::Facets],
) -> Result<()> {
    let (search_id, name, query, owner_id, username, display_name, unit_id, roles) = rule;
    let owner = Principal {
        id: owner_id,
        username,
        display_name,
        unit_id,
        roles: roles.iter().filter_map(|r| Role::parse(r)).collect(),
        session_id: Uuid::nil(),
    };
    if !owner.can(Permission::SeizuresRead) {
        return Ok(());
    }
    let Ok(search) = serde_json::from_value::<SeizureSearch>(query) else {
        return Ok(());
    };
    let text = crate::common::check::search_text(search.q.clone())
        .ok()
        .flatten();
    let mut f =
        crate::seizures::service::filter_of(&owner, search.to_case_query(), text, None, BATCH);
    let candidates: Vec<Uuid> = batch
        .iter()
        .filter(|x| super::facets::may_match(&f, x))
        .map(|x| x.id)
        .collect();
    if candidates.is_empty() {
        return Ok(());
    }
    f.among = Some(candidates);
    let matched = crate::seizures::read::ids(c, &f, BATCH).await?;
    if matched.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = matched
        .iter()
        .map(|case| (h::search_id.eq(search_id), h::case_id.eq(*case)))
        .collect();
    let new: Vec<Uuid> = diesel::insert_into(h::table)
        .values(rows)
        .on_conflict_do_nothing()
        .returning(h::case_id)
        .get_results(c)
        .await?;
    if new.is_empty() {
        return Ok(());
    }
    diesel::update(s::table.filter(s::id.eq(search_id)))
        .set((
            s::hits.eq(s::hits + new.len() as i32),
            s::last_hit_at.eq(diesel::dsl::now),
        ))
        .execute(c)
        .await?;
    let refs: Vec<String> = seizure_cases::table
        .filter(seizure_cases::id.eq_any(&new))
        .order(seizure_cases::detected_at.desc())
        .select(seizure_cases::reference)
        .limit(3)
        .load(c)
        .await?;
    let more = new.len().saturating_sub(refs.len());
    // data only, as every notification's title: the app words the kind in the reader's
    // language ("A saved search found new cases")
    let title = format!(
        "“{name}” — {}{}",
        refs.join(", "),
        if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        },
    );
    notify(
        c,
        &[owner.id],
        &Notice {
            kind: NotificationKind::SearchHit,
            title,
            link: format!("/searches/{search_id}"),
            thread_id: None,
        },
    )
    .await?;
    record(
        c,
        &Actor::system(),
        Event::new("saved_search.hit")
            .object("saved_search", search_id)
            .details(json!({ "cases": new, "owner": owner.id })),
    )
    .await?;
    Ok(())
}

/// Checks every queued case (tests call it to see their hits at once).
pub async fn drain(conn: &mut AsyncPgConnection) -> Result<usize> {
    let mut done = 0;
    loop {
        let n = drain_once(conn).await?;
        if n == 0 {
            return Ok(done);
        }
        done += n;
    }
}

pub fn spawn_worker(pool: crate::db::Pool, url: String) {
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    crate::db::listen::spawn(url, CHANNEL, wake.clone());
    tokio::spawn(async move {
        loop {
            if let Ok(mut conn) = pool.get().await {
                if let Err(e) = drain(&mut conn).await {
                    tracing::warn!(error = %e, "saved searches: checking queued cases failed");
                }
            }
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), wake.notified()).await;
        }
    });
}
