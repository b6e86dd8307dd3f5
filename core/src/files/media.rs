//! What an uploaded file really is (by its bytes, not its name), and making it safe to
//! keep: images are decoded within a memory budget and re-encoded from their pixels (so no
//! metadata, secondary image or trailing data survives), PDFs lose their document
//! information and XMP metadata, and images get a thumbnail.
//!
//! The work is CPU- and memory-heavy, so it runs on blocking threads and at most a few at a
//! time ([`Processing`]); the size of an image is checked from its header before any pixel
//! is decoded.

use image::{
    DynamicImage, ImageDecoder, ImageEncoder, ImageError, ImageFormat, ImageReader, Limits,
};
use std::io::Cursor;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The default largest image, in pixels: 25 megapixels, so a 6000 × 4000 camera photo or a
/// 5712 × 4284 (24 MP) phone photo is taken; phones' 12 MP default is well within it.
///
/// The budget it sets: a decoded bitmap takes at most [`BYTES_PER_PIXEL`] × 25 M = 100 MB,
/// so with [`DEFAULT_CONCURRENCY`] decodes at a time the bitmaps never take more than 200 MB.
/// With the codecs' own working memory, one upload of 24 MP peaks (measured, debug build,
/// bitmap included) at 82 MB for a baseline JPEG, a 16-bit PNG or a TIFF at 140–180 MB, a lossy WebP (kept
/// as lossless WebP) at 200 MB and a progressive JPEG without chroma subsampling, the worst
/// case, at 225 MB (its decoder keeps every DCT coefficient).
pub const DEFAULT_MAX_PIXELS: u64 = 25_000_000;
/// The default number of uploads processed at once: two cores' worth, and 2 × 100 MB of
/// bitmaps at most.
pub const DEFAULT_CONCURRENCY: usize = 2;
/// The decoded bitmap may take at most this many bytes per allowed pixel (8-bit RGBA), so
/// at most `4 × max_pixels` bytes. Deeper images (16-bit or floating-point samples) are
/// allowed proportionally fewer pixels.
pub const BYTES_PER_PIXEL: u64 = 4;
/// No side may be longer than this (it bounds the decoders' per-row buffers).
pub const MAX_EDGE: u32 = 65_535;
/// JPEG quality of re-encoded photos: visually lossless, and no larger than the camera's.
const JPEG_QUALITY: u8 = 92;
const THUMBNAIL_EDGE: u32 = 320;
/// The most any one compressed object or cross-reference stream of a PDF may inflate to
/// while the document is read (real ones take kilobytes).
const PDF_MAX_STREAM: usize = 2 * 1024 * 1024;
/// The most values (objects, numbers, names, array and dictionary entries) a PDF's object
/// tree may hold: about 100 MB once parsed. Page contents, fonts and images are streams,
/// kept as bytes and not counted, so a long document stays far below it (tens of values a
/// page).
const PDF_MAX_VALUES: u64 = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    Jpeg,
    Png,
    Webp,
    Tiff,
    Pdf,
}

impl MediaType {
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
            MediaType::Webp => "image/webp",
            MediaType::Tiff => "image/tiff",
            MediaType::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            MediaType::Jpeg => "jpg",
            MediaType::Png => "png",
            MediaType::Webp => "webp",
            MediaType::Tiff => "tiff",
            MediaType::Pdf => "pdf",
        }
    }

    pub fn is_image(self) -> bool {
        !matches!(self, MediaType::Pdf)
    }

    fn image_format(self) -> Option<ImageFormat> {
        match self {
            MediaType::Jpeg => Some(ImageFormat::Jpeg),
            MediaType::Png => Some(ImageFormat::Png),
            MediaType::Webp => Some(ImageFormat::WebP),
            MediaType::Tiff => Some(ImageFormat::Tiff),
            MediaType::Pdf => None,
        }
    }
}

