//! Investigations of the national unit (supervised by `ncu.supervisor`, led by
//! `ncu.investigator`), one in every status of the workflow, each with its team, links to demo
//! cases, persons and companies (and the Arabic-script alert and its hit), tasks from the
//! offence type's templates — some done, some overdue — and a journal.
//!
//! Everything goes through the services (audited, in the timeline) as the demo users; only the
//! dates are moved back afterwards (an investigation opened weeks ago, tasks now overdue), as
//! the services date what they write today.

use crate::alerts::user;
use anyhow::anyhow;
use chrono::{Duration, Utc};
use diesel::sql_types::{Integer, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::audit::Actor;
use ncen_core::auth::Principal;
use ncen_core::files::media::Processing;
use ncen_core::files::storage::Storage;
use ncen_core::investigations::{journal, links, service, tasks};
use ncen_core::messaging::attachments;
use rand::{rngs::StdRng, SeedableRng};
use serde_json::json;
use uuid::Uuid;

#[derive(QueryableByName)]
struct Pick {
    #[diesel(sql_type = SqlUuid)]
    case_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Nullable<SqlUuid>)]
    person_id: Option<Uuid>,
    #[diesel(sql_type = diesel::sql_types::Nullable<SqlUuid>)]
    company_id: Option<Uuid>,
}

/// A validated case of `group` (newest first, the `skip`-th) with one of its persons and
/// companies.
async fn case_of(
    conn: &mut AsyncPgConnection,
    group: &str,
    skip: i32,
) -> anyhow::Result<Option<Pick>> {
    let rows: Vec<Pick> = diesel::sql_query(
        "SELECT c.id AS case_id, \
                (SELECT person_id FROM seizure_case_persons p WHERE p.case_id = c.id ORDER BY position LIMIT 1) AS person_id, \
                (SELECT company_id FROM seizure_case_companies k WHERE k.case_id = c.id ORDER BY position LIMIT 1) AS company_id \
           FROM seizure_cases c \
          WHERE c.status = 'validated' \
            AND EXISTS (SELECT 1 FROM seizure_goods g WHERE g.case_id = c.id AND g.commodity_group = $1) \
          ORDER BY c.detected_at DESC, c.id OFFSET $2 LIMIT 1",
    )
    .bind::<Text, _>(group)
    .bind::<Integer, _>(skip)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next())
}

struct Spec {
    title: &'static str,
    summary: &'static str,
    priority: &'static str,
    legal_basis: &'static str,
    offence: &'static str,
    group: &'static str,
    /// the statuses it goes through after `opened`
    path: &'static [&'static str],
    /// days since it was opened
    age: i64,
    journal: &'static [(&'static str, &'static str)],
}

/// The title of the first investigation (the one with threads, `investigation_threads`).
pub const FIRST: &str = "Cocaine couriers São Paulo – Paris-CDG";

const SPECS: &[Spec] = &[
    Spec {
        title: "Cocaine couriers São Paulo – Paris-CDG",
        summary: "Couriers recruited in São Paulo carry 2–4 kg of cocaine in false-bottom suitcases on the direct flight; the same recruiter's phone appears in three cases.",
        priority: "high",
        legal_basis: "Code des douanes, art. 414 and 38; instructions of the Bobigny prosecutor of 3 March",
        offence: "drug_trafficking",
        group: "drugs",
        path: &["assigned", "in_progress"],
        age: 40,
        journal: &[
            ("action", "Interviewed the courier of the last seizure with an interpreter; he names a recruiter called \"Tio\"."),
            ("finding", "The recruiter's phone number is in the contacts of two earlier couriers."),
            ("decision", "Ask the airline for the booking records of the last six months for the three couriers."),
        ],
    },
    Spec {
        title: "Cigarette trucks from Belarus",
        summary: "Trucks declaring furniture carry cigarettes without tax stamps; same haulier, changing drivers.",
        priority: "medium",
        legal_basis: "Code des douanes, art. 414; EU excise directive",
        offence: "tobacco_smuggling",
        group: "tobacco",
        path: &["assigned", "in_progress", "under_review"],
        age: 75,
        journal: &[
            ("finding", "The consignor's address in Minsk is a residential building."),
            ("decision", "Report ready for the supervisor's review: propose a joint operation with the Polish customs."),
        ],
    },
    Spec {
        title: "Undervalued textiles from one importer",
        summary: "Declared values 60 % below the average for the same HS codes and origin; invoices from one consignor.",
        priority: "medium",
        legal_basis: "Union Customs Code, art. 48 and 70",
        offence: "undervaluation",
        group: "ipr",
        path: &["assigned"],
        age: 12,
        journal: &[],
    },
    Spec {
        title: "Counterfeit watches in express parcels",
        summary: "Parcels from Hong Kong declared as 'gifts'; a rights holder reported the models.",
        priority: "low",
        legal_basis: "Regulation (EU) 608/2013",
        offence: "ipr_infringement",
        group: "ipr",
        path: &[],
        age: 3,
        journal: &[],
    },
    Spec {
        title: "Cannabis resin Oran – Marseille",
        summary: "A courier network on the ferries; on hold while the Spanish partner's request is pending.",
        priority: "high",
        legal_basis: "Code des douanes, art. 414; mutual assistance request to Spain",
        offence: "drug_trafficking",
        group: "drugs",
        path: &["assigned", "in_progress", "suspended"],
        age: 90,
        journal: &[("decision", "Suspended until the answer of the Spanish customs (request sent on the 2nd).")],
    },
    Spec {
        title: "Ivory carvings in checked luggage",
        summary: "Worked ivory in the luggage of two passengers from Lagos; CITES Appendix I.",
        priority: "medium",
        legal_basis: "CITES; Regulation (EC) 338/97; Code de l'environnement",
        offence: "wildlife",
        group: "wildlife",
        path: &["assigned", "in_progress", "under_review", "closed"],
        age: 160,
        journal: &[("finding", "The expert confirms elephant ivory; the file goes to the prosecutor.")],
    },
    Spec {
        title: "Undeclared cash on the Algiers flight",
        summary: "Reopened: a new seizure names the same carrier of cash declared as 'family savings'.",
        priority: "medium",
        legal_basis: "Code monétaire et financier, art. L152-1",
        offence: "cash_smuggling",
        group: "currency",
        path: &["assigned", "in_progress", "closed", "reopened"],
        age: 200,
        journal: &[],
    },
];

