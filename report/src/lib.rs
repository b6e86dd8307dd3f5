//! Printable reports: a [`Document`] of headings, fields, tables, text and photos, laid out
//! on A4 pages ([`layout`]) and written as PDF ([`pdf`], DejaVu Sans embedded and subset, so
//! the file reads the same on any machine and nothing is fetched) or as a print-friendly HTML
//! page ([`html`], photos inline). Every page carries the document's header (its
//! classification) and footer (who printed it, when) and its number.
//!
//! The crate knows nothing of investigations or databases: the domain builds the document
//! (`ncen_core::investigations::report`), this crate only draws it. Pure functions, no I/O.

pub mod html;
pub mod layout;
pub mod pdf;

/// A document to print.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The title (first page, PDF metadata, HTML `<title>`).
    pub title: String,
    /// The language of the text (BCP 47: `en`, `fr`, `ar`).
    pub language: String,
    /// Printed at the top of every page: the classification and the reference.
    pub header: String,
    /// Printed at the bottom of every page: who printed it, when.
    pub footer: String,
    /// "Page {n} of {m}" in the document's language.
    pub page_label: String,
    pub blocks: Vec<Block>,
}

/// One piece of the document, laid out top to bottom.
#[derive(Debug, Clone)]
pub enum Block {
    /// A section heading; starts a new page when `new_page`.
    Heading { text: String, new_page: bool },
    /// A smaller heading inside a section.
    Subheading(String),
    /// Running text (line breaks kept).
    Paragraph(String),
    /// Label/value pairs (empty values are left out).
    Fields(Vec<(String, String)>),
    /// A table: column titles, relative widths, rows (a row may break over lines, never over
    /// pages; the titles repeat on each page).
    Table {
        columns: Vec<String>,
        widths: Vec<f32>,
        rows: Vec<Vec<String>>,
    },
    /// A photo (JPEG or PNG bytes) with its caption, scaled to the page.
    Image { data: Vec<u8>, caption: String },
}

/// What a report could not be made of.
#[derive(Debug)]
pub struct ReportError(pub String);

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the report could not be written: {}", self.0)
    }
}

impl std::error::Error for ReportError {}

/// The page label with its numbers (`{n}`, `{m}`).
pub(crate) fn page_label(template: &str, n: usize, m: usize) -> String {
    template
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}