/// Sniffs the content; `None` for anything not accepted.
pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
    match infer::get(bytes)?.mime_type() {
        "image/jpeg" => Some(MediaType::Jpeg),
        "image/png" => Some(MediaType::Png),
        "image/webp" => Some(MediaType::Webp),
        "image/tiff" => Some(MediaType::Tiff),
        "application/pdf" => Some(MediaType::Pdf),
        _ => None,
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum MediaError {
    /// Not a type we accept.
    Unsupported,
    /// Claims to be an image or a PDF but cannot be read as one.
    Corrupt,
    /// Would decode into a bitmap larger than allowed (too many pixels, a side longer than
    /// [`MAX_EDGE`], or samples so deep that the bitmap is over its byte budget).
    TooManyPixels { width: u32, height: u32 },
    /// An encrypted PDF: its metadata cannot be removed.
    Encrypted,
    /// A PDF with more values than [`PDF_MAX_VALUES`].
    TooComplex,
    /// The work could not finish (the runtime is shutting down).
    Interrupted,
}

pub struct Prepared {
    pub media_type: MediaType,
    /// The bytes to store (re-encoded images, cleaned PDFs).
    pub content: Vec<u8>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// A JPEG thumbnail for images.
    pub thumbnail: Option<Vec<u8>>,
}

/// Runs [`prepare`] off the async executor, a bounded number at a time.
///
/// Memory: a job holds the upload, its decoded bitmap (at most `BYTES_PER_PIXEL ×
/// max_pixels` bytes, checked from the header before decoding), the codecs' working memory
/// and the re-encoded file; uploads beyond the concurrency wait for a permit, so decoding
/// never holds more than `concurrency` bitmaps (see [`DEFAULT_MAX_PIXELS`] for the figures).
#[derive(Clone, Debug)]
pub struct Processing {
    max_pixels: u64,
    permits: Arc<Semaphore>,
}

impl Processing {
    /// `concurrency` 0 is taken as 1.
    pub fn new(max_pixels: u64, concurrency: usize) -> Self {
        Processing {
            max_pixels,
            permits: Arc::new(Semaphore::new(concurrency.max(1))),
        }
    }

    pub fn max_pixels(&self) -> u64 {
        self.max_pixels
    }

    /// Validates and cleans an upload on a blocking thread once a permit is free. The permit
    /// travels with the work: a caller that goes away (a client that disconnects) does not
    /// free its slot while the decoding still runs.
    pub async fn prepare(&self, bytes: Vec<u8>) -> Result<Prepared, MediaError> {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| MediaError::Interrupted)?;
        let max_pixels = self.max_pixels;
        let job = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            prepare(bytes, max_pixels)
        });
        match job.await {
            Ok(result) => result,
            // A decoder that panics was handed a file it could not make sense of.
            Err(err) if err.is_panic() => {
                tracing::error!("a decoder panicked on an upload: {err}");
                Err(MediaError::Corrupt)
            }
            Err(_) => Err(MediaError::Interrupted),
        }
    }
}

/// Validates and cleans an upload: CPU- and memory-heavy, call it from a blocking thread
/// within a bound on concurrency ([`Processing::prepare`]).
pub fn prepare(bytes: Vec<u8>, max_pixels: u64) -> Result<Prepared, MediaError> {
    let media_type = sniff(&bytes).ok_or(MediaError::Unsupported)?;
    let Some(format) = media_type.image_format() else {
        return Ok(Prepared {
            media_type,
            content: clean_pdf(&bytes)?,
            width: None,
            height: None,
            thumbnail: None,
        });
    };
    let image = decode(&bytes, format, max_pixels)?;
    drop(bytes);
    let content = encode(&image, stored_format(media_type))?;
    let thumbnail = thumbnail(&image)?;
    Ok(Prepared {
        media_type,
        content,
        width: Some(image.width()),
        height: Some(image.height()),
        thumbnail: Some(thumbnail),
    })
}

/// Decodes an image whose header shows it fits: at most `max_pixels` pixels, no side over
/// [`MAX_EDGE`], a bitmap of at most `BYTES_PER_PIXEL × max_pixels` bytes. Nothing but the
/// header is read before these checks.
fn decode(bytes: &[u8], format: ImageFormat, max_pixels: u64) -> Result<DynamicImage, MediaError> {
    let budget = max_pixels.saturating_mul(BYTES_PER_PIXEL);
    let mut limits = Limits::default();
    // The header must be read to know the size: only the allocation bound applies to it,
    // so that a refusal can say how large the image is.
    limits.max_alloc = Some(budget);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(|_| MediaError::Corrupt)?;
    let (width, height) = decoder.dimensions();
    let too_large = MediaError::TooManyPixels { width, height };
    if u64::from(width) * u64::from(height) > max_pixels
        || width > MAX_EDGE
        || height > MAX_EDGE
        || decoder.total_bytes() > budget
    {
        return Err(too_large);
    }
    limits.max_image_width = Some(MAX_EDGE);
    limits.max_image_height = Some(MAX_EDGE);
    decoder
        .set_limits(limits)
        .map_err(|_| MediaError::Corrupt)?;
    // The metadata goes, so the orientation the camera recorded is applied to the pixels
    // (a quarter turn holds a second bitmap of the same size for a moment).
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        ImageError::Limits(_) => too_large,
        _ => MediaError::Corrupt,
    })?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// How an image is kept: JPEG and WebP as they came, PNG for PNG and TIFF (lossless).
fn stored_format(media_type: MediaType) -> ImageFormat {
    match media_type {
        MediaType::Jpeg => ImageFormat::Jpeg,
        MediaType::Webp => ImageFormat::WebP,
        _ => ImageFormat::Png,
    }
}