fn err(what: &str) -> impl Fn(ncen_core::error::Error) -> anyhow::Error + '_ {
    move |e| {
        // an internal error's cause (a database error) is in its source, not its message
        let cause = std::error::Error::source(&e)
            .map(|s| format!(": {s:#}"))
            .unwrap_or_default();
        anyhow!("demo investigation ({what}): {e}{cause}")
    }
}

/// Writes the demo investigations; returns how many.
pub async fn create(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    country: &str,
) -> anyhow::Result<u64> {
    let (chief, chief_actor) = user(conn, "ncu.supervisor").await?;
    let (lead, lead_actor) = user(conn, "ncu.investigator").await?;
    let (analyst, analyst_actor) = user(conn, "ncu.analyst").await?;
    let (officer, _) = user(conn, "cdg-pax.officer1").await?;
    let mut count = 0;
    for (i, spec) in SPECS.iter().enumerate() {
        let pick = case_of(conn, spec.group, i32::try_from(i).unwrap_or(0)).await?;
        let mut links = Vec::new();
        if let Some(p) = &pick {
            links.push(json!({ "target_kind": "case", "target_id": p.case_id, "role": "origin" }));
            if let Some(person) = p.person_id {
                links.push(
                    json!({ "target_kind": "person", "target_id": person, "role": "suspect" }),
                );
            }
            if let Some(company) = p.company_id {
                links.push(
                    json!({ "target_kind": "company", "target_id": company, "role": "suspect" }),
                );
            }
        }
        let with_lead = !spec.path.is_empty();
        let input = serde_json::from_value(json!({
            "title": spec.title, "summary": spec.summary, "priority": spec.priority,
            "legal_basis": spec.legal_basis, "offence_types": [spec.offence],
            "lead_id": with_lead.then_some(lead.id),
            "due_date": (Utc::now().date_naive() + Duration::days(60 - spec.age.min(50))).to_string(),
            "members": [{ "user_id": analyst.id }, { "user_id": officer.id }],
            "links": links,
        }))?;
        let inv = service::create(conn, &chief, &chief_actor, country, input)
            .await
            .map_err(err(spec.title))?;
        count += 1;
        let id = inv.id;
        if i == 4 {
            link_watch_list(conn, &chief, &chief_actor, id).await?;
        }
        if with_lead {
            let list = tasks::from_templates(
                conn,
                &chief,
                &chief_actor,
                id,
                serde_json::from_value(json!({ "offence_type": spec.offence, "lang": "en" }))?,
            )
            .await;
            if let Ok(list) = list {
                work_tasks(
                    conn,
                    &chief,
                    &chief_actor,
                    &analyst,
                    &analyst_actor,
                    id,
                    list.items,
                    i,
                )
                .await?;
            }
        }
        for (n, (kind, body)) in spec.journal.iter().enumerate() {
            let (who, actor) = if with_lead {
                (&lead, &lead_actor)
            } else {
                (&chief, &chief_actor)
            };
            // the first entry of each journal comes with a photo of the seizure
            let mut files = Vec::new();
            if n == 0 {
                let mut rng = StdRng::seed_from_u64(u64::try_from(i).unwrap_or(0));
                let bytes = crate::images::photo(&mut rng, spec.group);
                let prepared = ncen_core::files::clean(bytes, &Processing::new(40_000_000, 1))
                    .await
                    .map_err(err(spec.title))?;
                let name = Some(format!("{}-photo.jpg", spec.group));
                let file = attachments::store(conn, storage, who, actor, name, prepared)
                    .await
                    .map_err(err(spec.title))?;
                files.push(file.id);
            }
            let input = serde_json::from_value(json!({
                "kind": kind, "body": body,
                "occurred_at": Utc::now() - Duration::days(spec.age / 2),
                "attachment_ids": files,
            }))?;
            journal::add(conn, who, actor, id, input)
                .await
                .map_err(err(spec.title))?;
        }
        let mut version = inv.version;
        for to in spec.path {
            let (who, actor) = if matches!(*to, "in_progress" | "under_review") {
                (&lead, &lead_actor)
            } else {
                (&chief, &chief_actor)
            };
            let outcome = (*to == "closed").then(|| {
                if spec.offence == "wildlife" {
                    "prosecution"
                } else {
                    "administrative_penalty"
                }
            });
            let input = serde_json::from_value(json!({
                "to": to, "reason": reason(to), "outcome": outcome,
            }))?;
            let moved = service::transition(conn, who, actor, id, version, input)
                .await
                .map_err(err(spec.title))?;
            version = moved.version;
        }
        backdate(conn, id, spec.age).await?;
    }
    Ok(count)
}

