//! The people of a company (a person's role for a period) and the relations between
//! companies (parent, group, successor, agent — stored one way, read from both sides).
//! Checked: the person and the other company exist and are not merged, a period ends after
//! it starts, a company is not its own parent, parent and successor chains have no cycle,
//! and the shares held at any one time (shareholders and parent companies) add up to at
//! most 100 %.

use super::dto::{
    CompanyPerson, CompanyPersonInput, CompanyRef, PersonRole, Relation, RelationInput,
    RelationKind,
};
use super::risk;
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::check::Checker;
use crate::common::names::Named;
use crate::db::schema::{companies as c, company_people as cp, company_relations as cr, persons};
use crate::error::{Error, Result};
use crate::registers::companies::risk::RiskBand;
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Bool, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// The company, unmerged (404 otherwise; 409 when merged into another).
pub async fn live(conn: &mut AsyncPgConnection, id: Uuid) -> Result<()> {
    let merged: Option<Option<Uuid>> = c::table
        .find(id)
        .select(c::merged_into)
        .first(conn)
        .await
        .optional()?;
    match merged {
        None => Err(Error::NotFound),
        Some(Some(_)) => Err(Error::State(
            "merged",
            "the company was merged into another: work on the survivor".into(),
        )),
        Some(None) => Ok(()),
    }
}

/// Companies as links show them.
pub async fn refs(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<HashMap<Uuid, CompanyRef>> {
    let rows: Vec<(Uuid, String, String, Option<String>, i32)> = c::table
        .filter(c::id.eq_any(ids))
        .select((c::id, c::name, c::status, c::country, c::risk_score))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, status, country, score)| {
            (
                id,
                CompanyRef {
                    id,
                    name,
                    status,
                    country,
                    risk_score: score,
                    risk_band: RiskBand::of(score),
                },
            )
        })
        .collect())
}

fn period(ck: &mut Checker, from: Option<NaiveDate>, until: Option<NaiveDate>) {
    if let (Some(a), Some(b)) = (from, until) {
        if b < a {
            ck.push("until", "before_start", "must not be before `from`");
        }
    }
}

fn share(ck: &mut Checker, share: Option<f64>, allowed: bool, what: &str) {
    match share {
        Some(_) if !allowed => ck.push(
            "share_percent",
            "not_allowed",
            format!("only {what} hold a share"),
        ),
        Some(p) if !(p > 0.0 && p <= 100.0) || p.is_nan() => {
            ck.push("share_percent", "range", "must be over 0 and at most 100")
        }
        _ => {}
    }
}

type Held = (f64, Option<NaiveDate>, Option<NaiveDate>);

/// The most held at any one time, with `extra` added: the shares of shareholders and
/// parent companies whose periods overlap, at each moment a holding starts.
fn peak(held: &[Held]) -> f64 {
    let starts: Vec<Option<NaiveDate>> = held.iter().map(|h| h.1).collect();
    starts
        .iter()
        .map(|s| {
            held.iter()
                .filter(|(_, from, until)| {
                    let began = match (from, s) {
                        (None, _) => true,
                        (Some(f), Some(s)) => f <= s,
                        (Some(_), None) => false,
                    };
                    let ongoing = match (until, s) {
                        (None, _) => true,
                        (Some(u), Some(s)) => u >= s,
                        (Some(_), None) => true,
                    };
                    began && ongoing
                })
                .map(|h| h.0)
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// The shares held in `company` (shareholders and parents), plus `extra`: refused above 100.
async fn check_shares(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    company: Uuid,
    extra: Held,
) -> Result<()> {
    let mut held: Vec<Held> = diesel::sql_query(
        "SELECT share_percent AS share, valid_from, valid_until FROM company_people \
         WHERE company_id = $1 AND role = 'shareholder' AND share_percent IS NOT NULL \
         UNION ALL SELECT share_percent, valid_from, valid_until FROM company_relations \
         WHERE other_id = $1 AND kind = 'parent_of' AND share_percent IS NOT NULL",
    )
    .bind::<SqlUuid, _>(company)
    .load::<HeldRow>(conn)
    .await?
    .into_iter()
    .map(|r| (r.share, r.valid_from, r.valid_until))
    .collect();
    held.push(extra);
    let total = peak(&held);
    if total > 100.0 + 1e-9 {
        ck.push(
            "share_percent",
            "over_100",
            format!("the shares held at the same time would add up to {total:.2} %"),
        );
    }
    Ok(())
}

#[derive(QueryableByName)]
struct HeldRow {
    #[diesel(sql_type = diesel::sql_types::Float8)]
    share: f64,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Date>)]
    valid_from: Option<NaiveDate>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Date>)]
    valid_until: Option<NaiveDate>,
}

