//! The saved-search worker: checks the cases queued in `saved_search_queue` (by the trigger
//! on cases: every save) against every active rule, as the rule's owner would list them
//! (need-to-know: another unit's drafts never match), and the register records queued in
//! `saved_search_record_queue` (created or corrected) against the rules over their register;
//! records the new hits and notifies the owner. Batches are claimed with `SKIP LOCKED` (instances share the queue); woken by
//! `NOTIFY ncen_searches`, and every 10 s regardless.

use super::dto::{
    CompanySearch, ConveyanceSearch, PersonSearch, RegisterSearch, SearchTarget, SeizureSearch,
};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal, Role};
use crate::db::schema::{
    saved_search_hits as h, saved_search_queue as q, saved_search_record_hits as rh,
    saved_search_record_queue as rq, saved_searches as s, seizure_cases, users,
};
use crate::error::{Error, Result};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use crate::registers::Register;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ncen_matching::Thresholds;
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
    DateTime<Utc>,
    Uuid,
    String,
    String,
    Uuid,
    Vec<String>,
);

/// Checks up to `BATCH` queued cases, and up to `BATCH` queued records, against the active
/// rules; returns how many.
pub async fn drain_once(conn: &mut AsyncPgConnection, t: Thresholds) -> Result<usize> {
    let cases = drain_cases(conn).await?;
    let records = drain_records(conn, t).await?;
    Ok(cases + records)
}

/// The owner of a rule, as a principal (the rule runs as its owner would list).
fn owner(
    (id, username, display_name, unit_id, roles): (Uuid, String, String, Uuid, Vec<String>),
) -> Principal {
    Principal {
        id,
        username,
        display_name,
        unit_id,
        roles: roles.iter().filter_map(|r| Role::parse(r)).collect(),
        session_id: Uuid::nil(),
    }
}

/// Up to `BATCH` queued register records against the active rules over their register.
async fn drain_records(conn: &mut AsyncPgConnection, t: Thresholds) -> Result<usize> {
    conn.transaction::<_, Error, _>(async |c| {
        let queued: Vec<(String, Uuid, DateTime<Utc>)> = rq::table
            .select((rq::target, rq::record_id, rq::queued_at))
            .order(rq::queued_at.asc())
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(c)
            .await?;
        if queued.is_empty() {
            return Ok(0);
        }
        for (target, id, _) in &queued {
            diesel::delete(
                rq::table
                    .filter(rq::target.eq(target))
                    .filter(rq::record_id.eq(id)),
            )
            .execute(c)
            .await?;
        }
        for target in [
            SearchTarget::Persons,
            SearchTarget::Companies,
            SearchTarget::Conveyances,
        ] {
            let of_target: Vec<(Uuid, DateTime<Utc>)> = queued
                .iter()
                .filter(|(t, _, _)| t == target.as_str())
                .map(|(_, id, at)| (*id, *at))
                .collect();
            if of_target.is_empty() {
                continue;
            }
            let rules: Vec<RuleRow> = s::table
                .inner_join(users::table.on(users::id.eq(s::owner_id)))
                .filter(s::active.eq(true))
                .filter(s::target.eq(target.as_str()))
                .filter(users::disabled_at.is_null())
                .select((
                    s::id,
                    s::name,
                    s::query,
                    s::created_at,
                    users::id,
                    users::username,
                    users::display_name,
                    users::unit_id,
                    users::roles,
                ))
                .load(c)
                .await?;
            for (search_id, name, query, created_at, o1, o2, o3, o4, o5) in rules {
                let who = owner((o1, o2, o3, o4, o5));
                // a rule tells of what was registered or corrected after it was saved
                let ids = since(&of_target, created_at);
                if ids.is_empty() || !who.can(Permission::RegistersRead) {
                    continue;
                }
                let matched = match target {
                    SearchTarget::Persons => matching::<PersonSearch>(c, query, &ids, t).await?,
                    SearchTarget::Companies => matching::<CompanySearch>(c, query, &ids, t).await?,
                    SearchTarget::Conveyances => {
                        matching::<ConveyanceSearch>(c, query, &ids, t).await?
                    }
                    SearchTarget::Seizures => Vec::new(),
                };
                record_hits(c, search_id, &name, &who, target, matched).await?;
            }
        }
        Ok(queued.len())
    })
    .await
}

/// The queued ids saved at or after `created_at` (a record or case queued before a rule
/// was saved, but checked after, is not news to it).
fn since(queued: &[(Uuid, DateTime<Utc>)], created_at: DateTime<Utc>) -> Vec<Uuid> {
    queued
        .iter()
        .filter(|(_, at)| *at >= created_at)
        .map(|(id, _)| *id)
        .collect()
}

