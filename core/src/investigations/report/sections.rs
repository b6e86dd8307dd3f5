//! The report's sections as document blocks: a person's and a company's fields, a seizure
//! with its goods and route, a line of the chronology — and the formats they share.

use super::words::Words;
use crate::registers::persons;
use crate::seizures::dto::CaseDto;
use chrono::{DateTime, Utc};
use ncen_report::Block;
use serde::Serialize;
use serde_json::Value;

/// A code as its wire form (`"in_progress"`).
pub(super) fn code(v: &impl Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(super) fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

pub(super) fn join(values: &[String]) -> String {
    values.join(", ")
}

pub(super) fn person_name(p: &persons::dto::PersonInput) -> String {
    let family = p.family_name.clone().unwrap_or_default().to_uppercase();
    match p.given_names.as_deref() {
        Some(given) if !given.is_empty() => format!("{family}, {given}"),
        _ => family,
    }
}

pub(super) fn person_fields(w: &Words, p: &persons::dto::PersonInput) -> Vec<(String, String)> {
    let documents: Vec<String> = p
        .documents
        .iter()
        .map(|d| {
            let mut s = d.number.clone().unwrap_or_default();
            if let Some(t) = &d.document_type {
                s = format!("{t} {s}");
            }
            if let Some(c) = &d.issuing_country {
                s.push_str(&format!(" ({c})"));
            }
            s
        })
        .collect();
    vec![
        (
            w.original_script.into(),
            p.original_script_name.clone().unwrap_or_default(),
        ),
        (w.aliases.into(), join(&p.aliases)),
        (
            w.date_of_birth.into(),
            p.date_of_birth.clone().unwrap_or_default(),
        ),
        (
            w.place_of_birth.into(),
            p.place_of_birth.clone().unwrap_or_default(),
        ),
        (w.gender.into(), p.gender.clone().unwrap_or_default()),
        (w.nationalities.into(), join(&p.nationalities)),
        (w.documents.into(), documents.join("\n")),
        (w.addresses.into(), p.addresses.join("\n")),
        (w.phones.into(), join(&p.phones)),
    ]
}

pub(super) fn case_blocks(w: &Words, c: &CaseDto) -> Vec<Block> {
    let route: Vec<String> = c
        .route
        .iter()
        .map(|l| {
            let place = [l.place.clone(), l.unlocode.clone(), l.country.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            match &l.role {
                Some(role) => format!("{role}: {place}"),
                None => place,
            }
        })
        .collect();
    let mut blocks = vec![
        Block::Subheading(format!("{} · {}", c.reference, code(&c.kind))),
        Block::Fields(vec![
            (w.status.into(), code(&c.status)),
            (w.detected_at.into(), when(c.detected_at)),
            (
                w.place.into(),
                [c.place.clone(), c.country.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (
                w.unit.into(),
                c.reporting_unit_name.clone().unwrap_or_default(),
            ),
            (w.detection.into(), join(&c.detection_methods)),
            (
                w.concealment.into(),
                [
                    c.concealment_method.clone(),
                    c.concealment_description.clone(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" — "),
            ),
            (w.route.into(), route.join(" → ")),
            (
                w.persons.into(),
                c.persons
                    .iter()
                    .map(|p| format!("{}: {}", p.role, person_name(&p.person.fields)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            (
                w.companies.into(),
                c.companies
                    .iter()
                    .map(|p| {
                        format!(
                            "{}: {}",
                            p.role,
                            p.company.fields.name.clone().unwrap_or_default()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ]),
    ];
    if let Some(narrative) = c.narrative.as_ref().filter(|n| !n.is_empty()) {
        blocks.push(Block::Paragraph(narrative.clone()));
    }
    if !c.goods.is_empty() {
        blocks.push(Block::Table {
            columns: vec![
                w.goods.into(),
                w.quantity.into(),
                w.value.into(),
                w.description.into(),
            ],
            widths: vec![2.0, 1.3, 1.3, 3.0],
            rows: c
                .goods
                .iter()
                .map(|g| {
                    let f = &g.fields;
                    let what = [
                        f.commodity_group.clone(),
                        f.commodity_type.clone(),
                        f.hs_code.clone(),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" / ");
                    let quantity = f
                        .quantity
                        .map(|q| format!("{q} {}", f.unit.clone().unwrap_or_default()))
                        .unwrap_or_default();
                    let value = f
                        .value
                        .map(|v| format!("{v} {}", f.currency.clone().unwrap_or_default()))
                        .unwrap_or_default();
                    vec![
                        what,
                        quantity,
                        value,
                        f.description.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }
    blocks
}

/// One line of the chronology: what happened, from the event's details.
pub(super) fn event_text(w: &Words, kind: &str, d: &Value) -> String {
    let s = |k: &str| {
        d.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let label = w.event(kind);
    let detail = match kind {
        "transition" => {
            let mut t = format!("{} → {}", s("from"), s("to"));
            if !s("outcome").is_empty() {
                t.push_str(&format!(" ({})", s("outcome")));
            }
            if !s("reason").is_empty() {
                t.push_str(&format!(": {}", s("reason")));
            }
            t
        }
        "link_added" | "link_removed" => format!("{} {}", s("target_kind"), s("label")),
        "task_added" | "task_updated" => [s("title"), s("status")]
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        "opened" => s("title"),
        "journal" => format!(
            "#{}",
            d.get("seq").and_then(Value::as_i64).unwrap_or_default()
        ),
        _ => ["name", "subject", "title", "label"]
            .iter()
            .map(|k| s(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default(),
    };
    if detail.is_empty() {
        label.to_string()
    } else {
        format!("{label}: {detail}")
    }
}
