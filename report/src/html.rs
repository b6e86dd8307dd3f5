//! Writes a [`Document`] as one print-friendly HTML page: no script, no external resource
//! (styles inline, photos as `data:` URLs), the header and the footer repeated on every
//! printed page (`position: fixed`), text escaped.

use crate::{Block, Document};
use base64::Engine;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;margin:0 auto;max-width:46em;padding:4em 1em}\
header,footer{position:fixed;left:0;right:0;font-size:8pt;color:#555;background:#fff;padding:.6em 1em}\
header{top:0;font-weight:bold;border-bottom:1px solid #ccc}footer{bottom:0;border-top:1px solid #ccc}\
h1{font-size:18pt}h2{font-size:13.5pt;border-bottom:1px solid #bbb;margin-top:1.6em}h2.page{break-before:page}\
h3{font-size:11pt}dl{display:grid;grid-template-columns:11em 1fr;gap:.2em 1em}dt{font-weight:bold;font-size:8pt}dd{margin:0}\
table{border-collapse:collapse;width:100%}th,td{text-align:start;vertical-align:top;padding:.25em;border-bottom:1px solid #ccc}\
th{font-size:8pt}tr{break-inside:avoid}figure{margin:1em 0;break-inside:avoid}img{max-width:100%;max-height:12cm}\
figcaption{font-size:8pt}p{white-space:pre-wrap}@page{size:A4;margin:2cm 1.5cm}";

/// The media type of a photo by its first bytes.
fn media_type(data: &[u8]) -> Option<&'static str> {
    if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

/// The HTML page of `doc`.
pub fn write(doc: &Document) -> String {
    let dir = if doc.language == "ar" { "rtl" } else { "ltr" };
    let mut h = format!(
        "<!doctype html><html lang=\"{}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"robots\" content=\"noindex\"><title>{}</title><style>{STYLE}</style></head><body>\
         <header>{}</header><footer>{}</footer><h1>{}</h1>",
        escape(&doc.language),
        escape(&doc.title),
        escape(&doc.header),
        escape(&doc.footer),
        escape(&doc.title),
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { text, new_page } => {
                let class = if *new_page { " class=\"page\"" } else { "" };
                h.push_str(&format!("<h2{class}>{}</h2>", escape(text)));
            }
            Block::Subheading(text) => h.push_str(&format!("<h3>{}</h3>", escape(text))),
            Block::Paragraph(text) => h.push_str(&format!("<p>{}</p>", escape(text))),
            Block::Fields(fields) => {
                h.push_str("<dl>");
                for (label, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
                    h.push_str(&format!(
                        "<dt>{}</dt><dd dir=\"auto\">{}</dd>",
                        escape(label),
                        escape(value)
                    ));
                }
                h.push_str("</dl>");
            }
            Block::Table { columns, rows, .. } => {
                h.push_str("<table><thead><tr>");
                for c in columns {
                    h.push_str(&format!("<th>{}</th>", escape(c)));
                }
                h.push_str("</tr></thead><tbody>");
                for row in rows {
                    h.push_str("<tr>");
                    for cell in row {
                        h.push_str(&format!("<td dir=\"auto\">{}</td>", escape(cell)));
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</tbody></table>");
            }
            Block::Image { data, caption } => {
                h.push_str("<figure>");
                if let Some(media) = media_type(data) {
                    let encoded = base64::engine::general_purpose::STANDARD.encode(data);
                    h.push_str(&format!(
                        "<img src=\"data:{media};base64,{encoded}\" alt=\"{}\">",
                        escape(caption)
                    ));
                }
                h.push_str(&format!(
                    "<figcaption>{}</figcaption></figure>",
                    escape(caption)
                ));
            }
        }
    }
    h.push_str("</body></html>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_nothing_is_fetched() {
        let doc = Document {
            title: "Report <1>".into(),
            language: "fr".into(),
            header: "RESTREINT".into(),
            footer: "Imprimé par A & B".into(),
            blocks: vec![
                Block::Paragraph("<script>alert(1)</script>".into()),
                Block::Image {
                    data: vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0],
                    caption: "photo \"1\"".into(),
                },
            ],
            ..Document::default()
        };
        let page = write(&doc);
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!page.contains("<script"));
        assert!(page.contains("Imprimé par A &amp; B"));
        assert!(page.contains("src=\"data:image/png;base64,"));
        assert!(!page.contains("http"), "no external resource");
    }
}
