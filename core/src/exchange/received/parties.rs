//! What an import reads in a received case's document: its persons and companies (read as
//! the matching engine reads them, matched against this node's registers and checked against
//! the active alerts), when it was detected and its commodity groups.

use crate::alerts;
use crate::db::schema::received_parties as rp;
use crate::error::{Error, Result};
use crate::notifications::dto::NotificationKind;
use crate::notifications::service::{notify, Notice};
use crate::screening::service::{screen_company, screen_person};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_matching::company::CompanyFacts;
use ncen_matching::person::PersonFacts;
use ncen_matching::Thresholds;
use serde_json::Value;
use uuid::Uuid;

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
pub(super) async fn parties(
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

pub(super) fn detected_at(document: &Value) -> Option<DateTime<Utc>> {
    text(document, "detected_at")
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|t| t.with_timezone(&Utc))
}

pub(super) fn groups(document: &Value) -> Vec<String> {
    let mut out: Vec<String> = items(document, "goods")
        .filter_map(|g| text(g, "commodity_group"))
        .collect();
    out.sort();
    out.dedup();
    out
}
