//! The case report: an investigation for a prosecutor or a partner — summary, persons and
//! companies with their identifiers, linked seizures with goods and photos, chronology,
//! journal — as an [`ncen_report::Document`], which the caller writes as PDF or HTML. Every
//! page names the classification and who printed it when; the printing is audited (one
//! `investigation.report` row naming what the report holds), in the transaction that read it.
//!
//! Need-to-know as on screen: whoever reads the investigation may print it (404 for anyone
//! else); a linked case the printer may not read appears by its label only.

use crate::investigations::journal::{self, JournalQuery};
use crate::investigations::links::{self, TargetKind};
use crate::investigations::service::to_dto;
use crate::investigations::timeline::{self, TimelineQuery};
use crate::investigations::visible;
mod sections;
pub mod words;

use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::error::{Error, Result};
use crate::files::storage::Storage;
use crate::registers::{companies, persons};
use crate::seizures::{self, dto::CaseDto};
use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ncen_report::{Block, Document};
use sections::{case_blocks, code, event_text, join, person_fields, person_name, when};
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;
use uuid::Uuid;
use words::{Words, EN, FR};

/// The photos a report takes at most (the rest are listed by name).
pub const MAX_PHOTOS: usize = 60;

/// How a report is asked for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// `pdf` (default) or `html` (a print-friendly page).
    #[param(value_type = Option<String>, pattern = "^(pdf|html)$")]
    pub format: Option<String>,
    /// The report's language: `en` (default) or `fr`.
    #[param(value_type = Option<String>, pattern = "^(en|fr)$")]
    pub lang: Option<String>,
}

/// What a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Html,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

impl ReportQuery {
    /// The format and the language asked for (422 at `format` or `lang` otherwise).
    pub fn read(&self) -> Result<(Format, Language)> {
        let format = match self.format.as_deref() {
            None | Some("pdf") => Format::Pdf,
            Some("html") => Format::Html,
            Some(_) => {
                return Err(Error::validation(
                    "format",
                    "unknown_code",
                    "must be one of: pdf, html",
                ))
            }
        };
        let language = match self.lang.as_deref() {
            None => Language::En,
            Some(code) => Language::parse(code).ok_or_else(|| {
                Error::validation("lang", "unknown_code", "must be one of: en, fr")
            })?,
        };
        Ok((format, language))
    }
}

/// The languages a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    En,
    Fr,
}

impl Language {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Language::En),
            "fr" => Some(Language::Fr),
            _ => None,
        }
    }

    fn words(self) -> &'static Words {
        match self {
            Language::En => &EN,
            Language::Fr => &FR,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }
}

