//! Files: what an uploaded file really is and making it safe to keep (`media`), and where
//! bytes are kept (`storage`: a local folder or S3).

pub mod media;
pub mod storage;

use crate::error::{Error, Result};
use media::{MediaError, Prepared, Processing};

/// Cleans an uploaded file within the bounds of `processing`: its real type read from the
/// content (JPEG, PNG, WebP, TIFF, PDF), image metadata stripped by re-encoding, PDF metadata
/// removed, a thumbnail made for images. Every refusal is a field error on `file`.
pub async fn clean(bytes: Vec<u8>, processing: &Processing) -> Result<Prepared> {
    let media_type = media::sniff(&bytes).ok_or_else(unsupported)?;
    processing.prepare(bytes).await.map_err(|e| match e {
        MediaError::Unsupported => unsupported(),
        MediaError::Corrupt => Error::validation(
            "file",
            "corrupt",
            &format!(
                "the file could not be read as the {} it claims to be",
                media_type.mime()
            ),
        ),
        MediaError::Encrypted => Error::validation(
            "file",
            "encrypted",
            "an encrypted PDF cannot be cleaned of its metadata: upload an unprotected copy",
        ),
        MediaError::TooComplex => Error::validation(
            "file",
            "too_complex",
            "the PDF holds more objects than can be processed",
        ),
        MediaError::TooManyPixels { width, height } => Error::validation(
            "file",
            "image_too_large",
            &format!(
                "{width}×{height} pixels is more than can be decoded: at most {} megapixels \
                 (fewer for 16-bit or floating-point samples) and {} pixels a side",
                processing.max_pixels() as f64 / 1e6,
                media::MAX_EDGE
            ),
        ),
        MediaError::Interrupted => {
            Error::internal(anyhow::anyhow!("the upload's processing was interrupted"))
        }
    })
}

fn unsupported() -> Error {
    Error::validation(
        "file",
        "unsupported_type",
        "only JPEG, PNG, WebP, TIFF images and PDF documents are accepted",
    )
}
