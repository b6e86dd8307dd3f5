//! Importing a received package (a liaison officer's review): each of its cases becomes a
//! received case, kept apart from this node's own, with its provenance (partner, package,
//! received at, reference at the sender) on the case and on each of its persons and companies.
//! A later package with the same reference and a higher version updates it (every version is
//! kept); an older or equal version changes nothing. Each person and company is matched
//! against this node's registers (candidates to review, never merged) and checked against the
//! active alerts: the owners of the alerts it may hit are notified. Imports, dismissals and
//! reads are audited.

use super::dto::{InboxStatus, Scope};
use super::package::Package;
use super::repo;
use crate::alerts;
use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::common::names::user_names;
use crate::db::schema::{
    exchange_inbox as i, received_case_versions as v, received_cases as r, received_parties as rp,
};
use crate::error::{Error, Result};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use crate::screening::service::{screen_company, screen_person};
use crate::FieldError;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use ncen_matching::company::CompanyFacts;
use ncen_matching::person::PersonFacts;
use ncen_matching::Thresholds;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::ToSchema;
use uuid::Uuid;

/// Where a received record comes from.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Provenance {
    pub partner_id: Uuid,
    pub partner_name: String,
    pub partner_country: String,
    /// The package that brought the current version.
    pub package_id: Uuid,
    pub received_at: DateTime<Utc>,
    /// The case's reference at the sender.
    pub original_reference: String,
}

/// What an import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct PackageImport {
    pub package_id: Uuid,
    /// Cases new to this node.
    pub created: i32,
    /// Cases received before, now at a higher version.
    pub updated: i32,
    /// Cases already here at this version or a later one.
    pub unchanged: i32,
    /// The received cases the package touched, in its order.
    pub received_case_ids: Vec<Uuid>,
    /// Persons and companies that may hit an active alert (the alerts' owners are notified).
    pub alert_hits: i32,
}

/// Dismissing a received package (nothing imported), with a reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DismissRequest {
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
}

