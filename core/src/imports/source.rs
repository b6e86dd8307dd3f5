//! An import file read as rows, whatever its format:
//! - **NDJSON**: one JSON object per line (`rows::parse`).
//! - **CSV** (RFC 4180, comma-separated, UTF-8): a header naming each column by its field's
//!   path in the create endpoint's body — `family_name`, `documents[0].number`,
//!   `goods[1].commodity_group`, `persons[0].person.family_name` — plus `external_id` (and
//!   optionally `source_system`); a row is read as the body those paths make, each cell
//!   typed as its field is (a number for `goods[0].quantity`, a list item for
//!   `detection_methods[0]`). An empty cell is no value. A quoted cell may span lines (the
//!   row is reported at the line it starts on); a row is read whole up to 1 MiB, so a quote
//!   left open is reported (`quote`, `too_long`) rather than swallowing the file.
//!
//! The header is checked when the file is opened: a column that is no field path, a column
//! twice, or no `external_id` column fails the import with the reason.

use super::dto::{ImportFormat, ImportProblem, RecordType};
use super::lines::{Line, Lines, MAX_LINE};
use super::rows::{self, line_problem, Row};
use super::xlsx;
use crate::error::{Error, Result};
use crate::files::storage::Storage;
use crate::registers::companies::dto::CompanyInput;
use crate::registers::conveyances::dto::ConveyanceInput;
use crate::registers::persons::dto::PersonInput;
use crate::seizures::dto::CaseInput;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use tokio::io::AsyncBufRead;

type Reader = object_store::buffered::BufReader;

/// A CSV file's header: its columns as query-string keys (`goods[0][quantity]`).
#[derive(Clone)]
struct Header {
    keys: Vec<String>,
    record_type: RecordType,
}

/// The rows of an import file.
pub struct Source<R = Reader> {
    input: Input<R>,
    parser: Parser,
}

enum Input<R> {
    Lines(Lines<R>),
    /// An XLSX worksheet, the file's size and the last row read (for the share read).
    Sheet(Box<xlsx::Sheet>, u64, i32),
}

/// How a row's text is read (for CSV, by the file's header).
#[derive(Clone)]
pub struct Parser {
    csv: Option<Header>,
}

impl Parser {
    /// A row's text read as a row (its problem otherwise).
    pub fn parse(
        &self,
        n: i32,
        text: &str,
        default_source: &str,
    ) -> std::result::Result<Row, ImportProblem> {
        match &self.csv {
            None => rows::parse(n, text, default_source),
            Some(h) => h.row(n, text, default_source),
        }
    }
}

/// Deepest path a column may name (`persons[0].person.documents[0].number` is 6).
const MAX_DEPTH: usize = 8;

/// The query-string key of a column (`persons[0].person.family_name` →
/// `persons[0][person][family_name]`), or why it is none.
fn column_key(column: &str) -> std::result::Result<String, String> {
    let column = column.trim();
    if column.is_empty() {
        return Err("a column has no name".into());
    }
    let mut key = String::new();
    for (i, part) in column.split('.').enumerate() {
        let (name, indices) = match part.find('[') {
            Some(at) => part.split_at(at),
            None => (part, ""),
        };
        let named = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        let mut rest = indices;
        let mut ok = named;
        let mut index_keys = String::new();
        while ok && !rest.is_empty() {
            match (rest.strip_prefix('['), rest.find(']')) {
                (Some(after), Some(end)) => {
                    let digits = after.get(..end - 1).unwrap_or_default();
                    ok = !digits.is_empty()
                        && digits.len() <= 3
                        && digits.chars().all(|c| c.is_ascii_digit());
                    index_keys.push_str(&format!("[{digits}]"));
                    rest = rest.get(end + 1..).unwrap_or_default();
                }
                _ => ok = false,
            }
        }
        if !ok {
            return Err(format!(
                "column `{column}` is no field path (e.g. `goods[0].commodity_group`)"
            ));
        }
        if i == 0 {
            key.push_str(name);
        } else {
            key.push_str(&format!("[{name}]"));
        }
        key.push_str(&index_keys);
    }
    if key.matches('[').count() > MAX_DEPTH {
        return Err(format!("column `{column}` is nested too deep"));
    }
    Ok(key)
}

fn header(text: &str, record_type: RecordType) -> std::result::Result<Header, String> {
    let record = one_record(text).map_err(|e| format!("the header is not CSV: {e}"))?;
    let mut keys = Vec::with_capacity(record.len());
    for column in record.iter() {
        let key = column_key(column)?;
        if keys.contains(&key) {
            return Err(format!("column `{}` appears twice", column.trim()));
        }
        keys.push(key);
    }
    if !keys.iter().any(|k| k == "external_id") {
        return Err("the header has no `external_id` column".into());
    }
    Ok(Header { keys, record_type })
}