/// The company's people, current first, by role.
pub async fn people(conn: &mut AsyncPgConnection, company: Uuid) -> Result<Vec<CompanyPerson>> {
    type Row = (
        Uuid,
        Uuid,
        PersonRole,
        Option<f64>,
        Option<NaiveDate>,
        Option<NaiveDate>,
        Option<String>,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = cp::table
        .filter(cp::company_id.eq(company))
        .select((
            cp::id,
            cp::person_id,
            cp::role,
            cp::share_percent,
            cp::valid_from,
            cp::valid_until,
            cp::note,
            cp::created_at,
        ))
        .order((
            cp::valid_until.desc().nulls_first(),
            cp::role.asc(),
            cp::created_at.asc(),
        ))
        .load(conn)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.1).collect();
    let names = crate::registers::labels::labels(conn, &ids, &[], &[]).await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, person, role, share_percent, from, until, note, created_at)| CompanyPerson {
                id,
                person: Named {
                    id: person,
                    name: names.get(&person).cloned().unwrap_or_default(),
                },
                role,
                share_percent,
                from,
                until,
                note,
                created_at,
            },
        )
        .collect())
}

/// Links a person to the company.
pub async fn add_person(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    company: Uuid,
    input: CompanyPersonInput,
) -> Result<CompanyPerson> {
    let mut ck = Checker::new();
    period(&mut ck, input.from, input.until);
    let holder = matches!(
        input.role,
        PersonRole::Shareholder | PersonRole::BeneficialOwner
    );
    share(
        &mut ck,
        input.share_percent,
        holder,
        "shareholders and beneficial owners",
    );
    let note = ck.text("note", input.note, 1000);
    live(conn, company).await?;
    let person: Option<Option<Uuid>> = persons::table
        .find(input.person_id)
        .select(persons::merged_into)
        .first(conn)
        .await
        .optional()?;
    match person {
        None => ck.push("person_id", "not_found", "no such person"),
        Some(Some(_)) => ck.push("person_id", "merged", "the person was merged into another"),
        Some(None) => {}
    }
    if let (PersonRole::Shareholder, Some(p)) = (input.role, input.share_percent) {
        check_shares(conn, &mut ck, company, (p, input.from, input.until)).await?;
    }
    ck.finish()?;
    let id = Uuid::new_v4();
    diesel::insert_into(cp::table)
        .values((
            cp::id.eq(id),
            cp::company_id.eq(company),
            cp::person_id.eq(input.person_id),
            cp::role.eq(input.role),
            cp::share_percent.eq(input.share_percent),
            cp::valid_from.eq(input.from),
            cp::valid_until.eq(input.until),
            cp::note.eq(&note),
            cp::created_by.eq(who.id),
        ))
        .execute(conn)
        .await?;
    record(
        conn,
        actor,
        Event::new("company.person_add")
            .object("company", company)
            .details(json!({ "link": id, "person_id": input.person_id, "role": input.role,
                             "share_percent": input.share_percent, "from": input.from, "until": input.until })),
    )
    .await?;
    risk::changed(conn, &[company]).await?;
    people(conn, company)
        .await?
        .into_iter()
        .find(|l| l.id == id)
        .ok_or(Error::NotFound)
}

/// Removes a person's link (the history stays in the audit trail).
pub async fn remove_person(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    company: Uuid,
    link: Uuid,
) -> Result<()> {
    live(conn, company).await?;
    let gone: Option<(Uuid, PersonRole)> =
        diesel::delete(cp::table.filter(cp::id.eq(link).and(cp::company_id.eq(company))))
            .returning((cp::person_id, cp::role))
            .get_result(conn)
            .await
            .optional()?;
    let (person, role) = gone.ok_or(Error::NotFound)?;
    record(
        conn,
        actor,
        Event::new("company.person_remove")
            .object("company", company)
            .details(json!({ "link": link, "person_id": person, "role": role })),
    )
    .await?;
    risk::changed(conn, &[company]).await
}

