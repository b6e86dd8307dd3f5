//! Records an officer may be about to register a second time, found by the matching engine as
//! a screening would find them (another script, order or spelling; a document number written
//! differently; a registration number with or without its prefix). A warning, never a
//! refusal: two people may share a name and a birthday. Reading the matches is a read of
//! nominal data, audited with the ids shown.

use super::service::{screen_company, screen_person};
use crate::audit::{record, Actor, Event};
use crate::error::Result;
use crate::registers::companies::dto::CompanyInput;
use crate::registers::match_keys::{company_facts, person_facts};
use crate::registers::persons::dto::PersonInput;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ncen_matching::{Feature, Thresholds};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// At most this many matches are listed.
const LIMIT: i64 = 20;

/// An existing record that looks like the one being registered.
#[derive(Debug, Serialize, ToSchema)]
pub struct Duplicate {
    pub id: Uuid,
    /// The record's name as a list shows it (with the date of birth for a person, the
    /// country for a company).
    pub label: String,
    /// What it shares, strongest first: `document`, `name_and_birth_date`, `same_name`,
    /// `similar_name` (persons); `registration_number`, `tax_id`, `eori`, `name`, `similar_name` (companies).
    pub reasons: Vec<String>,
    /// The matching engine's score, 0–1.
    pub score: f64,
    /// Why: each piece of evidence and its part of the score.
    pub features: Vec<Feature>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DuplicateList {
    pub items: Vec<Duplicate>,
}

fn has(features: &[Feature], name: &str) -> bool {
    features
        .iter()
        .any(|f| f.feature == name && f.contribution > 0.0)
}

fn name_score(features: &[Feature]) -> f64 {
    features
        .iter()
        .filter(|f| f.feature.starts_with("name_") && f.feature != "name_absent")
        .map(|f| f.contribution)
        .fold(0.0, f64::max)
}

fn person_reasons(features: &[Feature]) -> Vec<String> {
    let mut reasons = Vec::new();
    if has(features, "document") {
        reasons.push("document".to_string());
    }
    let same_birth = features
        .iter()
        .any(|f| f.feature == "date_of_birth" && f.contribution >= 0.1);
    let name = name_score(features);
    if name >= 0.95 && same_birth {
        reasons.push("name_and_birth_date".to_string());
    } else if name >= 0.95 {
        reasons.push("same_name".to_string());
    } else if name >= 0.7 {
        reasons.push("similar_name".to_string());
    }
    reasons
}

fn company_reasons(features: &[Feature]) -> Vec<String> {
    let mut reasons: Vec<String> = ["registration_number", "tax_id", "eori"]
        .into_iter()
        .filter(|k| has(features, k))
        .map(str::to_string)
        .collect();
    match name_score(features) {
        s if s >= 0.99 => reasons.push("name".to_string()),
        s if s >= 0.7 => reasons.push("similar_name".to_string()),
        _ => {}
    }
    reasons
}

/// Persons that may be `input` (from the review threshold up), best first.
/// A record being typed is checked as it will be saved, but for what it may still lack (a
/// blank required field, a document type not yet chosen): the check runs while the officer
/// types.
async fn shape_checked<R: crate::registers::Register>(
    conn: &mut AsyncPgConnection,
    input: R::Input,
) -> Result<()> {
    let book = crate::codelists::book::CodeBook::load(conn, R::CODE_LISTS).await?;
    let mut ck = crate::common::check::Checker::new();
    let sent = serde_json::to_value(&input)?;
    let _ = R::clean(input, &book, "", &mut ck);
    let errors: Vec<_> = ck
        .errors
        .into_iter()
        // the record as it is being typed (`PersonInputProbe`): a text sent blank is not
        // refused as missing; one missing or null still is
        .filter(|e| !(e.code == "required" && sent_text(&sent, &e.field)))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(crate::error::Error::Validation(errors))
    }
}

/// Whether `field` (`documents[0].number`) holds a text in the body as sent.
fn sent_text(sent: &serde_json::Value, field: &str) -> bool {
    let pointer: String = field
        .split('.')
        .flat_map(|part| part.split('['))
        .map(|part| format!("/{}", part.trim_end_matches(']')))
        .collect();
    sent.pointer(&pointer)
        .is_some_and(serde_json::Value::is_string)
}

pub async fn persons(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    t: Thresholds,
    input: &PersonInput,
) -> Result<DuplicateList> {
    // the record as it will be sent: its (required) family name is there, even if still blank
    if input.family_name.is_none() {
        return Err(crate::error::Error::validation(
            "family_name",
            "required",
            "is required",
        ));
    }
    shape_checked::<crate::registers::persons::Persons>(conn, input.clone()).await?;
    let facts = person_facts(input);
    conn.transaction(async |conn| {
        let found = screen_person(conn, t, &facts, LIMIT).await?;
        let items: Vec<Duplicate> = found
            .candidates
            .into_iter()
            .map(|c| Duplicate {
                reasons: person_reasons(&c.features),
                id: c.id,
                label: c.label,
                score: c.score,
                features: c.features,
            })
            .collect();
        audit(conn, actor, "person.check_duplicates", &items).await?;
        Ok(DuplicateList { items })
    })
    .await
}

/// Companies that may be `input` (from the review threshold up), best first.
pub async fn companies(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    t: Thresholds,
    input: &CompanyInput,
) -> Result<DuplicateList> {
    if input.name.is_none() {
        return Err(crate::error::Error::validation(
            "name",
            "required",
            "is required",
        ));
    }
    shape_checked::<crate::registers::companies::Companies>(conn, input.clone()).await?;
    let facts = company_facts(input);
    conn.transaction(async |conn| {
        let found = screen_company(conn, t, &facts, LIMIT).await?;
        let items: Vec<Duplicate> = found
            .candidates
            .into_iter()
            .map(|c| Duplicate {
                reasons: company_reasons(&c.features),
                id: c.id,
                label: c.label,
                score: c.score,
                features: c.features,
            })
            .collect();
        audit(conn, actor, "company.check_duplicates", &items).await?;
        Ok(DuplicateList { items })
    })
    .await
}

async fn audit(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    action: &str,
    items: &[Duplicate],
) -> Result<()> {
    let ids: Vec<Uuid> = items.iter().map(|d| d.id).collect();
    record(
        conn,
        actor,
        Event::new(action).details(serde_json::json!({ "matches": ids })),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::sent_text;
    use serde_json::json;

    #[test]
    fn a_blank_text_as_sent_is_told_from_a_missing_one() {
        let sent = json!({
            "family_name": "",
            "documents": [{ "document_type": "", "number": null }],
        });
        assert!(sent_text(&sent, "family_name"));
        assert!(sent_text(&sent, "documents[0].document_type"));
        assert!(!sent_text(&sent, "documents[0].number"));
        assert!(!sent_text(&sent, "documents[1].number"));
        assert!(!sent_text(&sent, "given_names"));
    }
}