/// Which of `ids` the register's list would show with the rule's filters (a rule whose
/// filters no longer read or hold, e.g. a code since retired, matches nothing).
async fn matching<S: RegisterSearch>(
    c: &mut AsyncPgConnection,
    query: serde_json::Value,
    ids: &[Uuid],
    t: Thresholds,
) -> Result<Vec<Uuid>> {
    let Ok(search) = serde_json::from_value::<S>(query) else {
        return Ok(Vec::new());
    };
    let Ok(start) = super::start(search.text(), BATCH) else {
        return Ok(Vec::new());
    };
    let mut filter = match S::Register::filter(c, search.to_list_query(), start, t.review).await {
        Ok((filter, _)) => filter,
        Err(Error::Validation(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    S::Register::among(&mut filter, ids.to_vec());
    let rows = S::Register::search(c, filter).await?;
    Ok(rows.iter().map(S::Register::row_id).collect())
}

/// Records the new register hits of a rule, counts them and tells its owner.
async fn record_hits(
    c: &mut AsyncPgConnection,
    search_id: Uuid,
    name: &str,
    who: &Principal,
    target: SearchTarget,
    matched: Vec<Uuid>,
) -> Result<()> {
    if matched.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = matched
        .iter()
        .map(|id| (rh::search_id.eq(search_id), rh::record_id.eq(*id)))
        .collect();
    let new: Vec<Uuid> = diesel::insert_into(rh::table)
        .values(rows)
        .on_conflict_do_nothing()
        .returning(rh::record_id)
        .get_results(c)
        .await?;
    if new.is_empty() {
        return Ok(());
    }
    let labels = super::record_labels(c, target, &new).await?;
    let mut shown: Vec<&String> = labels.values().collect();
    shown.sort();
    shown.truncate(3);
    let names: Vec<&str> = shown.iter().map(|l| l.as_str()).collect();
    hit(
        c,
        search_id,
        name,
        who,
        &names,
        new.len(),
        json!({ "target": target, "records": new }),
    )
    .await
}

/// Counts a rule's new hits, notifies its owner (the title is data only: the app words the
/// kind in the reader's language, "A saved search found new records") and audits the hit.
async fn hit(
    c: &mut AsyncPgConnection,
    search_id: Uuid,
    name: &str,
    who: &Principal,
    shown: &[&str],
    count: usize,
    mut details: serde_json::Value,
) -> Result<()> {
    diesel::update(s::table.filter(s::id.eq(search_id)))
        .set((
            s::hits.eq(s::hits + i32::try_from(count).unwrap_or(i32::MAX)),
            s::last_hit_at.eq(diesel::dsl::now),
        ))
        .execute(c)
        .await?;
    let more = count.saturating_sub(shown.len());
    let title = format!(
        "“{name}” — {}{}",
        shown.join(", "),
        if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        },
    );
    notify(
        c,
        &[who.id],
        &Notice {
            kind: NotificationKind::SearchHit,
            title,
            link: format!("/searches/{search_id}"),
            thread_id: None,
        },
    )
    .await?;
    if let Some(map) = details.as_object_mut() {
        map.insert("owner".into(), json!(who.id));
    }
    record(
        c,
        &Actor::system(),
        Event::new("saved_search.hit")
            .object("saved_search", search_id)
            .details(details),
    )
    .await?;
    Ok(())
}

/// Up to `BATCH` queued cases against every active rule over seizures.
async fn drain_cases(conn: &mut AsyncPgConnection) -> Result<usize> {
    conn.transaction::<_, Error, _>(async |c| {
        let queued: Vec<(Uuid, DateTime<Utc>)> = q::table
            .select((q::case_id, q::queued_at))
            .order(q::queued_at.asc())
            .limit(BATCH)
            .for_update()
            .skip_locked()
            .load(c)
            .await?;
        if queued.is_empty() {
            return Ok(0);
        }
        let ids: Vec<Uuid> = queued.iter().map(|(id, _)| *id).collect();
        diesel::delete(q::table.filter(q::case_id.eq_any(&ids)))
            .execute(c)
            .await?;
        let rules: Vec<RuleRow> = s::table
            .inner_join(users::table.on(users::id.eq(s::owner_id)))
            .filter(s::active.eq(true))
            .filter(s::target.eq(SearchTarget::Seizures.as_str()))
            .filter(users::disabled_at.is_null())
            .select((
                s::id,
                s::name,
                s::query,
                s::created_at,
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
            let fresh = since(&queued, rule.3);
            check_rule(c, rule, &facets, &fresh).await?;
        }
        Ok(ids.len())
    })
    .await
}

/// Checks one rule against the batch: only the cases queued since it was saved (`fresh`) and
/// its filters may keep
/// ([`super::facets::may_match`]) are queried, and none when there are none.
async fn check_rule(
    c: &mut AsyncPgConnection,
    rule: RuleRow,
    batch: &[super::facets::Facets],
    fresh: &[Uuid],
) -> Result<()> {
    let (search_id, name, query, _, owner_id, username, display_name, unit_id, roles) = rule;
    let owner = owner((owner_id, username, display_name, unit_id, roles));
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
        .filter(|x| fresh.contains(&x.id) && super::facets::may_match(&f, x))
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
    let refs: Vec<String> = seizure_cases::table
        .filter(seizure_cases::id.eq_any(&new))
        .order(seizure_cases::detected_at.desc())
        .select(seizure_cases::reference)
        .limit(3)
        .load(c)
        .await?;
    let shown: Vec<&str> = refs.iter().map(String::as_str).collect();
    hit(
        c,
        search_id,
        &name,
        &owner,
        &shown,
        new.len(),
        json!({ "cases": new }),
    )
    .await
}

/// Checks every queued case (tests call it to see their hits at once).
pub async fn drain(conn: &mut AsyncPgConnection, t: Thresholds) -> Result<usize> {
    let mut done = 0;
    loop {
        let n = drain_once(conn, t).await?;
        if n == 0 {
            return Ok(done);
        }
        done += n;
    }
}

pub fn spawn_worker(pool: crate::db::Pool, url: String, t: Thresholds) {
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    crate::db::listen::spawn(url, CHANNEL, wake.clone());
    tokio::spawn(async move {
        loop {
            if let Ok(mut conn) = pool.get().await {
                if let Err(e) = drain(&mut conn, t).await {
                    tracing::warn!(error = %e, "saved searches: checking queued cases failed");
                }
            }
            let _ = tokio::time::timeout(std::time::Duration::from_secs(10), wake.notified()).await;
        }
    });
}