fn one_record(text: &str) -> std::result::Result<csv::StringRecord, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => Ok(record),
        Ok(false) => Ok(csv::StringRecord::new()),
        Err(e) => Err(e.to_string()),
    }
}

/// Reads the query string of a row as `T` (cells typed as their fields), back as JSON.
fn typed<T: DeserializeOwned + Serialize>(query: &str) -> std::result::Result<Value, String> {
    let config = serde_qs::Config::new(MAX_DEPTH, true);
    let value: T = config.deserialize_str(query).map_err(|e| e.to_string())?;
    serde_json::to_value(value).map_err(|e| e.to_string())
}

impl Header {
    /// A CSV row as the JSON body its columns make (its problem otherwise).
    fn row(
        &self,
        n: i32,
        text: &str,
        default_source: &str,
    ) -> std::result::Result<Row, ImportProblem> {
        if text.matches('"').count() % 2 == 1 {
            return Err(line_problem(n, "quote", "a quoted cell is not closed"));
        }
        let record = one_record(text).map_err(|e| line_problem(n, "csv", &e))?;
        if record.len() != self.keys.len() {
            return Err(line_problem(
                n,
                "columns",
                &format!(
                    "{} cells where the header has {} columns",
                    record.len(),
                    self.keys.len()
                ),
            ));
        }
        let mut body = Map::new();
        let mut query = String::new();
        for (key, cell) in self.keys.iter().zip(record.iter()) {
            if cell.trim().is_empty() {
                continue;
            }
            if key == "external_id" || key == "source_system" {
                body.insert(key.clone(), Value::String(cell.to_string()));
                continue;
            }
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(key);
            query.push('=');
            query.extend(form_urlencoded::byte_serialize(cell.as_bytes()));
        }
        let fields = match self.record_type {
            RecordType::Persons => typed::<PersonInput>(&query),
            RecordType::Companies => typed::<CompanyInput>(&query),
            RecordType::Conveyances => typed::<ConveyanceInput>(&query),
            RecordType::Cases => typed::<CaseInput>(&query),
        };
        match fields {
            Ok(Value::Object(map)) => {
                // absent fields (null) are left out, as an NDJSON line would
                body.extend(map.into_iter().filter(|(_, v)| !v.is_null()));
            }
            Ok(_) => return Err(line_problem(n, "invalid", "not a record")),
            Err(e) => return Err(line_problem(n, "invalid", &e)),
        }
        let text = Value::Object(body).to_string();
        rows::parse(n, &text, default_source)
    }
}

impl Source<Reader> {
    /// Opens the stored file of an import (for CSV and XLSX, reads and checks its header).
    pub async fn open(
        storage: &Storage,
        key: &str,
        format: ImportFormat,
        record_type: RecordType,
        size: u64,
    ) -> Result<Self> {
        if format != ImportFormat::Xlsx {
            let reader = storage.reader(key).await.map_err(Error::internal)?;
            return Source::new(reader, format, record_type).await;
        }
        let mut sheet = xlsx::open(storage, key).await?;
        let found = match sheet.next().await {
            Some(Ok((_, t))) => header(&t, record_type),
            Some(Err(m)) => Err(format!("the worksheet cannot be read: {m}")),
            None => Err("the worksheet is empty: it has no header".into()),
        };
        Ok(Source {
            input: Input::Sheet(Box::new(sheet), size, 1),
            parser: Parser {
                csv: Some(found.map_err(|m| Error::State("header", m))?),
            },
        })
    }
}

impl<R: AsyncBufRead + Unpin> Source<R> {
    pub async fn new(reader: R, format: ImportFormat, record_type: RecordType) -> Result<Self> {
        let mut lines = Lines::new(reader);
        let mut parser = Parser { csv: None };
        if format != ImportFormat::Ndjson {
            let first = lines.next().await.map_err(Error::internal)?;
            let found = match first {
                Some((_, Line::Text(t))) => header(&t, record_type),
                Some((_, Line::TooLong(_))) => Err("the header is longer than 1 MiB".into()),
                Some((_, Line::NotUtf8(_))) => Err("the header is not UTF-8".into()),
                None => Err("the file has no header".into()),
            };
            parser.csv = Some(found.map_err(|m| Error::State("header", m))?);
        }
        Ok(Source {
            input: Input::Lines(lines),
            parser,
        })
    }

