//! Lists as files an analyst opens in a spreadsheet: CSV (RFC 4180, UTF-8 with a byte-order
//! mark so spreadsheet programs read accents and Arabic) and XLSX (`rust_xlsxwriter`). Cells
//! that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) are written as text.

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rust_xlsxwriter::{Format, Workbook};

crate::text_enum! {
    /// The file an export is written as.
    pub enum FileFormat {
        Csv = "csv",
        Xlsx = "xlsx",
    }
}

impl FileFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Csv => "text/csv; charset=utf-8",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }
}

pub enum Cell {
    Text(String),
    Number(f64),
    Time(DateTime<Utc>),
    Empty,
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Self {
        v.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Self {
        Cell::Text(v)
    }
}

impl Cell {
    /// Several values in one cell, separated by `; `.
    pub fn list(values: &[String]) -> Cell {
        Cell::Text(values.join("; "))
    }
}

/// A table: its column names and rows (each as long as `columns`).
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

/// A text a spreadsheet would run as a formula gets a leading apostrophe.
fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::Internal(anyhow::anyhow!("export: {e}"))
}

pub fn write(table: &Table, format: FileFormat) -> Result<Vec<u8>> {
    match format {
        FileFormat::Csv => csv(table),
        FileFormat::Xlsx => xlsx(table),
    }
}

fn csv(table: &Table) -> Result<Vec<u8>> {
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        w.write_record(&table.columns).map_err(failed)?;
        for row in &table.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(t) => inert(t).into_owned(),
                    Cell::Number(n) => n.to_string(),
                    Cell::Time(t) => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    Cell::Empty => String::new(),
                })
                .collect();
            w.write_record(&fields).map_err(failed)?;
        }
        w.flush().map_err(failed)?;
    }
    Ok(out)
}

fn xlsx(table: &Table) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(table.name).map_err(failed)?;
    let bold = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for (col, name) in table.columns.iter().enumerate() {
        let col = u16::try_from(col).map_err(failed)?;
        sheet
            .write_string_with_format(0, col, *name, &bold)
            .map_err(failed)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(failed)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(failed)?;
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, t.as_str()).map_err(failed)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n).map_err(failed)?;
                }
                Cell::Time(t) => {
                    let naive = t.naive_utc();
                    sheet
                        .write_datetime_with_format(r, c, naive, &when)
                        .map_err(failed)?;
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}
