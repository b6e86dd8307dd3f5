//! XLSX import files: the first worksheet read as CSV is — its first row the header of field
//! paths, each row after it a record — with `calamine`, a row at a time.
//!
//! An XLSX file is a ZIP: before anything of it is parsed, its directory is checked so that a
//! zip bomb is refused rather than unpacked — at most `MAX_UNPACKED` bytes in all, and no
//! member larger than 1 MiB packed more than `MAX_RATIO` to 1 (worksheets pack 5 to 30 to 1),
//! and shared strings (held in memory while the sheet is read) of at most `MAX_STRINGS`.
//! The stored file is copied to a private temporary file (calamine seeks in it), removed
//! once read. The worksheet is read on a blocking thread that hands each row, written as a
//! CSV line, through a bounded channel: a sheet of any length holds a few rows in memory.

use crate::error::{Error, Result};
use crate::files::storage::Storage;
use calamine::{DataRef, Reader, Xlsx};
use std::io::{Read, Seek};
use std::path::PathBuf;
use tokio::sync::mpsc;

/// The most an XLSX file may unpack to, all members together.
pub const MAX_UNPACKED: u64 = 2 << 30;
/// The highest ratio of unpacked to packed size of a member over 1 MiB.
pub const MAX_RATIO: u64 = 200;
/// The most the shared strings (every text cell's text, which calamine holds in memory while
/// it reads) may unpack to.
pub const MAX_STRINGS: u64 = 96 << 20;
/// Rows read ahead of the import.
const AHEAD: usize = 64;

/// Removes the temporary copy when the sheet is done with.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Why a file is no XLSX to read, or a zip bomb.
fn refused(message: impl Into<String>) -> Error {
    Error::State("xlsx", message.into())
}

/// Checks the ZIP directory of `file` (see the module's comment).
pub fn check_zip<R: Read + Seek>(file: R) -> Result<()> {
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| refused(format!("the file is not an XLSX workbook (a ZIP): {e}")))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let member = zip
            .by_index_raw(i)
            .map_err(|e| refused(format!("the workbook cannot be read: {e}")))?;
        let (packed, size) = (member.compressed_size(), member.size());
        total = total.saturating_add(size);
        if member.name().is_ok_and(|n| n == "xl/sharedStrings.xml") && size > MAX_STRINGS {
            return Err(refused(format!(
                "the workbook's texts unpack to {size} bytes, more than {MAX_STRINGS}: \
                 split it, or send it as CSV"
            )));
        }
        if size > 1 << 20 && size / packed.max(1) > MAX_RATIO {
            return Err(refused(format!(
                "`{}` unpacks {} times its size: refused as a zip bomb",
                member.name().unwrap_or_default(),
                size / packed.max(1)
            )));
        }
    }
    if total > MAX_UNPACKED {
        return Err(refused(format!(
            "the workbook unpacks to {total} bytes, more than {MAX_UNPACKED}: refused"
        )));
    }
    Ok(())
}

/// A cell as the text a CSV cell would hold: numbers without a useless `.0`, dates and times
/// in ISO 8601 (`2026-03-01T09:00:00Z`, a date alone `2026-03-01`).
fn text(cell: &DataRef<'_>) -> String {
    match cell {
        DataRef::Empty | DataRef::Error(_) => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        DataRef::Float(f) => f.to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t
                .and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            None => d.as_f64().to_string(),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
    }
}

/// One row as a CSV line.
fn csv_line(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let _ = w.write_record(cells);
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(bytes.strip_suffix(b"\n").unwrap_or(&bytes)).into_owned()
}

/// A row read from the sheet: its 1-based number, and its cells as a CSV line.
pub type SheetRow = std::result::Result<(i32, String), String>;

/// The rows of the first worksheet, read on a blocking thread.
pub struct Sheet {
    rows: mpsc::Receiver<SheetRow>,
    /// Rows the sheet spans (its dimensions), for the share read.
    pub total: u32,
}

