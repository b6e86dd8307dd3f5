//! An alert as written: checked field by field (every error at once), and read back from its
//! row for a merge patch.

use super::dto::{AlertIdentifierKind, AlertInput, RequestedAction, RiskLevel, SubjectKind};
use super::model::{AlertFields, AlertRow};
use crate::common::check::Checker;
use crate::db::schema::{companies, conveyances, persons};
use crate::error::Result;
use crate::identifiers::{self, IdentifierKind};
use chrono::{Months, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// The longest an alert stays valid before it must be renewed.
pub const MAX_MONTHS: u32 = 12;

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub fn last_allowed(from: NaiveDate) -> NaiveDate {
    from.checked_add_months(Months::new(MAX_MONTHS))
        .unwrap_or(from)
}

/// A bare identifier as it compares: document numbers without spaces, hyphens, dots or
/// slashes and with O read as 0; phones as their last nine digits; e-mails in lower case;
/// conveyance identifiers validated for their kind (check digits).
pub fn identifier_norm(
    kind: AlertIdentifierKind,
    raw: &str,
) -> std::result::Result<String, (&'static str, String)> {
    match kind {
        AlertIdentifierKind::Document => {
            let n = identifiers::normalise(raw);
            if n.is_empty() || !n.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(("format", "must be letters and digits".into()));
            }
            Ok(n)
        }
        AlertIdentifierKind::Phone => {
            let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
            let allowed = raw
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'));
            if digits.len() < 6 || !allowed {
                return Err((
                    "format",
                    "must be a phone number (at least 6 digits)".into(),
                ));
            }
            Ok(phone_key(&digits))
        }
        AlertIdentifierKind::Email => {
            let e = raw.trim().to_lowercase();
            if !validator::ValidateEmail::validate_email(&e) {
                return Err(("email", "must be an e-mail address".into()));
            }
            Ok(e)
        }
        other => {
            let kind = IdentifierKind::parse(other.as_str())
                .ok_or(("unknown_code", "is not an identifier kind".to_string()))?;
            identifiers::validate(kind, raw).map_err(|e| (e.code(), e.message()))
        }
    }
}

/// A phone's comparable key: its last nine digits (the national number without the trunk
/// prefix or the country code, in most numbering plans).
pub fn phone_key(digits: &str) -> String {
    let start = digits.len().saturating_sub(9);
    digits.get(start..).unwrap_or(digits).to_string()
}