/// Writes the pixels, and nothing else, as a new file: no EXIF, XMP, ICC or text, no
/// secondary image (MPF, gain map), no trailing data. JPEG is re-encoded at
/// [`JPEG_QUALITY`]; PNG and WebP are lossless. A copy of the bitmap is made only for the
/// sample types the encoder cannot take.
fn encode(image: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, MediaError> {
    let mut out = Vec::new();
    let written = match format {
        ImageFormat::Jpeg => {
            let encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            match image {
                DynamicImage::ImageLuma8(_) | DynamicImage::ImageRgb8(_) => {
                    image.write_with_encoder(encoder)
                }
                _ => DynamicImage::ImageRgb8(image.to_rgb8()).write_with_encoder(encoder),
            }
        }
        ImageFormat::WebP => {
            let encoder = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
            match image {
                DynamicImage::ImageLuma8(_)
                | DynamicImage::ImageLumaA8(_)
                | DynamicImage::ImageRgb8(_)
                | DynamicImage::ImageRgba8(_) => image.write_with_encoder(encoder),
                _ => DynamicImage::ImageRgba8(image.to_rgba8()).write_with_encoder(encoder),
            }
        }
        _ => {
            let encoder = image::codecs::png::PngEncoder::new(&mut out);
            match image {
                DynamicImage::ImageRgb32F(_) | DynamicImage::ImageRgba32F(_) => {
                    DynamicImage::ImageRgba16(image.to_rgba16()).write_with_encoder(encoder)
                }
                _ => image.write_with_encoder(encoder),
            }
        }
    };
    written.map_err(|_| MediaError::Corrupt)?;
    Ok(out)
}

fn thumbnail(image: &DynamicImage) -> Result<Vec<u8>, MediaError> {
    let thumb = image.thumbnail(THUMBNAIL_EDGE, THUMBNAIL_EDGE).to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut out)
        .write_image(
            thumb.as_raw(),
            thumb.width(),
            thumb.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|_| MediaError::Corrupt)?;
    Ok(out)
}

/// Removes a PDF's document information dictionary (Author, Creator, Producer, Title…) and
/// every XMP metadata stream, and writes it anew: objects of earlier revisions (incremental
/// updates) and whatever follows the last `%%EOF` are not carried over. A PDF that cannot be
/// read, or is encrypted (its metadata cannot be reached), is refused.
///
/// Memory: the parsed object tree, bounded by [`PDF_MAX_VALUES`] as objects are read (a
/// compressed object stream inflates to at most [`PDF_MAX_STREAM`] first). One object is
/// parsed whole before it is counted, so a single huge array written out in the file can
/// still take some 60 bytes a byte of the upload while it is read.
fn clean_pdf(bytes: &[u8]) -> Result<Vec<u8>, MediaError> {
    use lopdf::{Document, LoadOptions, Object};
    PDF_VALUES.set(0);
    let options = LoadOptions {
        max_decompressed_size: Some(PDF_MAX_STREAM),
        filter: Some(count_pdf_values),
        ..LoadOptions::default()
    };
    let loaded = Document::load_mem_with_options(bytes, options);
    if PDF_VALUES.get() > PDF_MAX_VALUES {
        return Err(MediaError::TooComplex);
    }
    let mut doc = loaded.map_err(|_| MediaError::Corrupt)?;
    if doc.trailer.get(b"Encrypt").is_ok() || doc.was_encrypted() {
        return Err(MediaError::Encrypted);
    }
    if doc.catalog().is_err() {
        return Err(MediaError::Corrupt);
    }
    doc.trailer.remove(b"Info");
    let mut metadata = Vec::new();
    for (&id, object) in doc.objects.iter_mut() {
        let dict = match object {
            Object::Dictionary(dict) => dict,
            Object::Stream(stream) => {
                if stream.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Metadata") {
                    metadata.push(id);
                }
                &mut stream.dict
            }
            _ => continue,
        };
        // The document's, a page's or an image's own XMP; and private application data.
        dict.remove(b"Metadata");
        dict.remove(b"PieceInfo");
    }
    for id in metadata {
        doc.objects.remove(&id);
    }
    // Drops what is no longer referenced: the old information dictionary, XMP streams.
    doc.prune_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(|_| MediaError::Corrupt)?;
    Ok(out)
}

thread_local! {
    /// Values read so far by the PDF load running on this thread (lopdf reads on the
    /// calling thread; its filter is a plain function, so the count lives here).
    static PDF_VALUES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The load filter: counts each object's values and, once over [`PDF_MAX_VALUES`], keeps no
/// more objects (the load is then refused). lopdf keeps the object it passed for an object
/// of the file and the returned one for a member of an object stream, so a copy is returned
/// (freed at once in the first case).
fn count_pdf_values(
    id: lopdf::ObjectId,
    object: &mut lopdf::Object,
) -> Option<(lopdf::ObjectId, lopdf::Object)> {
    fn values(object: &lopdf::Object) -> u64 {
        use lopdf::Object;
        match object {
            Object::Array(items) => 1 + items.iter().map(values).sum::<u64>(),
            Object::Dictionary(dict) => 1 + dict.iter().map(|(_, v)| 1 + values(v)).sum::<u64>(),
            Object::Stream(stream) => {
                1 + stream.dict.iter().map(|(_, v)| 1 + values(v)).sum::<u64>()
            }
            _ => 1,
        }
    }
    let total = PDF_VALUES.get().saturating_add(values(object));
    PDF_VALUES.set(total);
    (total <= PDF_MAX_VALUES).then(|| (id, object.clone()))
}

/// The media type of stored content (TIFF uploads are stored as PNG).
pub fn stored_type(prepared: &Prepared) -> MediaType {
    if prepared.media_type == MediaType::Tiff {
        MediaType::Png
    } else {
        prepared.media_type
    }
}

#[cfg(test)]
mod tests;
