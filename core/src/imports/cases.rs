//! Seizure cases as import rows: each line is the body of `POST /seizures` (goods, route and
//! parties nested) plus `external_id`, checked as that endpoint checks it.
//!
//! Written as a typed case is (a draft of the importer's unit, its history, its audit row —
//! naming the import), with one difference: a party given as a record (`person`, `company`,
//! `conveyance`) goes through the matching engine first.
//! - A conveyance carrying the identifier of a register conveyance of the same kind is it.
//! - A person or company the engine scores as a hit (an exact identifier, or a name above the
//!   threshold) is linked to that record; nothing of the imported one is written over it.
//! - Otherwise a new record is created, and the existing ones scoring between the review and
//!   hit thresholds are listed as proposals (`import_proposals`): someone compares them and
//!   merges through the registers if they are one — never merged silently.
//!
//! The same line again changes nothing; an edited one updates its case, if still a draft (a
//! case submitted or validated since is `locked`: reopen it to let the import change it).
//!
//! New cases are written a batch at a time (`Pending`, `Kind::finish`): the cases, with
//! their children, history, audit rows, import keys and proposals, and the persons and
//! conveyances they create, at the batch's end with one statement per table. Before a
//! batch's lines are applied, `Kind::prepare` reads its import keys and probes for all its
//! new persons with one statement each (`parties`); a line's new persons are also compared
//! with those the lines before it created, and its conveyances looked up among theirs
//! (`seizures::repo::Batch`). A lookup only the database answers first writes what is
//! staged, so that it finds everything the batch created.

use super::dto::ImportProblem;
use super::kinds::{Ctx, Kind, Settled, Tally};
use super::parties::BatchPersons;
use super::rows::{self, Outcome, Row};
use crate::codelists::book::CodeBook;
use crate::db::schema::{import_keys as k, import_proposals as q, seizure_cases};
use crate::error::{Error, Result};
use crate::registers::candidates::conveyances_by_identifier;
use crate::registers::companies::Companies;
use crate::registers::match_keys::{company_facts, person_facts};
use crate::registers::persons::dto::PersonInput;
use crate::registers::persons::Persons;
use crate::registers::Register;
use crate::screening::dto::{Band, Candidate};
use crate::screening::service::{screen_company, screen_person};
use crate::screening::Thresholds;
use crate::seizures::check::{self, Plan, Target, CODE_LISTS};
use crate::seizures::dto::{CaseInput, CaseStatus};
use crate::seizures::read;
use crate::seizures::repo::Batch;
use crate::seizures::service::{stage_planned, update_planned, Owner};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The kind import keys and audit rows name.
const KIND: &str = "seizure";
/// Candidates the engine is asked for, per party.
const CANDIDATES: i64 = 4;

pub struct Cases {
    book: CodeBook,
}

impl Cases {
    pub async fn new(conn: &mut AsyncPgConnection) -> Result<Self> {
        Ok(Cases {
            book: CodeBook::load(conn, CODE_LISTS).await?,
        })
    }
}

/// A case line checked: what to write, and the hash of the line's case as read.
pub struct Ready {
    plan: Plan,
    sha256: String,
}