/// A person or company of a received case, with this node's register records that may be the
/// same and the active alerts it may hit (as when imported).
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedParty {
    /// `person` or `company`.
    pub kind: String,
    pub role: Option<String>,
    pub label: String,
    pub provenance: Provenance,
    /// Register records that may be the same, best first (`Candidate` of the screening):
    /// proposals for a liaison officer or analyst, never merged automatically.
    #[schema(value_type = Vec<crate::screening::dto::Candidate>)]
    pub candidates: Value,
    /// Active alerts it may hit (`ScreeningAlert`).
    #[schema(value_type = Vec<crate::alerts::dto::ScreeningAlert>)]
    pub alerts: Value,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedCaseSummary {
    pub id: Uuid,
    pub provenance: Provenance,
    pub version: i32,
    pub scope: Scope,
    pub detected_at: Option<DateTime<Utc>>,
    pub commodity_groups: Vec<String>,
    pub imported_by: Uuid,
    pub imported_by_name: Option<String>,
    pub imported_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedCaseList {
    /// Newest import first (at most 500).
    pub items: Vec<ReceivedCaseSummary>,
}

/// One version of a received case.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedVersion {
    pub version: i32,
    pub package_id: Uuid,
    pub received_at: DateTime<Utc>,
    pub imported_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReceivedCase {
    #[serde(flatten)]
    pub summary: ReceivedCaseSummary,
    /// The case document as the partner sent it (current version).
    #[schema(value_type = Object)]
    pub document: Value,
    pub parties: Vec<ReceivedParty>,
    /// Every version received, newest first.
    pub versions: Vec<ReceivedVersion>,
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// A received person as the matching engine reads one.
fn person_facts(p: &Value) -> PersonFacts {
    PersonFacts {
        family_name: text(p, "family_name"),
        given_names: text(p, "given_names"),
        aliases: texts(p, "aliases"),
        original_script_name: text(p, "original_script_name"),
        date_of_birth: text(p, "date_of_birth"),
        gender: text(p, "gender"),
        nationalities: texts(p, "nationalities"),
        documents: items(p, "documents")
            .filter_map(|d| {
                Some(ncen_matching::person::Document {
                    number: text(d, "number")?,
                    country: text(d, "issuing_country"),
                })
            })
            .collect(),
        phones: texts(p, "phones"),
        emails: texts(p, "emails"),
        addresses: texts(p, "addresses"),
        ..Default::default()
    }
}

fn company_facts(c: &Value) -> CompanyFacts {
    CompanyFacts {
        name: text(c, "name"),
        aliases: texts(c, "aliases"),
        country: text(c, "country"),
        registration_number: text(c, "registration_number"),
        tax_id: text(c, "tax_id"),
        eori: text(c, "eori"),
        ..Default::default()
    }
}

fn person_label(f: &PersonFacts) -> String {
    let mut label = format!(
        "{}{}",
        f.family_name.clone().unwrap_or_default().to_uppercase(),
        f.given_names
            .as_deref()
            .map(|g| format!(", {g}"))
            .unwrap_or_default()
    );
    if let Some(d) = &f.date_of_birth {
        label.push_str(&format!(" ({d})"));
    }
    label
}

#[derive(Insertable)]
#[diesel(table_name = received_parties)]
struct NewParty {
    received_case_id: Uuid,
    position: i32,
    kind: String,
    role: Option<String>,
    label: String,
    candidates: Value,
    alerts: Value,
}

use crate::db::schema::received_parties;

/// Matches and checks the persons and companies of `document`; replaces the parties of the
/// received case; notifies the owners of the alerts they may hit. Returns how many may hit one.
async fn parties(
    conn: &mut AsyncPgConnection,
    t: Thresholds,
    case_id: Uuid,
    document: &Value,
    title: &str,
) -> Result<i32> {
    diesel::delete(rp::table.filter(rp::received_case_id.eq(case_id)))
        .execute(conn)
        .await?;
    let mut rows = Vec::new();
    let mut hits = 0;
    let mut owners = Vec::new();
    for link in items(document, "persons") {
        let Some(person) = link.get("person") else {
            continue;
        };
        let facts = person_facts(person);
        let screened = screen_person(conn, t, &facts, 10).await?;
        let found = alerts::candidates::person_alerts(conn, t, &facts, None).await?;
        owners.extend(found.iter().map(|f| f.alert.owner_id));
        let found_alerts = alerts::hits::screening_alerts(conn, found).await?;
        hits += i32::from(!found_alerts.is_empty());
        rows.push((
            "person",
            text(link, "role"),
            person_label(&facts),
            screened.candidates,
            found_alerts,
        ));
    }
    for link in items(document, "companies") {
        let Some(company) = link.get("company") else {
            continue;
        };
        let facts = company_facts(company);
        let screened = screen_company(conn, t, &facts, 10).await?;
        let found = alerts::candidates::company_alerts(conn, t, &facts, None).await?;
        owners.extend(found.iter().map(|f| f.alert.owner_id));
        let found_alerts = alerts::hits::screening_alerts(conn, found).await?;
        hits += i32::from(!found_alerts.is_empty());
        let label = match (&facts.name, &facts.country) {
            (Some(n), Some(c)) => format!("{n} ({c})"),
            (Some(n), None) => n.clone(),
            _ => "—".into(),
        };
        rows.push((
            "company",
            text(link, "role"),
            label,
            screened.candidates,
            found_alerts,
        ));
    }
    let new: Vec<NewParty> = rows
        .into_iter()
        .enumerate()
        .map(|(n, (kind, role, label, candidates, found))| {
            Ok(NewParty {
                received_case_id: case_id,
                position: i32::try_from(n).unwrap_or(i32::MAX),
                kind: kind.into(),
                role,
                label,
                candidates: serde_json::to_value(candidates).map_err(Error::internal)?,
                alerts: serde_json::to_value(found).map_err(Error::internal)?,
            })
        })
        .collect::<Result<_>>()?;
    diesel::insert_into(rp::table)
        .values(&new)
        .execute(conn)
        .await?;
    owners.sort();
    owners.dedup();
    if !owners.is_empty() {
        let notice = Notice {
            kind: NotificationKind::AlertHit,
            title: title.to_string(),
            link: format!("/exchange/received/{case_id}"),
            thread_id: None,
        };
        notify(conn, &owners, &notice).await?;
    }
    Ok(hits)
}

fn detected_at(document: &Value) -> Option<DateTime<Utc>> {
    text(document, "detected_at")
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|t| t.with_timezone(&Utc))
}

fn groups(document: &Value) -> Vec<String> {
    let mut out: Vec<String> = items(document, "goods")
        .filter_map(|g| text(g, "commodity_group"))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The received package `id`, still waiting for review at version `expected`.
async fn waiting(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
) -> Result<(Uuid, DateTime<Utc>, Vec<u8>)> {
    let (status, version, partner, received_at, body): (
        InboxStatus,
        i32,
        Uuid,
        DateTime<Utc>,
        Vec<u8>,
    ) = i::table
        .find(id)
        .select((
            i::status,
            i::version,
            i::partner_id,
            i::received_at,
            i::body,
        ))
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or(Error::NotFound)?;
    if version != expected {
        return Err(Error::StaleVersion);
    }
    if status != InboxStatus::Received {
        return Err(Error::State(
            "not_received",
            format!("this package was {} already", status.as_str()),
        ));
    }
    Ok((partner, received_at, body))
}

/// Imports every case of a received package (see the module's comment).
pub async fn import(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    t: Thresholds,
    id: Uuid,
    expected: i32,
) -> Result<PackageImport> {
    conn.transaction(async |conn| {
        let (partner_id, received_at, body) = waiting(conn, id, expected).await?;
        let pkg: Package = serde_json::from_slice(&body).map_err(Error::internal)?;
        let partner = repo::partner(conn, partner_id)
            .await?
            .ok_or_else(|| Error::internal(anyhow::anyhow!("package without partner")))?;
        let now = Utc::now();
        let mut report = PackageImport {
            package_id: id,
            created: 0,
            updated: 0,
            unchanged: 0,
            received_case_ids: Vec::new(),
            alert_hits: 0,
        };
        for case in &pkg.cases {
            let existing: Option<(Uuid, i32)> = r::table
                .filter(r::partner_id.eq(partner_id))
                .filter(r::reference.eq(&case.reference))
                .select((r::id, r::version))
                .for_update()
                .first(conn)
                .await
                .optional()?;
            let case_id = match existing {
                Some((case_id, version)) if version >= case.version => {
                    report.unchanged += 1;
                    report.received_case_ids.push(case_id);
                    continue;
                }
                Some((case_id, _)) => {
                    diesel::update(r::table.find(case_id))
                        .set((
                            r::version.eq(case.version),
                            r::scope.eq(pkg.scope),
                            r::package_id.eq(id),
                            r::received_at.eq(received_at),
                            r::imported_by.eq(who.id),
                            r::imported_at.eq(now),
                            r::document.eq(&case.document),
                            r::detected_at.eq(detected_at(&case.document)),
                            r::commodity_groups.eq(groups(&case.document)),
                        ))
                        .execute(conn)
                        .await?;
                    report.updated += 1;
                    case_id
                }
                None => {
                    let case_id = Uuid::now_v7();
                    diesel::insert_into(r::table)
                        .values((
                            r::id.eq(case_id),
                            r::partner_id.eq(partner_id),
                            r::reference.eq(&case.reference),
                            r::version.eq(case.version),
                            r::scope.eq(pkg.scope),
                            r::package_id.eq(id),
                            r::received_at.eq(received_at),
                            r::imported_by.eq(who.id),
                            r::imported_at.eq(now),
                            r::document.eq(&case.document),
                            r::detected_at.eq(detected_at(&case.document)),
                            r::commodity_groups.eq(groups(&case.document)),
                        ))
                        .execute(conn)
                        .await?;
                    report.created += 1;
                    case_id
                }
            };
            diesel::insert_into(v::table)
                .values((
                    v::received_case_id.eq(case_id),
                    v::version.eq(case.version),
                    v::package_id.eq(id),
                    v::received_at.eq(received_at),
                    v::imported_by.eq(who.id),
                    v::imported_at.eq(now),
                    v::document.eq(&case.document),
                ))
                .on_conflict_do_nothing()
                .execute(conn)
                .await?;
            let title = format!(
                "Received from {} ({}): case {} may concern one of your alerts",
                partner.name, partner.country, case.reference
            );
            report.alert_hits += parties(conn, t, case_id, &case.document, &title).await?;
            report.received_case_ids.push(case_id);
        }
        diesel::update(i::table.find(id))
            .set((
                i::status.eq(InboxStatus::Imported),
                i::reviewed_by.eq(who.id),
                i::reviewed_at.eq(now),
                i::version.eq(i::version + 1),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("exchange.import")
            .object("package", id)
            .details(json!({
                "partner_id": partner_id, "created": report.created, "updated": report.updated,
                "unchanged": report.unchanged, "received_case_ids": report.received_case_ids,
                "alert_hits": report.alert_hits,
            }));
        record(conn, actor, event).await?;
        Ok(report)
    })
    .await
}

/// Dismisses a received package: nothing of it is imported; the reason is kept.
pub async fn dismiss(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    who: &Principal,
    id: Uuid,
    expected: i32,
    reason: &str,
) -> Result<()> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 || reason.contains('\0') {
        return Err(Error::Validation(vec![FieldError::new(
            "reason",
            "length",
            "1 to 2000 characters, no NUL",
        )]));
    }
    conn.transaction(async |conn| {
        waiting(conn, id, expected).await?;
        diesel::update(i::table.find(id))
            .set((
                i::status.eq(InboxStatus::Dismissed),
                i::reviewed_by.eq(who.id),
                i::reviewed_at.eq(Utc::now()),
                i::review_note.eq(reason),
                i::version.eq(i::version + 1),
            ))
            .execute(conn)
            .await?;
        let event = Event::new("exchange.dismiss")
            .object("package", id)
            .details(json!({ "reason": reason }));
        record(conn, actor, event).await?;
        Ok(())
    })
    .await
}

type SummaryRow = (
    Uuid,
    Uuid,
    String,
    i32,
    Scope,
    Uuid,
    DateTime<Utc>,
    Uuid,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Vec<String>,
);

async fn summaries(
    conn: &mut AsyncPgConnection,
    rows: Vec<SummaryRow>,
) -> Result<Vec<ReceivedCaseSummary>> {
    let partners = repo::partners(conn).await?;
    let users: Vec<Uuid> = rows.iter().map(|row| row.7).collect();
    let names = user_names(conn, &users).await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                partner_id,
                reference,
                version,
                scope,
                package_id,
                received_at,
                by,
                at,
                detected,
                groups,
            )| {
                let partner = partners.iter().find(|p| p.id == partner_id);
                ReceivedCaseSummary {
                    id,
                    provenance: Provenance {
                        partner_id,
                        partner_name: partner.map(|p| p.name.clone()).unwrap_or_default(),
                        partner_country: partner.map(|p| p.country.clone()).unwrap_or_default(),
                        package_id,
                        received_at,
                        original_reference: reference,
                    },
                    version,
                    scope,
                    detected_at: detected,
                    commodity_groups: groups,
                    imported_by: by,
                    imported_by_name: names.get(&by).map(|n| n.name.clone()),
                    imported_at: at,
                }
            },
        )
        .collect())
}

macro_rules! summary_columns {
    () => {
        (
            r::id,
            r::partner_id,
            r::reference,
            r::version,
            r::scope,
            r::package_id,
            r::received_at,
            r::imported_by,
            r::imported_at,
            r::detected_at,
            r::commodity_groups,
        )
    };
}

/// Received cases, newest import first (at most 500).
pub async fn list(conn: &mut AsyncPgConnection) -> Result<ReceivedCaseList> {
    let rows: Vec<SummaryRow> = r::table
        .select(summary_columns!())
        .order((r::imported_at.desc(), r::id.desc()))
        .limit(500)
        .load(conn)
        .await?;
    Ok(ReceivedCaseList {
        items: summaries(conn, rows).await?,
    })
}

/// A received case with its document, parties and versions; audited as a read of nominal
/// data (`exchange.received_read`).
pub async fn get(conn: &mut AsyncPgConnection, actor: &Actor, id: Uuid) -> Result<ReceivedCase> {
    conn.transaction(async |conn| {
        let row: SummaryRow = r::table
            .find(id)
            .select(summary_columns!())
            .first(conn)
            .await
            .optional()?
            .ok_or(Error::NotFound)?;
        let document: Value = r::table.find(id).select(r::document).first(conn).await?;
        let summary = summaries(conn, vec![row])
            .await?
            .pop()
            .ok_or_else(|| Error::internal(anyhow::anyhow!("received case vanished")))?;
        let party_rows: Vec<(String, Option<String>, String, Value, Value)> = rp::table
            .filter(rp::received_case_id.eq(id))
            .order(rp::position.asc())
            .select((rp::kind, rp::role, rp::label, rp::candidates, rp::alerts))
            .load(conn)
            .await?;
        let versions: Vec<(i32, Uuid, DateTime<Utc>, DateTime<Utc>)> = v::table
            .filter(v::received_case_id.eq(id))
            .order(v::version.desc())
            .select((v::version, v::package_id, v::received_at, v::imported_at))
            .load(conn)
            .await?;
        let event = Event::new("exchange.received_read")
            .object("received_case", id)
            .details(json!({
                "partner_id": summary.provenance.partner_id,
                "original_reference": summary.provenance.original_reference,
            }));
        record(conn, actor, event).await?;
        Ok(ReceivedCase {
            parties: party_rows
                .into_iter()
                .map(|(kind, role, label, candidates, alerts)| ReceivedParty {
                    kind,
                    role,
                    label,
                    provenance: summary.provenance.clone(),
                    candidates,
                    alerts,
                })
                .collect(),
            versions: versions
                .into_iter()
                .map(
                    |(version, package_id, received_at, imported_at)| ReceivedVersion {
                        version,
                        package_id,
                        received_at,
                        imported_at,
                    },
                )
                .collect(),
            document,
            summary,
        })
    })
    .await
}