impl Sheet {
    /// The next row, `None` at the end (an unreadable sheet: `Err` with the reason).
    pub async fn next(&mut self) -> Option<SheetRow> {
        self.rows.recv().await
    }
}

/// Reads the sheet of the workbook at `path` into `tx`, a row at a time.
fn read_rows(
    path: &std::path::Path,
    tx: &mpsc::Sender<SheetRow>,
    total: &std::sync::mpsc::Sender<u32>,
) -> std::result::Result<(), String> {
    let mut book: Xlsx<std::io::BufReader<std::fs::File>> =
        calamine::open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err("the workbook has no worksheet".into());
    };
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|e| e.to_string())?;
    let _ = total.send(cells.dimensions().end.0 + 1);
    let mut row: Option<u32> = None;
    let mut values: Vec<String> = Vec::new();
    // the header's width: a row's empty cells at its end (absent from the sheet) are cells
    let mut width: Option<usize> = None;
    let mut flush = |row: u32, values: &mut Vec<String>| -> bool {
        while values.last().is_some_and(String::is_empty) {
            values.pop();
        }
        let wide = *width.get_or_insert(values.len());
        if values.len() < wide {
            values.resize(wide, String::new());
        }
        let line = csv_line(values);
        values.clear();
        let n = i32::try_from(row + 1).unwrap_or(i32::MAX);
        tx.blocking_send(Ok((n, line))).is_ok()
    };
    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
        let (r, c) = cell.get_position();
        if row.is_some_and(|current| current != r) {
            if let Some(current) = row {
                if !flush(current, &mut values) {
                    return Ok(()); // the import stopped reading
                }
            }
        }
        row = Some(r);
        let c = c as usize;
        if c > 16_384 {
            return Err(format!("row {} has a cell past the last column", r + 1));
        }
        if values.len() <= c {
            values.resize(c + 1, String::new());
        }
        if let Some(slot) = values.get_mut(c) {
            *slot = text(cell.get_value());
        }
    }
    if let Some(current) = row {
        flush(current, &mut values);
    }
    Ok(())
}

/// Opens the stored XLSX file `key`: copied to a temporary file, its ZIP directory checked,
/// then its first worksheet read a row at a time.
pub async fn open(storage: &Storage, key: &str) -> Result<Sheet> {
    let path = std::env::temp_dir().join(format!("ncen-import-{}.xlsx", uuid::Uuid::now_v7()));
    let scratch = Scratch(path.clone());
    {
        let mut reader = storage.reader(key).await.map_err(Error::internal)?;
        let mut file = tokio::fs::File::create(&path)
            .await
            .map_err(Error::internal)?;
        tokio::io::copy(&mut reader, &mut file)
            .await
            .map_err(Error::internal)?;
    }
    let checked = path.clone();
    tokio::task::spawn_blocking(move || {
        check_zip(std::fs::File::open(&checked).map_err(Error::internal)?)
    })
    .await
    .map_err(Error::internal)?
    .map_err(|e| match e {
        Error::State(..) => e,
        other => refused(other.to_string()),
    })?;
    let (tx, rows) = mpsc::channel(AHEAD);
    let (total_tx, total_rx) = std::sync::mpsc::channel();
    tokio::task::spawn_blocking(move || {
        let _scratch = scratch;
        if let Err(message) = read_rows(&path, &tx, &total_tx) {
            let _ = tx.blocking_send(Err(message));
        }
    });
    let total = tokio::task::spawn_blocking(move || total_rx.recv().unwrap_or(0))
        .await
        .unwrap_or(0);
    Ok(Sheet { rows, total })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_csv_text() {
        assert_eq!(text(&DataRef::Float(2500.0)), "2500");
        assert_eq!(text(&DataRef::Float(12.5)), "12.5");
        assert_eq!(text(&DataRef::SharedString("Le Havre")), "Le Havre");
        assert_eq!(
            csv_line(&["a,b".into(), String::new(), "say \"hi\"".into()]),
            "\"a,b\",,\"say \"\"hi\"\"\""
        );
    }
}