fn problem(row: &Row, field: &str, code: &str, message: &str) -> ImportProblem {
    ImportProblem {
        line: row.line,
        external_id: Some(row.external_id.clone()),
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Refuses the row when its case is no longer a draft (an import changes drafts only).
async fn editable(
    conn: &mut AsyncPgConnection,
    row: &Row,
    id: Uuid,
) -> Result<std::result::Result<(), ImportProblem>> {
    let status: CaseStatus = seizure_cases::table
        .find(id)
        .select(seizure_cases::status)
        .first(conn)
        .await?;
    Ok(if status == CaseStatus::Draft {
        Ok(())
    } else {
        Err(problem(
            row,
            "external_id",
            "locked",
            &format!(
                "its case is {}: reopen it to let an import change it",
                status.as_str()
            ),
        ))
    })
}

/// A party created beside existing records it may be.
struct Proposal {
    field: String,
    kind: &'static str,
    position: usize,
    candidates: Vec<Candidate>,
}

/// The best hit among `found` not already linked with `role`, and the review-band others.
fn decide(
    found: Vec<Candidate>,
    role: &str,
    used: &HashSet<(Uuid, String)>,
) -> (Option<Uuid>, Vec<Candidate>) {
    let mut hit = None;
    let mut review = Vec::new();
    for c in found {
        if hit.is_none() && c.band == Band::Hit && !used.contains(&(c.id, role.to_string())) {
            hit = Some(c.id);
        } else if c.band == Band::Review {
            review.push(c);
        }
    }
    if hit.is_some() {
        review.clear();
    }
    (hit, review)
}

/// Settles the links of one register given what the engine found for each new record
/// (`found[i]`, for the i-th link): a hit not already linked with the same role replaces the
/// new record; otherwise the review-band candidates become a proposal. How many it linked,
/// and the proposals.
fn settle<T>(
    links: &mut [(Target<T>, String)],
    found: Vec<Option<Vec<Candidate>>>,
    kind: &'static str,
    list: &str,
) -> (i32, Vec<Proposal>) {
    let mut used: HashSet<(Uuid, String)> = links
        .iter()
        .filter_map(|(t, role)| match t {
            Target::Existing(id) => Some((*id, role.clone())),
            Target::New(_) => None,
        })
        .collect();
    let mut matched = 0;
    let mut proposals = Vec::new();
    for (i, ((target, role), found)) in links.iter_mut().zip(found).enumerate() {
        let Some(found) = found else {
            continue;
        };
        match decide(found, role, &used) {
            (Some(id), _) => {
                used.insert((id, role.clone()));
                *target = Target::Existing(id);
                matched += 1;
            }
            (None, review) if !review.is_empty() => proposals.push(Proposal {
                field: format!("{list}[{i}]"),
                kind,
                position: i,
                candidates: review,
            }),
            _ => {}
        }
    }
    (matched, proposals)
}

/// Links the plan's new parties to the register records they are (see the module's comment);
/// how many it linked, and the proposals for those it leaves new. The batch's new persons and
/// conveyances are compared in memory; a lookup only the database answers (a one-token
/// name's spelling, a company) first writes what the batch staged (`Batch::flush`).
async fn match_parties(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    plan: &mut Plan,
    line: i32,
    pending: &mut Pending,
) -> Result<(i32, Vec<Proposal>)> {
    let mut found = Vec::with_capacity(plan.persons.len());
    for (i, (target, _)) in plan.persons.iter().enumerate() {
        let Target::New(p) = target else {
            found.push(None);
            continue;
        };
        let slot = (line, i);
        found.push(Some(
            match pending
                .persons
                .candidates(conn, t, slot, CANDIDATES)
                .await?
            {
                Some(found) => found,
                None => {
                    pending.cases.flush(conn).await?;
                    let facts = person_facts(Persons::input(p));
                    screen_person(conn, t, &facts, CANDIDATES).await?.candidates
                }
            },
        ));
    }
    let (mut matched, mut proposals) = settle(&mut plan.persons, found, "person", "persons");
    let mut found = Vec::with_capacity(plan.companies.len());
    for (target, _) in &plan.companies {
        found.push(match target {
            Target::New(c) => {
                pending.cases.flush(conn).await?;
                let facts = company_facts(Companies::input(c));
                Some(
                    screen_company(conn, t, &facts, CANDIDATES)
                        .await?
                        .candidates,
                )
            }
            Target::Existing(_) => None,
        });
    }
    let (n, more) = settle(&mut plan.companies, found, "company", "companies");
    matched += n;
    proposals.extend(more);
    // a conveyance is the register's (or the batch's) when it carries the same identifier of
    // the same kind
    let mut found = Vec::with_capacity(plan.conveyances.len());
    for (target, _) in &plan.conveyances {
        let Target::New((input, norm)) = target else {
            found.push(None);
            continue;
        };
        let kind = input.identifier_kind.as_deref();
        let hit = |id, label| Candidate {
            kind: "conveyance".into(),
            id,
            label,
            band: Band::Hit,
            score: 1.0,
            features: Vec::new(),
        };
        if let Some(id) = pending.cases.conveyance(kind, norm) {
            found.push(Some(vec![hit(
                id,
                input.identifier.clone().unwrap_or_default(),
            )]));
            continue;
        }
        let registered = conveyances_by_identifier(conn, std::slice::from_ref(norm)).await?;
        found.push(Some(
            registered
                .into_iter()
                .filter(|c| Some(c.identifier_kind.as_str()) == kind)
                .map(|c| hit(c.id, c.identifier))
                .collect(),
        ));
    }
    let (n, _) = settle(&mut plan.conveyances, found, "conveyance", "conveyances");
    Ok((matched + n, proposals))
}

/// A case's links (position, record) in the order of its parties.
fn by_position(links: impl Iterator<Item = (i32, Uuid)>) -> Vec<(i32, Uuid)> {
    let mut links: Vec<(i32, Uuid)> = links.collect();
    links.sort();
    links
}

/// A proposal's row (`import_proposals`), kept until its case is written.
type ProposalRow = (i32, String, &'static str, Uuid, Uuid, Uuid, f64);

/// The proposals of a case staged (the created records read from its links), into `out`;
/// how many of its parties are proposed.
fn propose(
    row: &Row,
    loaded: &read::Loaded,
    proposals: Vec<Proposal>,
    out: &mut Vec<ProposalRow>,
) -> i32 {
    let persons = by_position(loaded.persons.iter().map(|l| (l.position, l.person_id)));
    let companies = by_position(loaded.companies.iter().map(|l| (l.position, l.company_id)));
    let mut listed = 0;
    for p in proposals {
        let created = match p.kind {
            "person" => persons.get(p.position),
            _ => companies.get(p.position),
        };
        let Some((_, record_id)) = created else {
            continue;
        };
        listed += 1;
        for c in p.candidates {
            out.push((
                row.line,
                p.field.clone(),
                p.kind,
                loaded.case.id,
                *record_id,
                c.id,
                c.score,
            ));
        }
    }
    listed
}

/// What a batch of case lines leaves to write at its end: the new cases (`seizures::repo::
/// Batch`), their import keys and proposals — and the proposals of cases updated; and what
/// `prepare` read ahead for its lines: their import keys and the persons they may name.
#[derive(Default)]
pub struct Pending {
    known: Option<HashMap<(String, String), (Uuid, String)>>,
    persons: BatchPersons,
    cases: Batch,
    /// (source system, external id, case id, content hash) of each new case.
    keys: Vec<(String, String, Uuid, String)>,
    proposals: Vec<ProposalRow>,
}

impl Kind for Cases {
    type Ready = Ready;
    type Batch = Pending;

    fn kind(&self) -> &'static str {
        KIND
    }

    async fn check(
        &self,
        conn: &mut AsyncPgConnection,
        row: &Row,
    ) -> Result<std::result::Result<Ready, Vec<ImportProblem>>> {
        let input: CaseInput =
            match serde_path_to_error::deserialize(Value::Object(row.body.clone())) {
                Ok(i) => i,
                Err(e) => {
                    let path = e.path().to_string();
                    let field = if path == "." { "line".into() } else { path };
                    return Ok(Err(vec![problem(
                        row,
                        &field,
                        "invalid",
                        &e.inner().to_string(),
                    )]));
                }
            };
        let bytes = serde_json::to_vec(&input).map_err(Error::internal)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        match check::check_with(conn, &self.book, input).await {
            Ok(plan) => Ok(Ok(Ready { plan, sha256 })),
            Err(Error::Validation(errors)) => Ok(Err(errors
                .into_iter()
                .map(|e| problem(row, &e.field, &e.code, &e.message))
                .collect())),
            Err(e) => Err(e),
        }
    }

    async fn foresee(
        &self,
        conn: &mut AsyncPgConnection,
        row: &Row,
        ready: &Ready,
    ) -> Result<Settled> {
        Ok(match rows::known(conn, KIND, row).await? {
            None => Ok(Tally::of(Outcome::Created)),
            Some((_, h)) if h == ready.sha256 => Ok(Tally::of(Outcome::Unchanged)),
            Some((id, _)) => match editable(conn, row, id).await? {
                Ok(()) => Ok(Tally::of(Outcome::Updated)),
                Err(p) => Err(vec![p]),
            },
        })
    }

    async fn prepare(
        &self,
        conn: &mut AsyncPgConnection,
        rows: &[(&Row, &Ready)],
        pending: &mut Pending,
    ) -> Result<()> {
        let lines: Vec<&Row> = rows.iter().map(|(row, _)| *row).collect();
        let known = rows::known_many(conn, KIND, &lines).await?;
        let mut wanted = Vec::new();
        for (row, ready) in rows {
            let key = (row.source_system.clone(), row.external_id.clone());
            if known.get(&key).is_some_and(|(_, h)| *h == ready.sha256) {
                continue;
            }
            for (i, (target, _)) in ready.plan.persons.iter().enumerate() {
                if let Target::New(p) = target {
                    wanted.push(((row.line, i), p.clone()));
                }
            }
        }
        pending.persons = BatchPersons::new(wanted);
        pending.known = Some(known);
        Ok(())
    }

    async fn apply(
        &self,
        conn: &mut AsyncPgConnection,
        ctx: &Ctx<'_>,
        row: &Row,
        ready: Ready,
        pending: &mut Pending,
    ) -> Result<Settled> {
        let Ready { mut plan, sha256 } = ready;
        let known = match pending.known.as_mut() {
            Some(known) => known.remove(&(row.source_system.clone(), row.external_id.clone())),
            None => rows::known(conn, KIND, row).await?,
        };
        if let Some((id, h)) = &known {
            if *h == sha256 {
                return Ok(Ok(Tally::of(Outcome::Unchanged)));
            }
            if let Err(p) = editable(conn, row, *id).await? {
                return Ok(Err(vec![p]));
            }
        }
        let (matched, proposals) =
            match_parties(conn, ctx.thresholds, &mut plan, row.line, pending).await?;
        // the persons it creates, for the batch's next lines
        let created: Vec<(usize, PersonInput)> = plan
            .persons
            .iter()
            .enumerate()
            .filter_map(|(i, (target, _))| match target {
                Target::New(p) => Some((i, p.clone())),
                Target::Existing(_) => None,
            })
            .collect();
        let origin = json!({
            "import": ctx.job, "source_system": row.source_system,
            "external_id": row.external_id,
        });
        let (loaded, outcome) = match known {
            None => {
                let owner = Owner {
                    country: ctx.country,
                    unit_id: ctx.unit_id,
                    user_id: ctx.who,
                };
                let loaded = stage_planned(conn, &mut pending.cases, owner, plan, origin).await?;
                pending.keys.push((
                    row.source_system.clone(),
                    row.external_id.clone(),
                    loaded.case.id,
                    sha256,
                ));
                (loaded, Outcome::Created)
            }
            Some((id, _)) => {
                // its links may name records the batch staged
                pending.cases.flush(conn).await?;
                let current = read::load(conn, id).await?;
                let loaded =
                    update_planned(conn, ctx.actor, &current, plan, ctx.who, origin).await?;
                diesel::update(k::table.find((KIND, &row.source_system, &row.external_id)))
                    .set((
                        k::content_sha256.eq(&sha256),
                        k::job_id.eq(ctx.job),
                        k::imported_at.eq(diesel::dsl::now),
                    ))
                    .execute(conn)
                    .await?;
                (loaded, Outcome::Updated)
            }
        };
        let links = by_position(loaded.persons.iter().map(|l| (l.position, l.person_id)));
        for (i, input) in created {
            if let Some((_, id)) = links.get(i) {
                pending.persons.created((row.line, i), *id, input);
            }
        }
        let mut tally = Tally::of(outcome);
        tally.matched = matched;
        tally.proposals = propose(row, &loaded, proposals, &mut pending.proposals);
        Ok(Ok(tally))
    }

    async fn finish(
        &self,
        conn: &mut AsyncPgConnection,
        ctx: &Ctx<'_>,
        pending: Pending,
    ) -> Result<()> {
        pending.cases.write(conn, ctx.actor, ctx.country).await?;
        for chunk in pending.keys.chunks(1000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|(source, external, id, sha)| {
                    (
                        k::record_type.eq(KIND),
                        k::source_system.eq(source),
                        k::external_id.eq(external),
                        k::record_id.eq(*id),
                        k::content_sha256.eq(sha),
                        k::job_id.eq(ctx.job),
                    )
                })
                .collect();
            diesel::insert_into(k::table)
                .values(rows)
                .execute(conn)
                .await?;
        }
        for chunk in pending.proposals.chunks(1000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|(line, field, kind, case, record, candidate, score)| {
                    (
                        q::job_id.eq(ctx.job),
                        q::line.eq(*line),
                        q::field.eq(field),
                        q::record_kind.eq(*kind),
                        q::case_id.eq(*case),
                        q::record_id.eq(*record),
                        q::candidate_id.eq(*candidate),
                        q::score.eq(*score),
                    )
                })
                .collect();
            diesel::insert_into(q::table)
                .values(rows)
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
        }
        Ok(())
    }
}