/// Checks an alert as written; returns the row's fields, or every field error at once.
pub async fn checked(
    conn: &mut AsyncPgConnection,
    input: AlertInput,
    today: NaiveDate,
) -> Result<AlertFields> {
    let mut ck = Checker::new();
    let kinds: Vec<&str> = SubjectKind::ALL.iter().map(|k| k.as_str()).collect();
    let kind = ck
        .one_of("subject_kind", input.subject_kind, &kinds)
        .and_then(|k| SubjectKind::parse(&k));
    let reason = ck.required("reason", input.reason, 4000);
    let risks: Vec<&str> = RiskLevel::ALL.iter().map(|k| k.as_str()).collect();
    let risk = ck.one_of("risk_level", input.risk_level, &risks);
    if risk.is_none() {
        ck.push("risk_level", "required", "is required");
    }
    let actions: Vec<&str> = RequestedAction::ALL.iter().map(|k| k.as_str()).collect();
    let action = ck.one_of("requested_action", input.requested_action, &actions);
    if action.is_none() {
        ck.push("requested_action", "required", "is required");
    }
    let handling = ck.text("handling_instructions", input.handling_instructions, 1000);
    let from = input.valid_from.unwrap_or(today);
    match input.valid_until {
        None => ck.push("valid_until", "required", "is required"),
        Some(until) if until < from => ck.push(
            "valid_until",
            "before_start",
            "must not be before valid_from",
        ),
        Some(until) if until > last_allowed(from) => ck.push(
            "valid_until",
            "too_long",
            format!("an alert is valid for at most {MAX_MONTHS} months, then renewed"),
        ),
        Some(until) if until < today => {
            ck.push("valid_until", "in_past", "must not be in the past")
        }
        Some(_) => {}
    }
    if from > last_allowed(today) {
        ck.push("valid_from", "too_far", "must be within the next 12 months");
    }

    let mut fields = AlertFields {
        subject_kind: kind.unwrap_or(SubjectKind::Identifier),
        person_id: None,
        company_id: None,
        conveyance_id: None,
        identifier_kind: None,
        identifier: None,
        identifier_norm: None,
        reason,
        risk_level: risk
            .as_deref()
            .and_then(RiskLevel::parse)
            .unwrap_or(RiskLevel::Low),
        requested_action: action
            .as_deref()
            .and_then(RequestedAction::parse)
            .unwrap_or(RequestedAction::InformOwner),
        handling_instructions: handling,
        valid_from: from,
        valid_until: input.valid_until.unwrap_or(from),
    };
    // exactly the subject the kind names; anything else given is an error, not ignored
    let given = [
        ("person_id", input.person_id.is_some(), SubjectKind::Person),
        (
            "company_id",
            input.company_id.is_some(),
            SubjectKind::Company,
        ),
        (
            "conveyance_id",
            input.conveyance_id.is_some(),
            SubjectKind::Conveyance,
        ),
        (
            "identifier",
            input.identifier.is_some() || input.identifier_kind.is_some(),
            SubjectKind::Identifier,
        ),
    ];
    for (field, present, for_kind) in given {
        if present && kind.is_some_and(|k| k != for_kind) {
            ck.push(
                field,
                "not_for_subject",
                format!(
                    "only for an alert on {}",
                    match for_kind {
                        SubjectKind::Identifier => "an identifier",
                        SubjectKind::Person => "a person",
                        SubjectKind::Company => "a company",
                        SubjectKind::Conveyance => "a conveyance",
                    }
                ),
            );
        }
    }
    match kind {
        None => ck.push("subject_kind", "required", "is required"),
        Some(SubjectKind::Person) => match input.person_id {
            None => ck.push(
                "person_id",
                "required_for_subject",
                "is required for an alert on a person",
            ),
            Some(id) => {
                let found: i64 = persons::table
                    .filter(persons::id.eq(id))
                    .count()
                    .get_result(conn)
                    .await?;
                if found == 0 {
                    ck.push("person_id", "not_found", "no such person");
                }
                fields.person_id = Some(id);
            }
        },
        Some(SubjectKind::Company) => match input.company_id {
            None => ck.push(
                "company_id",
                "required_for_subject",
                "is required for an alert on a company",
            ),
            Some(id) => {
                let found: i64 = companies::table
                    .filter(companies::id.eq(id))
                    .count()
                    .get_result(conn)
                    .await?;
                if found == 0 {
                    ck.push("company_id", "not_found", "no such company");
                }
                fields.company_id = Some(id);
            }
        },
        Some(SubjectKind::Conveyance) => match input.conveyance_id {
            None => ck.push(
                "conveyance_id",
                "required_for_subject",
                "is required for an alert on a conveyance",
            ),
            Some(id) => {
                let found: i64 = conveyances::table
                    .filter(conveyances::id.eq(id))
                    .count()
                    .get_result(conn)
                    .await?;
                if found == 0 {
                    ck.push("conveyance_id", "not_found", "no such conveyance");
                }
                fields.conveyance_id = Some(id);
            }
        },
        Some(SubjectKind::Identifier) => {
            let kinds: Vec<&str> = AlertIdentifierKind::ALL
                .iter()
                .map(|k| k.as_str())
                .collect();
            let ikind = ck.one_of("identifier_kind", input.identifier_kind, &kinds);
            let value = ck
                .text("identifier", input.identifier, 64)
                .unwrap_or_default();
            if value.is_empty() {
                ck.push("identifier", "required_for_subject", "is required");
            }
            match ikind.as_deref().and_then(AlertIdentifierKind::parse) {
                None if ikind.is_none() => {
                    ck.push("identifier_kind", "required_for_subject", "is required")
                }
                None => {}
                Some(k) if !value.is_empty() => match identifier_norm(k, &value) {
                    Ok(norm) => {
                        fields.identifier_kind = Some(k.as_str().to_string());
                        fields.identifier = Some(value);
                        fields.identifier_norm = Some(norm);
                    }
                    Err((code, message)) => ck.push("identifier", code, message),
                },
                Some(_) => {}
            }
        }
    }
    ck.errors.sort_by(|a, b| a.field.cmp(&b.field));
    ck.finish()?;
    Ok(fields)
}

/// The alert as written, from its row (what a PATCH merges onto).
pub fn input_of(row: &AlertRow) -> AlertInput {
    AlertInput {
        subject_kind: Some(row.subject_kind.as_str().to_string()),
        person_id: row.person_id,
        company_id: row.company_id,
        conveyance_id: row.conveyance_id,
        identifier_kind: (row.subject_kind == SubjectKind::Identifier)
            .then(|| row.identifier_kind.clone())
            .flatten(),
        identifier: (row.subject_kind == SubjectKind::Identifier)
            .then(|| row.identifier.clone())
            .flatten(),
        reason: Some(row.reason.clone()),
        risk_level: Some(row.risk_level.as_str().to_string()),
        requested_action: Some(row.requested_action.as_str().to_string()),
        handling_instructions: row.handling_instructions.clone(),
        valid_from: Some(row.valid_from),
        valid_until: Some(row.valid_until),
    }
}
