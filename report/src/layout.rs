//! Lays a [`Document`] out on A4 pages: text wrapped to the width measured with the embedded
//! font's advances, tables whose rows never break over a page (their titles repeated), photos
//! scaled to the page and kept with their caption. The result is a list of pages of
//! positioned items, which [`crate::pdf`] draws; points, origin at the top left.

use crate::{Block, Document, ReportError};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN: f32 = 48.0;
/// Baselines of the header and the footer.
pub const HEADER_Y: f32 = 34.0;
pub const FOOTER_Y: f32 = PAGE_H - 28.0;
/// Where the body starts and ends.
const TOP: f32 = 66.0;
const BOTTOM: f32 = PAGE_H - 52.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
pub const BODY: f32 = 9.5;
pub const SMALL: f32 = 8.0;
const TITLE: f32 = 18.0;
const HEADING: f32 = 13.5;
const SUBHEADING: f32 = 11.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.32;
const CELL_PAD: f32 = 3.0;
const LABEL_W: f32 = 150.0;
/// The tallest a photo is drawn.
const IMAGE_MAX_H: f32 = 330.0;

/// The two faces of the embedded font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
        }
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone)]
pub enum Item {
    /// Text on one line; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
    },
    /// A horizontal rule.
    Rule { x1: f32, x2: f32, y: f32 },
    /// The photo of block `block`, its top left corner at (`x`, `y`).
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        block: usize,
    },
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// The fonts' advances, for measuring text.
pub struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Metrics {
    pub fn new() -> Result<Self, ReportError> {
        let parse = |face: Face| {
            ttf_parser::Face::parse(face.bytes(), 0).map_err(|e| ReportError(format!("font: {e}")))
        };
        Ok(Metrics {
            regular: parse(Face::Regular)?,
            bold: parse(Face::Bold)?,
        })
    }

    /// The width of `text` in points (advances only; kerning is a fraction of a point).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let f = match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                f.glyph_index(c)
                    .and_then(|g| f.glyph_hor_advance(g))
                    .map_or(u32::from(f.units_per_em()) / 2, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(f.units_per_em())
    }

    /// `text` broken into lines no wider than `width` (at spaces; a word wider than the line
    /// at any character). Line breaks in the text are kept.
    pub fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let mut out = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(face, size, &candidate) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                // the word alone: cut where it overflows
                for c in word.chars() {
                    line.push(c);
                    if self.width(face, size, &line) > width && line.chars().count() > 1 {
                        line.pop();
                        out.push(std::mem::take(&mut line));
                        line.push(c);
                    }
                }
            }
            out.push(line);
        }
        out
    }
}

/// Where the next block goes.
struct Cursor {
    pages: Vec<Page>,
    y: f32,
}

impl Cursor {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one (or the page is empty).
    fn room(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, size: f32, face: Face, text: String) {
        let y = self.y + size;
        self.page().items.push(Item::Text {
            x,
            y,
            size,
            face,
            text,
        });
    }

    fn rule(&mut self, y: f32) {
        self.page().items.push(Item::Rule {
            x1: MARGIN,
            x2: PAGE_W - MARGIN,
            y,
        });
    }

    /// Wrapped lines at `x`, each moving the cursor down, a page break where they overflow.
    fn lines(&mut self, x: f32, size: f32, face: Face, lines: Vec<String>) {
        for line in lines {
            self.room(size * LEADING);
            self.text(x, size, face, line);
            self.y += size * LEADING;
        }
    }
}

/// The pages of `doc`; `image_size(i)` gives the pixel size of block `i`'s photo (`None`:
/// it cannot be read, and its caption says so).
pub fn pages(
    doc: &Document,
    m: &Metrics,
    image_size: &dyn Fn(usize) -> Option<(u32, u32)>,
) -> Vec<Page> {
    let mut c = Cursor {
        pages: vec![Page::default()],
        y: TOP,
    };
    let title = m.wrap(Face::Bold, TITLE, &doc.title, WIDTH);
    c.lines(MARGIN, TITLE, Face::Bold, title);
    c.y += 6.0;
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Heading { text, new_page } => {
                if *new_page && c.y > TOP {
                    c.new_page();
                }
                // a heading never ends a page
                c.room(HEADING * LEADING * 2.0 + BODY * LEADING * 3.0);
                c.y += 8.0;
                let lines = m.wrap(Face::Bold, HEADING, text, WIDTH);
                c.lines(MARGIN, HEADING, Face::Bold, lines);
                let y = c.y;
                c.rule(y);
                c.y += 6.0;
            }
            Block::Subheading(text) => {
                c.room(SUBHEADING * LEADING + BODY * LEADING * 3.0);
                c.y += 4.0;
                let lines = m.wrap(Face::Bold, SUBHEADING, text, WIDTH);
                c.lines(MARGIN, SUBHEADING, Face::Bold, lines);
                c.y += 2.0;
            }
            Block::Paragraph(text) => {
                let lines = m.wrap(Face::Regular, BODY, text, WIDTH);
                c.lines(MARGIN, BODY, Face::Regular, lines);
                c.y += 4.0;
            }
            Block::Fields(fields) => {
                for (label, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
                    let labels = m.wrap(Face::Bold, SMALL, label, LABEL_W - 8.0);
                    let values = m.wrap(Face::Regular, BODY, value, WIDTH - LABEL_W);
                    let h = (labels.len().max(values.len()) as f32) * BODY * LEADING;
                    c.room(h.min(BOTTOM - TOP));
                    let top = c.y;
                    c.lines(MARGIN, SMALL, Face::Bold, labels);
                    c.y = top;
                    c.lines(MARGIN + LABEL_W, BODY, Face::Regular, values);
                    c.y = c.y.max(top + BODY * LEADING);
                }
                c.y += 4.0;
            }
            Block::Table {
                columns,
                widths,
                rows,
            } => table(&mut c, m, columns, widths, rows),
            Block::Image { caption, .. } => {
                let caption_lines = m.wrap(Face::Regular, SMALL, caption, WIDTH);
                let caption_h = caption_lines.len() as f32 * SMALL * LEADING;
                let Some((pw, ph)) = image_size(i).filter(|(w, h)| *w > 0 && *h > 0) else {
                    c.lines(MARGIN, SMALL, Face::Regular, caption_lines);
                    continue;
                };
                let scale = (WIDTH / pw as f32).min(IMAGE_MAX_H / ph as f32);
                let (w, h) = (pw as f32 * scale, ph as f32 * scale);
                c.room(h + caption_h + 6.0);
                let (x, y) = (MARGIN, c.y);
                c.page().items.push(Item::Image {
                    x,
                    y,
                    w,
                    h,
                    block: i,
                });
                c.y += h + 3.0;
                c.lines(MARGIN, SMALL, Face::Regular, caption_lines);
                c.y += 8.0;
            }
        }
    }
    c.pages
}

