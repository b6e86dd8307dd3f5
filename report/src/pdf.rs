//! Writes a [`Document`] as PDF with krilla: the laid-out pages ([`crate::layout`]) drawn with
//! DejaVu Sans (regular and bold, embedded and subset: Latin, Greek, Cyrillic, Arabic and
//! Hebrew names print as typed), JPEG photos embedded as they are (no decoding, so thirty
//! photos cost their bytes, not their pixels), PNG photos recompressed; the header, the footer
//! and "page n of m" on every page.

use crate::layout::{self, Face, Item, Metrics, FOOTER_Y, HEADER_Y, MARGIN, PAGE_H, PAGE_W};
use crate::{page_label, Block, Document, ReportError};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Size};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use std::sync::Arc;

fn font(face: Face) -> Result<Font, ReportError> {
    let bytes: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(face.bytes());
    Font::new(bytes.into(), 0).ok_or_else(|| ReportError(format!("font {face:?} unreadable")))
}

/// A photo as krilla embeds it, by the format its bytes announce (the bytes move in: a
/// report of thirty photos holds each once).
fn image(data: Vec<u8>) -> Option<Image> {
    if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Image::from_jpeg(data.into(), true).ok()
    } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Image::from_png(data.into(), true).ok()
    } else {
        None
    }
}

/// Text drawn right to left when its first strong letter is Arabic or Hebrew.
fn direction(text: &str) -> TextDirection {
    let rtl = text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF));
    if rtl {
        TextDirection::RightToLeft
    } else {
        TextDirection::LeftToRight
    }
}

/// The PDF of `doc` (its photos' bytes move into the PDF).
pub fn write(mut doc: Document) -> Result<Vec<u8>, ReportError> {
    let metrics = Metrics::new()?;
    let (regular, bold) = (font(Face::Regular)?, font(Face::Bold)?);
    let images: Vec<Option<Image>> = doc
        .blocks
        .iter_mut()
        .map(|b| match b {
            Block::Image { data, .. } => image(std::mem::take(data)),
            _ => None,
        })
        .collect();
    let size_of = |i: usize| images.get(i).and_then(Option::as_ref).map(Image::size);
    let pages = layout::pages(&doc, &metrics, &size_of);
    let total = pages.len();

    let mut pdf = krilla::Document::new();
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.language.clone())
            .creator("nCEN".to_string()),
    );
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| ReportError("page size".into()))?;
    let grey = rgb::Color::new(90, 90, 90);
    for (n, page) in pages.into_iter().enumerate() {
        let mut p = pdf.start_page_with(settings.clone());
        let mut s = p.surface();
        let text =
            |s: &mut krilla::surface::Surface<'_>, x: f32, y: f32, size: f32, face, t: &str| {
                let font = if face == Face::Bold { &bold } else { &regular };
                s.draw_text(
                    Point::from_xy(x, y),
                    font.clone(),
                    size,
                    t,
                    false,
                    direction(t),
                );
            };
        // header and footer, in grey
        s.set_fill(Some(Fill {
            paint: grey.into(),
            ..Fill::default()
        }));
        text(
            &mut s,
            MARGIN,
            HEADER_Y,
            layout::SMALL,
            Face::Bold,
            &doc.header,
        );
        text(
            &mut s,
            MARGIN,
            FOOTER_Y,
            layout::SMALL,
            Face::Regular,
            &doc.footer,
        );
        let label = page_label(&doc.page_label, n + 1, total);
        let w = metrics.width(Face::Regular, layout::SMALL, &label);
        text(
            &mut s,
            PAGE_W - MARGIN - w,
            FOOTER_Y,
            layout::SMALL,
            Face::Regular,
            &label,
        );
        s.set_fill(Some(Fill::default()));
        s.set_stroke(None);
        for item in page.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    face,
                    text: t,
                } => text(&mut s, x, y, size, face, &t),
                Item::Rule { x1, x2, y } => {
                    let mut path = PathBuilder::new();
                    path.move_to(x1, y);
                    path.line_to(x2, y);
                    if let Some(path) = path.finish() {
                        s.set_fill(None);
                        s.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(190, 190, 190).into(),
                            width: 0.5,
                            ..Stroke::default()
                        }));
                        s.draw_path(&path);
                        s.set_stroke(None);
                        s.set_fill(Some(Fill::default()));
                    }
                }
                Item::Image { x, y, w, h, block } => {
                    if let (Some(Some(img)), Some(size)) = (images.get(block), Size::from_wh(w, h))
                    {
                        s.push_transform(&krilla::geom::Transform::from_translate(x, y));
                        s.draw_image(img.clone(), size);
                        s.pop();
                    }
                }
            }
        }
        s.finish();
        p.finish();
    }
    pdf.finish().map_err(|e| ReportError(format!("{e:?}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_a_pdf_with_its_fonts_embedded() {
        let doc = Document {
            title: "Investigation FR-INV-2026-0001".into(),
            language: "en".into(),
            header: "RESTRICTED · FR-INV-2026-0001".into(),
            footer: "Printed by Test User on 2026-12-03 18:40 UTC".into(),
            page_label: "Page {n} of {m}".into(),
            blocks: vec![
                Block::Heading {
                    text: "Persons".into(),
                    new_page: false,
                },
                Block::Fields(vec![
                    ("Name".into(), "Abdelkader Bensaleh".into()),
                    ("Original script".into(), "عبد القادر بن صالح".into()),
                ]),
                Block::Image {
                    data: b"not an image".to_vec(),
                    caption: "photo.jpg (could not be read)".into(),
                },
            ],
        };
        let bytes = write(doc).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("FontFile2"), "the font is embedded");
        assert!(text.contains("DejaVuSans"));
    }
}