    /// The next row's text with the line it starts on (a CSV row spans the lines of a quoted
    /// cell), or `None` at the end.
    pub async fn next(&mut self) -> std::io::Result<Option<(i32, Line)>> {
        let lines = match &mut self.input {
            Input::Lines(lines) => lines,
            Input::Sheet(sheet, _, last) => {
                return match sheet.next().await {
                    None => Ok(None),
                    Some(Ok((n, text))) => {
                        *last = n;
                        if text.len() > MAX_LINE {
                            Ok(Some((n, Line::TooLong(text.len()))))
                        } else {
                            Ok(Some((n, Line::Text(text))))
                        }
                    }
                    Some(Err(m)) => Err(std::io::Error::other(format!(
                        "the worksheet cannot be read: {m}"
                    ))),
                };
            }
        };
        let Some(first) = lines.next().await? else {
            return Ok(None);
        };
        if self.parser.csv.is_none() {
            return Ok(Some(first));
        }
        let (n, Line::Text(mut text)) = first else {
            return Ok(Some(first));
        };
        while text.matches('"').count() % 2 == 1 {
            match lines.next().await? {
                None => break,
                Some((_, Line::Text(more))) => {
                    text.push('\n');
                    text.push_str(&more);
                    if text.len() > MAX_LINE {
                        return Ok(Some((n, Line::TooLong(text.len()))));
                    }
                }
                Some((_, Line::TooLong(len))) => {
                    return Ok(Some((n, Line::TooLong(text.len() + len))))
                }
                Some((_, Line::NotUtf8(at))) => {
                    return Ok(Some((n, Line::NotUtf8(text.len() + 1 + at))))
                }
            }
        }
        Ok(Some((n, Line::Text(text))))
    }

    /// How its rows are read.
    pub fn parser(&self) -> Parser {
        self.parser.clone()
    }

    /// The last physical line (or row) read, and the bytes read so far (of a workbook, its
    /// share of the file by the rows read).
    pub fn at(&self) -> (i32, u64) {
        match &self.input {
            Input::Lines(lines) => (lines.number(), lines.bytes()),
            Input::Sheet(sheet, size, last) => {
                let share = f64::from(*last) / f64::from(sheet.total.max(1));
                (*last, (share.min(1.0) * *size as f64) as u64)
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    async fn rows(file: &str, record_type: RecordType) -> Vec<std::result::Result<Row, String>> {
        let mut s = Source::new(file.as_bytes(), ImportFormat::Csv, record_type)
            .await
            .unwrap();
        let mut out = Vec::new();
        while let Some((n, line)) = s.next().await.unwrap() {
            out.push(match line {
                Line::Text(t) => s.parser().parse(n, &t, "legacy").map_err(|p| p.code),
                Line::TooLong(_) => Err("too_long".into()),
                Line::NotUtf8(_) => Err("encoding".into()),
            });
        }
        out
    }

    #[test]
    fn columns_are_field_paths() {
        assert_eq!(
            column_key("persons[0].person.documents[1].number").unwrap(),
            "persons[0][person][documents][1][number]"
        );
        assert_eq!(column_key(" family_name ").unwrap(), "family_name");
        for bad in [
            "",
            "a..b",
            "Name",
            "goods[x].unit",
            "goods[0",
            "a b",
            "goods[1000].unit",
        ] {
            assert!(column_key(bad).is_err(), "{bad}");
        }
    }

    #[tokio::test]
    async fn a_csv_row_is_the_body_its_columns_make_typed_as_its_fields() {
        let file = "external_id,kind,detected_at,goods[0].commodity_group,goods[0].quantity,goods[0].unit,detection_methods[0],narrative\n\
                    C-1,seizure,2026-01-02T03:04:05Z,drugs,2500.5,g,xray_nii,\"two\nlines, and \"\"quotes\"\"\"\n\
                    C-2,seizure,2026-01-02T03:04:05Z,drugs,lots,g,,\n\
                    C-3,seizure\n\
                    C-4,seizure,,,,,,\"open\n";
        let got = rows(file, RecordType::Cases).await;
        let first = got[0].as_ref().unwrap();
        assert_eq!((first.line, first.external_id.as_str()), (2, "C-1"));
        assert_eq!(first.source_system, "legacy");
        assert_eq!(first.body["goods"][0]["quantity"], 2500.5);
        assert_eq!(first.body["detection_methods"][0], "xray_nii");
        assert_eq!(first.body["narrative"], "two\nlines, and \"quotes\"");
        assert!(!first.body.contains_key("place"));
        assert_eq!(got[1].as_ref().unwrap_err(), "invalid");
        assert_eq!(got[2].as_ref().unwrap_err(), "columns");
        assert_eq!(got[3].as_ref().unwrap_err(), "quote");
        assert_eq!(got.len(), 4);
    }

    #[tokio::test]
    async fn a_bad_header_fails_the_file() {
        for (file, reason) in [
            ("family_name\nx\n", "external_id"),
            ("external_id,family_name,family_name\n", "twice"),
            ("external_id,Family Name\n", "no field path"),
            ("", "no header"),
        ] {
            let e = Source::new(file.as_bytes(), ImportFormat::Csv, RecordType::Persons)
                .await
                .err()
                .unwrap();
            assert!(
                matches!(&e, Error::State("header", m) if m.contains(reason)),
                "{e:?}"
            );
        }
    }
}