/// The stored form of a relation entered on `id`: (from, kind, to).
fn stored(id: Uuid, kind: RelationKind, other: Uuid) -> (Uuid, &'static str, Uuid) {
    match kind {
        RelationKind::Parent => (id, "parent_of", other),
        RelationKind::Subsidiary => (other, "parent_of", id),
        RelationKind::SameGroup => (id.min(other), "same_group", id.max(other)),
        RelationKind::SuccessorOf => (id, "successor_of", other),
        RelationKind::PredecessorOf => (other, "successor_of", id),
        RelationKind::AgentOf => (id, "agent_of", other),
        RelationKind::PrincipalOf => (other, "agent_of", id),
    }
}

/// A stored relation as `viewer` sees it.
fn seen(viewer: Uuid, from: Uuid, kind: &str, to: Uuid) -> (RelationKind, Uuid) {
    let mine = from == viewer;
    let other = if mine { to } else { from };
    let kind = match (kind, mine) {
        ("parent_of", true) => RelationKind::Parent,
        ("parent_of", false) => RelationKind::Subsidiary,
        ("successor_of", true) => RelationKind::SuccessorOf,
        ("successor_of", false) => RelationKind::PredecessorOf,
        ("agent_of", true) => RelationKind::AgentOf,
        ("agent_of", false) => RelationKind::PrincipalOf,
        _ => RelationKind::SameGroup,
    };
    (kind, other)
}

/// The company's relations, from either side.
pub async fn relations(conn: &mut AsyncPgConnection, company: Uuid) -> Result<Vec<Relation>> {
    type Row = (
        Uuid,
        Uuid,
        String,
        Uuid,
        Option<f64>,
        Option<NaiveDate>,
        Option<NaiveDate>,
        Option<String>,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = cr::table
        .filter(cr::company_id.eq(company).or(cr::other_id.eq(company)))
        .select((
            cr::id,
            cr::company_id,
            cr::kind,
            cr::other_id,
            cr::share_percent,
            cr::valid_from,
            cr::valid_until,
            cr::note,
            cr::created_at,
        ))
        .order(cr::created_at.asc())
        .limit(500)
        .load(conn)
        .await?;
    let others: Vec<Uuid> = rows
        .iter()
        .map(|r| if r.1 == company { r.3 } else { r.1 })
        .collect();
    let refs = refs(conn, &others).await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, from, kind, to, share_percent, f, u, note, created_at)| {
                let (kind, other) = seen(company, from, &kind, to);
                Some(Relation {
                    id,
                    kind,
                    company: refs.get(&other)?.clone(),
                    share_percent,
                    from: f,
                    until: u,
                    note,
                    created_at,
                })
            },
        )
        .collect())
}

/// Would `from → to` close a cycle of `kind` (`to` already reaches `from`)?
async fn cycle(conn: &mut AsyncPgConnection, kind: &str, from: Uuid, to: Uuid) -> Result<bool> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Bool)]
        found: bool,
    }
    let r: Found = diesel::sql_query(
        "WITH RECURSIVE down(id) AS ( \
           SELECT other_id FROM company_relations WHERE company_id = $1 AND kind = $3 \
           UNION SELECT r.other_id FROM company_relations r JOIN down ON r.company_id = down.id \
            WHERE r.kind = $3) \
         SELECT EXISTS (SELECT 1 FROM down WHERE id = $2) AS found",
    )
    .bind::<SqlUuid, _>(to)
    .bind::<SqlUuid, _>(from)
    .bind::<diesel::sql_types::Text, _>(kind)
    .get_result(conn)
    .await?;
    Ok(r.found)
}

