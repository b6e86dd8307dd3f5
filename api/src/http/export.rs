//! An export answered as a file download.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::HttpResponse;
use ncen_core::export::{self, FileFormat, Table};

/// The table written as `format`, named `<stem>-<UTC date>.<format>`.
pub fn download(
    table: &Table,
    format: FileFormat,
    stem: &str,
) -> ncen_core::error::Result<HttpResponse> {
    let bytes = export::write(table, format)?;
    let name = format!(
        "{stem}-{}.{}",
        chrono::Utc::now().format("%Y%m%d-%H%M"),
        format.as_str()
    );
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(name)],
        })
        .insert_header(("Cache-Control", "no-store"))
        .body(bytes))
}