fn table(c: &mut Cursor, m: &Metrics, columns: &[String], widths: &[f32], rows: &[Vec<String>]) {
    let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
    let widths: Vec<f32> = (0..columns.len())
        .map(|k| widths.get(k).copied().unwrap_or(1.0) / total * WIDTH)
        .collect();
    let xs: Vec<f32> = widths
        .iter()
        .scan(MARGIN, |x, w| {
            let at = *x;
            *x += w;
            Some(at)
        })
        .collect();
    let cells = |face: Face, size: f32, row: &[String]| -> Vec<Vec<String>> {
        widths
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let text = row.get(k).map(String::as_str).unwrap_or("");
                m.wrap(face, size, text, w - 2.0 * CELL_PAD)
            })
            .collect()
    };
    let height = |cells: &[Vec<String>], size: f32| {
        cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * size * LEADING + 2.0 * CELL_PAD
    };
    let head = cells(Face::Bold, SMALL, columns);
    let head_h = height(&head, SMALL);
    let draw = |c: &mut Cursor, cells: Vec<Vec<String>>, face: Face, size: f32, h: f32| {
        let top = c.y;
        for (k, lines) in cells.into_iter().enumerate() {
            c.y = top + CELL_PAD;
            c.lines(xs[k] + CELL_PAD, size, face, lines);
        }
        c.y = top + h;
        let y = c.y;
        c.rule(y);
    };
    let mut first = true;
    for row in rows {
        let body = cells(Face::Regular, BODY, row);
        let h = height(&body, BODY).min(BOTTOM - TOP - head_h);
        let page_before = c.pages.len();
        c.room(if first { head_h + h } else { h });
        if first || c.pages.len() != page_before {
            draw(c, head.clone(), Face::Bold, SMALL, head_h);
        }
        first = false;
        draw(c, body, Face::Regular, BODY, h);
    }
    c.y += 6.0;
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let m = Metrics::new().unwrap();
        let text = "The courier declared nothing; 4.2 kg of cocaine were found in the lining \
                    of two suitcases checked through from São Paulo.\nSecond paragraph.";
        let lines = m.wrap(Face::Regular, BODY, text, 120.0);
        assert!(lines.len() > 4);
        assert!(lines
            .iter()
            .all(|l| m.width(Face::Regular, BODY, l) <= 120.0));
        let joined = lines.join(" ");
        assert!(joined.contains("São Paulo.") && joined.ends_with("Second paragraph."));
        // a word longer than the line is cut, not lost
        let long = "x".repeat(200);
        let cut = m.wrap(Face::Regular, BODY, &long, 50.0);
        assert_eq!(cut.concat(), long);
    }

    #[test]
    fn a_long_table_runs_over_pages_with_its_titles_repeated() {
        let m = Metrics::new().unwrap();
        let rows: Vec<Vec<String>> = (0..200)
            .map(|i| vec![format!("2026-01-{:02}", i % 28 + 1), format!("event {i}")])
            .collect();
        let doc = Document {
            title: "Report".into(),
            blocks: vec![Block::Table {
                columns: vec!["When".into(), "What".into()],
                widths: vec![1.0, 3.0],
                rows,
            }],
            ..Document::default()
        };
        let pages = pages(&doc, &m, &|_| None);
        assert!(pages.len() > 3, "{} pages", pages.len());
        for page in &pages {
            let titles = page
                .items
                .iter()
                .filter(
                    |i| matches!(i, Item::Text { text, face: Face::Bold, .. } if text == "When"),
                )
                .count();
            assert_eq!(titles, 1, "each page repeats the column titles once");
            assert!(page.items.iter().all(|i| match i {
                Item::Text { y, .. } => *y <= BOTTOM + BODY,
                _ => true,
            }));
        }
    }
}