/// Records a relation between the company and another.
pub async fn add_relation(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    company: Uuid,
    input: RelationInput,
) -> Result<Relation> {
    let mut ck = Checker::new();
    period(&mut ck, input.from, input.until);
    let owning = matches!(input.kind, RelationKind::Parent | RelationKind::Subsidiary);
    share(&mut ck, input.share_percent, owning, "parents");
    let note = ck.text("note", input.note, 1000);
    live(conn, company).await?;
    if input.company_id == company {
        ck.push(
            "company_id",
            "self",
            "a company cannot be related to itself",
        );
        return Err(ck.finish().err().unwrap_or(Error::NotFound));
    }
    match live(conn, input.company_id).await {
        Ok(()) => {}
        Err(Error::NotFound) => ck.push("company_id", "not_found", "no such company"),
        Err(_) => ck.push(
            "company_id",
            "merged",
            "the company was merged into another",
        ),
    }
    let (from, kind, to) = stored(company, input.kind, input.company_id);
    if matches!(kind, "parent_of" | "successor_of") && cycle(conn, kind, from, to).await? {
        ck.push(
            "company_id",
            "cycle",
            "the other company already stands above this one in that chain",
        );
    }
    let taken: bool = diesel::select(diesel::dsl::exists(
        cr::table.filter(
            cr::company_id
                .eq(from)
                .and(cr::kind.eq(kind))
                .and(cr::other_id.eq(to)),
        ),
    ))
    .get_result(conn)
    .await?;
    if taken {
        ck.push(
            "company_id",
            "duplicate",
            "this relation is already recorded",
        );
    }
    if let (true, Some(p)) = (kind == "parent_of", input.share_percent) {
        check_shares(conn, &mut ck, to, (p, input.from, input.until)).await?;
    }
    ck.finish()?;
    let id = Uuid::new_v4();
    diesel::insert_into(cr::table)
        .values((
            cr::id.eq(id),
            cr::company_id.eq(from),
            cr::kind.eq(kind),
            cr::other_id.eq(to),
            cr::share_percent.eq(input.share_percent),
            cr::valid_from.eq(input.from),
            cr::valid_until.eq(input.until),
            cr::note.eq(&note),
            cr::created_by.eq(who.id),
        ))
        .execute(conn)
        .await?;
    for (at, other) in [(company, input.company_id), (input.company_id, company)] {
        record(
            conn,
            actor,
            Event::new("company.relation_add")
                .object("company", at)
                .details(
                    json!({ "relation": id, "kind": kind, "from": from, "to": to, "other": other }),
                ),
        )
        .await?;
    }
    risk::changed(conn, &[company, input.company_id]).await?;
    relations(conn, company)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(Error::NotFound)
}

/// Removes a relation, from either side.
pub async fn remove_relation(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    company: Uuid,
    relation: Uuid,
) -> Result<()> {
    live(conn, company).await?;
    let gone: Option<(Uuid, String, Uuid)> = diesel::delete(
        cr::table.filter(
            cr::id
                .eq(relation)
                .and(cr::company_id.eq(company).or(cr::other_id.eq(company))),
        ),
    )
    .returning((cr::company_id, cr::kind, cr::other_id))
    .get_result(conn)
    .await
    .optional()?;
    let (from, kind, to) = gone.ok_or(Error::NotFound)?;
    for at in [from, to] {
        record(
            conn,
            actor,
            Event::new("company.relation_remove")
                .object("company", at)
                .details(json!({ "relation": relation, "kind": kind, "from": from, "to": to })),
        )
        .await?;
    }
    risk::changed(conn, &[from, to]).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_held_at_one_time() {
        let d = |y| NaiveDate::from_ymd_opt(y, 1, 1);
        // 60 % until 2020, then sold; 50 % since 2021: never more than 60 at once
        assert_eq!(
            peak(&[(60.0, d(2010), d(2020)), (50.0, d(2021), None)]),
            60.0
        );
        // overlapping: 110
        assert_eq!(peak(&[(60.0, d(2010), None), (50.0, d(2021), None)]), 110.0);
        assert_eq!(peak(&[(60.0, None, None), (40.0, None, None)]), 100.0);
    }

    #[test]
    fn relations_read_from_both_sides() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let (f, k, t) = stored(a, RelationKind::Subsidiary, b);
        assert_eq!((f, k, t), (b, "parent_of", a));
        assert_eq!(seen(a, f, k, t), (RelationKind::Subsidiary, b));
        assert_eq!(seen(b, f, k, t), (RelationKind::Parent, a));
        let (f, k, t) = stored(a, RelationKind::PredecessorOf, b);
        assert_eq!(seen(b, f, k, t), (RelationKind::SuccessorOf, a));
    }
}
