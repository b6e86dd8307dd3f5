//! Bulk writing for the demo generator: rows rendered as SQL literals and sent as
//! multi-row `INSERT`s of up to `ROWS_PER_STATEMENT` rows, on the caller's transaction.

use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::{AsyncPgConnection, SimpleAsyncConnection};
use uuid::Uuid;

const ROWS_PER_STATEMENT: usize = 1000;

/// A SQL literal (standard-conforming strings: only `'` needs doubling). NUL bytes,
/// which PostgreSQL text cannot hold, are dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("''"),
            '\0' => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

pub fn opt_text(s: Option<&str>) -> String {
    s.map_or_else(|| "NULL".into(), text)
}

pub fn uuid(id: Uuid) -> String {
    format!("'{id}'")
}

pub fn opt_uuid(id: Option<Uuid>) -> String {
    id.map_or_else(|| "NULL".into(), uuid)
}

pub fn time(t: DateTime<Utc>) -> String {
    format!("'{}'", t.to_rfc3339())
}

pub fn date(d: NaiveDate) -> String {
    format!("'{d}'")
}

pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "NULL".into(), date)
}

pub fn float(v: f64) -> String {
    format!("{v}")
}

pub fn opt_float(v: Option<f64>) -> String {
    v.map_or_else(|| "NULL".into(), float)
}

pub fn int(v: i64) -> String {
    v.to_string()
}

pub fn opt_int(v: Option<i64>) -> String {
    v.map_or_else(|| "NULL".into(), int)
}

pub fn boolean(v: bool) -> String {
    if v { "true" } else { "false" }.into()
}

pub fn texts<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return "'{}'::text[]".into();
    }
    let inner: Vec<String> = items.iter().map(|s| text(s.as_ref())).collect();
    format!("ARRAY[{}]::text[]", inner.join(","))
}

pub fn json(v: &serde_json::Value) -> String {
    format!("{}::jsonb", text(&v.to_string()))
}

pub fn bytes(b: &[u8]) -> String {
    format!("'\\x{}'::bytea", hex::encode(b))
}

/// Rows for one table, written by `flush`.
pub struct Batch {
    head: String,
    rows: Vec<String>,
    pub written: u64,
}

impl Batch {
    pub fn new(table: &str, columns: &[&str]) -> Self {
        Batch {
            head: format!("INSERT INTO {table} ({}) VALUES ", columns.join(", ")),
            rows: Vec::new(),
            written: 0,
        }
    }

    pub fn push(&mut self, values: &[String]) {
        let mut row = String::with_capacity(values.iter().map(|v| v.len() + 1).sum::<usize>() + 2);
        row.push('(');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                row.push(',');
            }
            row.push_str(v);
        }
        row.push(')');
        self.rows.push(row);
    }

    pub async fn flush(&mut self, conn: &mut AsyncPgConnection) -> diesel::QueryResult<()> {
        for chunk in self.rows.chunks(ROWS_PER_STATEMENT) {
            let mut sql = String::with_capacity(
                self.head.len() + chunk.iter().map(|r| r.len() + 1).sum::<usize>(),
            );
            sql.push_str(&self.head);
            for (i, row) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(row);
            }
            conn.batch_execute(&sql).await?;
            self.written += chunk.len() as u64;
        }
        self.rows.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_escaped() {
        assert_eq!(text("O'Brien"), "'O''Brien'");
        assert_eq!(text("a\0b"), "'ab'");
        assert_eq!(texts::<&str>(&[]), "'{}'::text[]");
        assert_eq!(texts(&["a", "b'c"]), "ARRAY['a','b''c']::text[]");
        assert_eq!(opt_text(None), "NULL");
        assert_eq!(bytes(&[0xde, 0xad]), "'\\xdead'::bytea");
    }
}
