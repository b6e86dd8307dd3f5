//! Fraud typologies and analysts' flags on a company, the links computed from what it shares
//! with others, and the profile that gathers everything around the company in one read.

use super::dto::{
    CompanyFlag, CompanyFlagInput, CompanyProfile, ComputedLink, SharedHub, SharedKind, Typology,
    TypologyInput,
};
use super::links::{live, people, refs, relations};
use super::risk::{self, HUB_LIMIT};
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::common::names::{self, Named};
use crate::db::schema::{
    company_flags as f, company_keys as k, company_people as cp, company_typologies as ct,
    investigation_links as il, investigations, seizure_case_companies as scc, seizure_cases,
};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

/// Records a typology against the company's part in a case or an investigation (the
/// company must be named there; an investigation must be visible to `who`).
pub async fn add_typology(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    company: Uuid,
    input: TypologyInput,
) -> Result<Typology> {
    live(conn, company).await?;
    let mut ck = Checker::new();
    let book = CodeBook::load(conn, &["fraud_typologies"]).await?;
    let typology = ck
        .code(&book, "fraud_typologies", "typology", Some(input.typology))
        .unwrap_or_default();
    let note = ck.text("note", input.note, 1000);
    match (input.case_id, input.investigation_id) {
        (Some(case), None) => {
            let named: bool = diesel::select(diesel::dsl::exists(
                scc::table.filter(scc::case_id.eq(case).and(scc::company_id.eq(company))),
            ))
            .get_result(conn)
            .await?;
            if !named {
                ck.push(
                    "case_id",
                    "not_linked",
                    "the case does not name this company",
                );
            }
        }
        (None, Some(inv)) => {
            let visible = crate::investigations::visible_among(conn, who, &[inv]).await?;
            let named: bool = diesel::select(diesel::dsl::exists(
                il::table.filter(il::investigation_id.eq(inv).and(il::company_id.eq(company))),
            ))
            .get_result(conn)
            .await?;
            if !visible.contains(&inv) || !named {
                ck.push(
                    "investigation_id",
                    "not_linked",
                    "no investigation of yours links this company",
                );
            }
        }
        _ => ck.push(
            "case_id",
            "one_of",
            "name exactly one of case_id and investigation_id",
        ),
    }
    ck.finish()?;
    let id = Uuid::new_v4();
    let n = diesel::insert_into(ct::table)
        .values((
            ct::id.eq(id),
            ct::company_id.eq(company),
            ct::typology.eq(&typology),
            ct::case_id.eq(input.case_id),
            ct::investigation_id.eq(input.investigation_id),
            ct::note.eq(&note),
            ct::recorded_by.eq(who.id),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if n == 0 {
        return Err(Error::State(
            "already_recorded",
            "this typology is already recorded against that case or investigation".into(),
        ));
    }
    record(
        conn,
        actor,
        Event::new("company.typology_add")
            .object("company", company)
            .details(json!({ "typology_id": id, "typology": typology,
                             "case_id": input.case_id, "investigation_id": input.investigation_id })),
    )
    .await?;
    risk::changed(conn, &[company]).await?;
    typologies(conn, who, company)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(Error::NotFound)
}

/// Withdraws a typology (the audit trail keeps it).
pub async fn remove_typology(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    company: Uuid,
    id: Uuid,
) -> Result<()> {
    live(conn, company).await?;
    let gone: Option<String> =
        diesel::delete(ct::table.filter(ct::id.eq(id).and(ct::company_id.eq(company))))
            .returning(ct::typology)
            .get_result(conn)
            .await
            .optional()?;
    let typology = gone.ok_or(Error::NotFound)?;
    record(
        conn,
        actor,
        Event::new("company.typology_remove")
            .object("company", company)
            .details(json!({ "typology_id": id, "typology": typology })),
    )
    .await?;
    risk::changed(conn, &[company]).await
}

/// The company's typologies; investigations `who` is not on are not named.
pub async fn typologies(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    company: Uuid,
) -> Result<Vec<Typology>> {
    type Row = (
        Uuid,
        String,
        Option<Uuid>,
        Option<Uuid>,
        Option<String>,
        Uuid,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = ct::table
        .filter(ct::company_id.eq(company))
        .order(ct::recorded_at.asc())
        .select((
            ct::id,
            ct::typology,
            ct::case_id,
            ct::investigation_id,
            ct::note,
            ct::recorded_by,
            ct::recorded_at,
        ))
        .load(conn)
        .await?;
    let case_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.2).collect();
    let inv_ids: Vec<Uuid> = rows.iter().filter_map(|r| r.3).collect();
    let cases: HashMap<Uuid, String> = seizure_cases::table
        .filter(seizure_cases::id.eq_any(&case_ids))
        .select((seizure_cases::id, seizure_cases::reference))
        .load::<(Uuid, String)>(conn)
        .await?
        .into_iter()
        .collect();
    let seen = crate::investigations::visible_among(conn, who, &inv_ids).await?;
    let invs: HashMap<Uuid, String> = investigations::table
        .filter(investigations::id.eq_any(seen.iter().copied().collect::<Vec<_>>()))
        .select((investigations::id, investigations::reference))
        .load::<(Uuid, String)>(conn)
        .await?
        .into_iter()
        .collect();
    let users = names::user_names(conn, &rows.iter().map(|r| r.5).collect::<Vec<_>>()).await?;
    Ok(rows
        .into_iter()
        .map(|(id, typology, case, inv, note, by, at)| Typology {
            id,
            typology,
            case: case.and_then(|c| {
                Some(Named {
                    id: c,
                    name: cases.get(&c)?.clone(),
                })
            }),
            investigation: inv.and_then(|i| {
                Some(Named {
                    id: i,
                    name: invs.get(&i)?.clone(),
                })
            }),
            note,
            recorded_by: names::named(&users, by),
            recorded_at: at,
        })
        .collect())
}

/// Sets an analyst's flag on the company.
pub async fn add_flag(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    company: Uuid,
    input: CompanyFlagInput,
) -> Result<CompanyFlag> {
    live(conn, company).await?;
    let mut ck = Checker::new();
    if input.points == 0 || !(-50..=50).contains(&input.points) {
        ck.push("points", "range", "from -50 to 50, not 0");
    }
    let reason = ck.name("reason", Some(input.reason), 1000);
    ck.finish()?;
    let id = Uuid::new_v4();
    diesel::insert_into(f::table)
        .values((
            f::id.eq(id),
            f::company_id.eq(company),
            f::points.eq(input.points),
            f::reason.eq(&reason),
            f::set_by.eq(who.id),
        ))
        .execute(conn)
        .await?;
    record(
        conn,
        actor,
        Event::new("company.flag_add")
            .object("company", company)
            .details(json!({ "flag_id": id, "points": input.points, "reason": reason })),
    )
    .await?;
    risk::changed(conn, &[company]).await?;
    flags(conn, company)
        .await?
        .into_iter()
        .find(|x| x.id == id)
        .ok_or(Error::NotFound)
}

pub async fn remove_flag(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    company: Uuid,
    id: Uuid,
) -> Result<()> {
    live(conn, company).await?;
    let gone: Option<i32> =
        diesel::delete(f::table.filter(f::id.eq(id).and(f::company_id.eq(company))))
            .returning(f::points)
            .get_result(conn)
            .await
            .optional()?;
    let points = gone.ok_or(Error::NotFound)?;
    record(
        conn,
        actor,
        Event::new("company.flag_remove")
            .object("company", company)
            .details(json!({ "flag_id": id, "points": points })),
    )
    .await?;
    risk::changed(conn, &[company]).await
}

pub async fn flags(conn: &mut AsyncPgConnection, company: Uuid) -> Result<Vec<CompanyFlag>> {
    let rows: Vec<(Uuid, i32, String, Uuid, DateTime<Utc>)> = f::table
        .filter(f::company_id.eq(company))
        .order(f::set_at.asc())
        .select((f::id, f::points, f::reason, f::set_by, f::set_at))
        .load(conn)
        .await?;
    let users = names::user_names(conn, &rows.iter().map(|r| r.3).collect::<Vec<_>>()).await?;
    Ok(rows
        .into_iter()
        .map(|(id, points, reason, by, at)| CompanyFlag {
            id,
            points,
            reason,
            set_by: names::named(&users, by),
            set_at: at,
        })
        .collect())
}

fn shared_kind(kind: &str) -> SharedKind {
    match kind {
        "address" => SharedKind::Address,
        "phone" => SharedKind::Phone,
        "email" => SharedKind::Email,
        "website" => SharedKind::Website,
        _ => SharedKind::BankAccount,
    }
}

/// Companies sharing a contact point or bank account (hubs of more than `HUB_LIMIT`
/// companies as counts), or a director or owner, with this one.
pub async fn computed(
    conn: &mut AsyncPgConnection,
    company: Uuid,
) -> Result<(Vec<ComputedLink>, Vec<SharedHub>)> {
    let mine: Vec<(String, String)> = k::table
        .filter(k::company_id.eq(company))
        .filter(k::kind.eq_any(["address", "phone", "email", "website", "iban"]))
        .select((k::kind, k::key))
        .load(conn)
        .await?;
    let mut found: Vec<(Uuid, SharedKind, String, Option<Uuid>)> = Vec::new();
    let mut hubs = Vec::new();
    for (kind, key) in mine {
        let others: Vec<Uuid> = k::table
            .filter(
                k::kind
                    .eq(&kind)
                    .and(k::key.eq(&key))
                    .and(k::company_id.ne(company)),
            )
            .select(k::company_id)
            .limit(HUB_LIMIT + 1)
            .load(conn)
            .await?;
        if others.len() as i64 > HUB_LIMIT {
            let n: i64 = k::table
                .filter(k::kind.eq(&kind).and(k::key.eq(&key)))
                .count()
                .get_result(conn)
                .await?;
            hubs.push(SharedHub {
                shared: shared_kind(&kind),
                value: key,
                companies: n,
            });
            continue;
        }
        found.extend(
            others
                .into_iter()
                .map(|o| (o, shared_kind(&kind), key.clone(), None)),
        );
    }
    let roles = ["director", "shareholder", "beneficial_owner"];
    let (mine_p, theirs) = diesel::alias!(
        crate::db::schema::company_people as mine_p,
        crate::db::schema::company_people as theirs
    );
    let shared_people: Vec<(Uuid, Uuid, String)> = mine_p
        .inner_join(theirs.on(theirs.field(cp::person_id).eq(mine_p.field(cp::person_id))))
        .filter(mine_p.field(cp::company_id).eq(company))
        .filter(mine_p.field(cp::role).eq_any(roles))
        .filter(theirs.field(cp::role).eq_any(roles))
        .filter(theirs.field(cp::company_id).ne(company))
        .select((
            theirs.field(cp::company_id),
            theirs.field(cp::person_id),
            theirs.field(cp::role),
        ))
        .limit(500)
        .load(conn)
        .await?;
    let person_ids: Vec<Uuid> = shared_people.iter().map(|r| r.1).collect();
    let labels = crate::registers::labels::labels(conn, &person_ids, &[], &[]).await?;
    for (other, person, role) in shared_people {
        let kind = if role == "director" {
            SharedKind::Director
        } else {
            SharedKind::Owner
        };
        let name = labels.get(&person).cloned().unwrap_or_default();
        found.push((other, kind, name, Some(person)));
    }
    found.sort_by(|a, b| (a.0, a.2.as_str()).cmp(&(b.0, b.2.as_str())));
    found.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && a.2 == b.2);
    let ids: Vec<Uuid> = found.iter().map(|f| f.0).collect();
    let refs = refs(conn, &ids).await?;
    let mut links: Vec<ComputedLink> = found
        .into_iter()
        .filter_map(|(id, shared, value, person_id)| {
            Some(ComputedLink {
                company: refs.get(&id)?.clone(),
                shared,
                value,
                person_id,
            })
        })
        .collect();
    links.sort_by(|a, b| {
        b.company
            .risk_score
            .cmp(&a.company.risk_score)
            .then(a.company.name.cmp(&b.company.name))
    });
    Ok((links, hubs))
}

/// Everything around the company, in one read (audited by the caller as a read of the
/// company).
pub async fn profile(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    company: Uuid,
) -> Result<CompanyProfile> {
    let (computed_links, hubs) = computed(conn, company).await?;
    Ok(CompanyProfile {
        people: people(conn, company).await?,
        relations: relations(conn, company).await?,
        computed_links,
        hubs,
        shared_identifiers: crate::registers::companies::keys::duplicates(conn, company).await?,
        typologies: typologies(conn, who, company).await?,
        flags: flags(conn, company).await?,
        risk: risk::read(conn, who, company).await?,
    })
}
