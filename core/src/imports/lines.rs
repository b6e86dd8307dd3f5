//! The lines of an import file, read from a stream with a bound on each line's length (a
//! 10 MB line is reported, never held), their encoding checked (UTF-8; a byte-order mark at
//! the start is dropped) and `\r\n` endings accepted.

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// The longest line an import reads (1 MiB).
pub const MAX_LINE: usize = 1 << 20;

/// One line of the file.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// Longer than `MAX_LINE` bytes (skipped without being held).
    TooLong(usize),
    /// Not UTF-8: the offset of the first bad byte.
    NotUtf8(usize),
}

impl Line {
    /// The bytes it holds.
    pub fn held(&self) -> usize {
        match self {
            Line::Text(t) => t.len(),
            Line::TooLong(_) | Line::NotUtf8(_) => 0,
        }
    }
}

pub struct Lines<R> {
    reader: R,
    number: i32,
    bytes: u64,
    max: usize,
    buf: Vec<u8>,
}

impl<R: AsyncBufRead + Unpin> Lines<R> {
    pub fn new(reader: R) -> Self {
        Self::with_max(reader, MAX_LINE)
    }

    pub fn with_max(reader: R, max: usize) -> Self {
        Lines {
            reader,
            number: 0,
            bytes: 0,
            max,
            buf: Vec::new(),
        }
    }

    /// The next line with its 1-based number, or `None` at the end of the file.
    pub async fn next(&mut self) -> std::io::Result<Option<(i32, Line)>> {
        self.buf.clear();
        let mut length = 0usize;
        let mut read_any = false;
        loop {
            let available = self.reader.fill_buf().await?;
            if available.is_empty() {
                break;
            }
            read_any = true;
            let (part, used, end) = match available.iter().position(|b| *b == b'\n') {
                Some(i) => (available.get(..i).unwrap_or_default(), i + 1, true),
                None => (available, available.len(), false),
            };
            length += part.len();
            if length <= self.max {
                self.buf.extend_from_slice(part);
            } else {
                self.buf.clear();
            }
            self.reader.consume(used);
            self.bytes += used as u64;
            if end {
                break;
            }
        }
        if !read_any {
            return Ok(None);
        }
        self.number = self.number.saturating_add(1);
        if length > self.max {
            return Ok(Some((self.number, Line::TooLong(length))));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        let mut bytes = std::mem::take(&mut self.buf);
        if self.number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        Ok(Some((
            self.number,
            match String::from_utf8(bytes) {
                Ok(text) => Line::Text(text),
                Err(e) => Line::NotUtf8(e.utf8_error().valid_up_to()),
            },
        )))
    }

    /// The number of the last line read.
    pub fn number(&self) -> i32 {
        self.number
    }

    /// The bytes of the file read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    async fn all(bytes: &[u8], max: usize) -> Vec<(i32, Line)> {
        let mut lines = Lines::with_max(tokio::io::BufReader::with_capacity(4, bytes), max);
        let mut out = Vec::new();
        while let Some(l) = lines.next().await.unwrap() {
            out.push(l);
        }
        out
    }

    #[tokio::test]
    async fn lines_are_numbered_bounded_and_checked() {
        let got = all(
            b"\xEF\xBB\xBF{\"a\":1}\r\n0123456789abc\n\xff\xfe\n\nlast",
            12,
        )
        .await;
        assert_eq!(
            got,
            vec![
                (1, Line::Text("{\"a\":1}".into())),
                (2, Line::TooLong(13)),
                (3, Line::NotUtf8(0)),
                (4, Line::Text(String::new())),
                (5, Line::Text("last".into())),
            ]
        );
        assert!(all(b"", 10).await.is_empty());
        let mut lines = Lines::with_max(&b"ab\ncd\r\n"[..], 10);
        lines.next().await.unwrap();
        assert_eq!(lines.bytes(), 3);
        lines.next().await.unwrap();
        assert_eq!(lines.bytes(), 7);
        assert_eq!(all(b"x\n", 10).await.len(), 1);
    }
}