fn reason(to: &str) -> &'static str {
    match to {
        "assigned" => "Lead named: the national unit's investigator on this network.",
        "in_progress" => "Taken up: first requests sent.",
        "under_review" => "Findings complete; please review before the report goes out.",
        "suspended" => "Waiting for the partner administration's answer.",
        "closed" => "Report sent; outcome recorded.",
        "reopened" => "A new seizure names the same person.",
        _ => "Workflow step.",
    }
}

/// The cannabis-resin investigation starts from the Arabic-script alert and its hit.
async fn link_watch_list(
    conn: &mut AsyncPgConnection,
    chief: &Principal,
    actor: &Actor,
    id: Uuid,
) -> anyhow::Result<()> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = SqlUuid)]
        alert: Uuid,
        #[diesel(sql_type = diesel::sql_types::Nullable<SqlUuid>)]
        hit: Option<Uuid>,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT a.id AS alert, (SELECT h.id FROM alert_hits h WHERE h.alert_id = a.id ORDER BY h.created_at LIMIT 1) AS hit \
           FROM alerts a WHERE a.status = 'active' AND a.subject_kind = 'person' ORDER BY a.created_at LIMIT 1",
    )
    .load(conn)
    .await?;
    if let Some(r) = rows.into_iter().next() {
        let mut targets = vec![("alert", r.alert)];
        targets.extend(r.hit.map(|h| ("alert_hit", h)));
        for (kind, target) in targets {
            let input = serde_json::from_value(
                json!({ "target_kind": kind, "target_id": target, "role": "origin" }),
            )?;
            links::add(conn, chief, actor, id, input)
                .await
                .map_err(err("watch-list link"))?;
        }
    }
    Ok(())
}

/// The first template task goes to the analyst, who completes it; the second is overdue
/// (moved back by `backdate`); the others stay open.
#[allow(clippy::too_many_arguments)]
async fn work_tasks(
    conn: &mut AsyncPgConnection,
    chief: &Principal,
    chief_actor: &Actor,
    analyst: &Principal,
    analyst_actor: &Actor,
    id: Uuid,
    items: Vec<tasks::TaskDto>,
    n: usize,
) -> anyhow::Result<()> {
    for (k, task) in items.iter().enumerate().take(2) {
        let assigned = tasks::update(
            conn,
            chief,
            chief_actor,
            id,
            task.id,
            task.version,
            json!({ "assignee_id": analyst.id }),
        )
        .await
        .map_err(err("task"))?;
        if k == 0 && n != 2 {
            tasks::update(
                conn,
                analyst,
                analyst_actor,
                id,
                task.id,
                assigned.version,
                json!({ "status": "done" }),
            )
            .await
            .map_err(err("task"))?;
        }
    }
    Ok(())
}

/// Moves an investigation's dates `days` back (opened then; its timeline and journal entries
/// kept in order), and its second template task's due date into the past.
async fn backdate(conn: &mut AsyncPgConnection, id: Uuid, days: i64) -> anyhow::Result<()> {
    let days = i32::try_from(days).unwrap_or(0);
    diesel::sql_query(
        "UPDATE investigations SET opened_on = opened_on - $2, created_at = created_at - make_interval(days => $2), \
                due_date = CASE WHEN due_date IS NULL THEN NULL ELSE greatest(due_date, opened_on - $2) END \
          WHERE id = $1",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Integer, _>(days)
    .execute(conn)
    .await?;
    // events spread over the period, in their order
    diesel::sql_query(
        "WITH e AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total \
                      FROM investigation_events WHERE investigation_id = $1) \
         UPDATE investigation_events v SET at = v.at - make_interval(days => $2) \
                + make_interval(secs => (e.n - 1) * ($2 * 86400.0 / greatest(e.total, 1))) \
           FROM e WHERE v.id = e.id",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Integer, _>(days)
    .execute(conn)
    .await?;
    diesel::sql_query(
        "UPDATE investigation_tasks t SET created_at = t.created_at - make_interval(days => $2 / 2), \
                due_date = current_date - 5 \
          WHERE t.investigation_id = $1 AND t.status = 'open' AND t.assignee_id IS NOT NULL",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Integer, _>(days)
    .execute(conn)
    .await?;
    Ok(())
}