/// The report of investigation `id` as `who` may read it; `format` is recorded in the audit
/// row.
#[allow(clippy::too_many_arguments)]
pub async fn build(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    language: Language,
    classification: &str,
    format: Format,
) -> Result<Document> {
    let w = language.words();
    conn.transaction(async |conn| {
        let (inv, standing) = visible(conn, who, id).await?;
        let inv = to_dto(conn, who, inv, standing).await?;
        let links = links::list(conn, who, actor, id).await?.items;
        let of = |kind: TargetKind| -> Vec<Uuid> {
            links
                .iter()
                .filter(|l| l.target_kind == kind)
                .map(|l| l.target_id)
                .collect()
        };
        let person_records = persons::repo::load_many(conn, &of(TargetKind::Person)).await?;
        let company_records = companies::repo::load_many(conn, &of(TargetKind::Company)).await?;
        let mut cases: Vec<CaseDto> = Vec::new();
        let mut hidden: Vec<String> = Vec::new();
        for (case_id, label) in links
            .iter()
            .filter(|l| l.target_kind == TargetKind::Case)
            .map(|l| (l.target_id, l.label.clone()))
        {
            let row = seizures::read::find_row(conn, case_id).await?;
            if who.can(Permission::SeizuresRead) && seizures::require_visible(who, &row).is_ok() {
                let loaded = seizures::read::load(conn, case_id).await?;
                cases.push(seizures::read::to_dto(conn, loaded).await?);
            } else {
                hidden.push(label);
            }
        }
        let events = all_events(conn, who, actor, id).await?;
        let entries = all_entries(conn, who, actor, id).await?;
        let printer = format!("{} ({})", who.display_name, who.username);

        let mut blocks = vec![
            Block::Heading {
                text: w.summary.into(),
                new_page: false,
            },
            Block::Fields(vec![
                (w.reference.into(), inv.reference.clone()),
                (w.status.into(), code(&inv.status)),
                (w.priority.into(), code(&inv.priority)),
                (w.legal_basis.into(), inv.legal_basis.clone()),
                (w.offence_types.into(), join(&inv.offence_types)),
                (w.unit.into(), inv.unit.name.clone()),
                (
                    w.lead.into(),
                    inv.lead
                        .as_ref()
                        .map(|l| l.name.clone())
                        .unwrap_or_default(),
                ),
                (
                    w.team.into(),
                    inv.members
                        .iter()
                        .filter_map(|m| m.user.as_ref().or(m.unit.as_ref()).map(|n| n.name.clone()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                (w.opened_on.into(), inv.opened_on.to_string()),
                (
                    w.due_date.into(),
                    inv.due_date.map(|d| d.to_string()).unwrap_or_default(),
                ),
                (
                    w.outcome.into(),
                    inv.outcome.as_ref().map(code).unwrap_or_default(),
                ),
            ]),
            Block::Paragraph(inv.summary.clone()),
        ];

        blocks.push(Block::Heading {
            text: w.persons.into(),
            new_page: false,
        });
        if person_records.is_empty() {
            blocks.push(Block::Paragraph(w.none.into()));
        }
        for p in &person_records {
            blocks.push(Block::Subheading(person_name(&p.fields)));
            blocks.push(Block::Fields(person_fields(w, &p.fields)));
        }
        blocks.push(Block::Heading {
            text: w.companies.into(),
            new_page: false,
        });
        if company_records.is_empty() {
            blocks.push(Block::Paragraph(w.none.into()));
        }
        for c in &company_records {
            let f = &c.fields;
            blocks.push(Block::Subheading(f.name.clone().unwrap_or_default()));
            blocks.push(Block::Fields(vec![
                (w.aliases.into(), join(&f.aliases)),
                (
                    w.registration_number.into(),
                    f.registration_number.clone().unwrap_or_default(),
                ),
                (w.tax_id.into(), f.tax_id.clone().unwrap_or_default()),
                (w.eori.into(), f.eori.clone().unwrap_or_default()),
                (w.country.into(), f.country.clone().unwrap_or_default()),
                (
                    w.identifiers.into(),
                    f.identifiers
                        .iter()
                        .map(|i| format!("{} {}", i.kind.as_str().to_uppercase(), i.value))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
                (
                    w.addresses.into(),
                    f.addresses
                        .iter()
                        .map(|a| a.line())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            ]));
        }

        let mut photos = 0usize;
        blocks.push(Block::Heading {
            text: w.seizures.into(),
            new_page: true,
        });
        if cases.is_empty() && hidden.is_empty() {
            blocks.push(Block::Paragraph(w.none.into()));
        }
        for case in &cases {
            blocks.extend(case_blocks(w, case));
            // the case's files with their storage keys: one query a case, oldest first
            for row in seizures::attachments::repo::of_case(conn, case.id).await? {
                let name = [row.caption.clone(), row.original_filename.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" — ");
                let caption = format!("{} — {name}", case.reference);
                if photos < MAX_PHOTOS
                    && matches!(row.media_type.as_str(), "image/jpeg" | "image/png")
                {
                    let data = storage
                        .get(&row.storage_key)
                        .await
                        .map_err(Error::internal)?;
                    photos += 1;
                    blocks.push(Block::Image { data, caption });
                } else {
                    blocks.push(Block::Paragraph(format!("{}: {caption}", w.file)));
                }
            }
        }
        for label in &hidden {
            blocks.push(Block::Paragraph(format!("{label} — {}", w.not_shown)));
        }

        blocks.push(Block::Heading {
            text: w.chronology.into(),
            new_page: true,
        });
        blocks.push(Block::Table {
            columns: vec![w.when.into(), w.who.into(), w.what.into()],
            widths: vec![1.3, 1.5, 4.0],
            rows: events
                .iter()
                .map(|e| {
                    vec![
                        when(e.at),
                        e.actor.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
                        event_text(w, &code(&e.kind), &e.details),
                    ]
                })
                .collect(),
        });
        blocks.push(Block::Heading {
            text: w.journal.into(),
            new_page: true,
        });
        if entries.is_empty() {
            blocks.push(Block::Paragraph(w.none.into()));
        }
        for e in &entries {
            blocks.push(Block::Subheading(format!(
                "#{} · {} · {} · {}",
                e.seq,
                when(e.occurred_at),
                code(&e.kind),
                e.author.name
            )));
            let mut body = e.body.clone();
            for a in &e.attachments {
                body.push_str(&format!(
                    "\n{}: {}",
                    w.file,
                    a.original_filename.as_deref().unwrap_or("")
                ));
            }
            blocks.push(Block::Paragraph(body));
        }

        record(
            conn,
            actor,
            Event::new("investigation.report")
                .object("investigation", id)
                .details(json!({
                    "format": format.code(),
                    "language": language.code(),
                    "cases": cases.iter().map(|c| c.id).collect::<Vec<_>>(),
                    "persons": person_records.iter().map(|p| p.id).collect::<Vec<_>>(),
                    "companies": company_records.iter().map(|c| c.id).collect::<Vec<_>>(),
                    "photos": photos,
                    "events": events.len(),
                    "journal_entries": entries.len(),
                })),
        )
        .await?;
        Ok(Document {
            title: format!("{} — {}", inv.reference, inv.title),
            language: language.code().into(),
            header: format!("{classification} · {} · {}", inv.reference, w.report),
            footer: w
                .printed
                .replace("{who}", &printer)
                .replace("{when}", &when(Utc::now())),
            page_label: w.page.into(),
            blocks,
        })
    })
    .await
}

async fn all_events(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<Vec<timeline::TimelineEvent>> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let q = TimelineQuery {
            kinds: None,
            order: Some("asc".into()),
            limit: Some(crate::common::page::MAX_LIMIT),
            cursor,
        };
        let page = timeline::list(conn, who, actor, id, q).await?;
        out.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(out),
        }
    }
}

async fn all_entries(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<Vec<journal::JournalEntry>> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let q = JournalQuery {
            limit: Some(crate::common::page::MAX_LIMIT),
            cursor,
        };
        let page = journal::list(conn, who, actor, id, q).await?;
        out.extend(page.items);
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return Ok(out),
        }
    }
}
