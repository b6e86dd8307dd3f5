//! What an uploaded file really is (by its bytes, not its name), and making it safe to
//! keep: metadata stripped losslessly from images, dimension limits against decompression
//! bombs, and a thumbnail.

use image::{ImageFormat, ImageReader, Limits};
use img_parts::{ImageEXIF, ImageICC};
use std::io::Cursor;

/// Largest image accepted, in pixels (a 100-megapixel X-ray is already very large).
pub const MAX_PIXELS: u64 = 100_000_000;
const THUMBNAIL_EDGE: u32 = 320;

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
    /// Claims to be an image but cannot be read.
    Corrupt,
    /// Would decode into a bitmap larger than allowed.
    TooManyPixels { width: u32, height: u32 },
}

pub struct Prepared {
    pub media_type: MediaType,
    /// The bytes to store (image metadata removed).
    pub content: Vec<u8>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// A JPEG thumbnail for images.
    pub thumbnail: Option<Vec<u8>>,
}

/// Validates and cleans an upload. CPU-heavy: call from a blocking task.
pub fn prepare(bytes: Vec<u8>) -> Result<Prepared, MediaError> {
    let media_type = sniff(&bytes).ok_or(MediaError::Unsupported)?;
    let Some(format) = media_type.image_format() else {
        return Ok(Prepared {
            media_type,
            content: bytes,
            width: None,
            height: None,
            thumbnail: None,
        });
    };
    let (width, height) = dimensions(&bytes, format)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(MediaError::TooManyPixels { width, height });
    }
    let content = strip_metadata(bytes, media_type)?;
    let thumbnail = thumbnail(&content, format)?;
    Ok(Prepared {
        media_type,
        content,
        width: Some(width),
        height: Some(height),
        thumbnail: Some(thumbnail),
    })
}

fn reader(bytes: &[u8], format: ImageFormat) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    reader
}

fn dimensions(bytes: &[u8], format: ImageFormat) -> Result<(u32, u32), MediaError> {
    reader(bytes, format)
        .into_dimensions()
        .map_err(|_| MediaError::Corrupt)
}

/// Removes EXIF (GPS, camera serials, owner names), ICC and comment data without
/// re-encoding the pixels, so evidence images keep their exact content.
fn strip_metadata(bytes: Vec<u8>, media_type: MediaType) -> Result<Vec<u8>, MediaError> {
    match media_type {
        MediaType::Jpeg => {
            let mut jpeg =
                img_parts::jpeg::Jpeg::from_bytes(bytes.into()).map_err(|_| MediaError::Corrupt)?;
            jpeg.set_exif(None);
            jpeg.set_icc_profile(None);
            // APP1..APP15 (XMP, Photoshop IRB…) and COM segments carry metadata too; APP0
            // (JFIF) and the coding segments stay.
            jpeg.segments_mut().retain(|s| {
                let m = s.marker();
                !((0xE1..=0xEF).contains(&m) || m == 0xFE)
            });
            Ok(jpeg.encoder().bytes().to_vec())
        }
        MediaType::Png => {
            let mut png =
                img_parts::png::Png::from_bytes(bytes.into()).map_err(|_| MediaError::Corrupt)?;
            png.set_exif(None);
            png.set_icc_profile(None);
            png.chunks_mut()
                .retain(|c| !matches!(&c.kind(), b"tEXt" | b"zTXt" | b"iTXt" | b"tIME" | b"eXIf"));
            Ok(png.encoder().bytes().to_vec())
        }
        MediaType::Webp => {
            let mut webp =
                img_parts::webp::WebP::from_bytes(bytes.into()).map_err(|_| MediaError::Corrupt)?;
            webp.set_exif(None);
            webp.set_icc_profile(None);
            webp.chunks_mut().retain(|c| &c.id() != b"XMP ");
            Ok(webp.encoder().bytes().to_vec())
        }
        // TIFF keeps its tags in the image directory itself: re-encode the pixels to PNG so
        // no tag survives (lossless).
        MediaType::Tiff => {
            let image = reader(&bytes, ImageFormat::Tiff)
                .decode()
                .map_err(|_| MediaError::Corrupt)?;
            let mut out = Cursor::new(Vec::new());
            image
                .write_to(&mut out, ImageFormat::Png)
                .map_err(|_| MediaError::Corrupt)?;
            Ok(out.into_inner())
        }
        MediaType::Pdf => Ok(bytes),
    }
}

fn thumbnail(bytes: &[u8], format: ImageFormat) -> Result<Vec<u8>, MediaError> {
    // TIFF content was converted to PNG above.
    let format = if format == ImageFormat::Tiff {
        ImageFormat::Png
    } else {
        format
    };
    let image = reader(bytes, format)
        .decode()
        .map_err(|_| MediaError::Corrupt)?;
    let thumb = image.thumbnail(THUMBNAIL_EDGE, THUMBNAIL_EDGE).to_rgb8();
    let mut out = Cursor::new(Vec::new());
    thumb
        .write_to(&mut out, ImageFormat::Jpeg)
        .map_err(|_| MediaError::Corrupt)?;
    Ok(out.into_inner())
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
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 10, 10]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn sniffs_by_content_not_name() {
        assert_eq!(sniff(&png(4, 4)), Some(MediaType::Png));
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(MediaType::Pdf));
        assert_eq!(sniff(b"MZ\x90\x00 an executable"), None);
        assert_eq!(sniff(b"just text"), None);
    }

    #[test]
    fn prepares_images_with_a_thumbnail() {
        let p = prepare(png(800, 600)).unwrap();
        assert_eq!(p.media_type, MediaType::Png);
        assert_eq!((p.width, p.height), (Some(800), Some(600)));
        let thumb = image::load_from_memory(&p.thumbnail.unwrap()).unwrap();
        assert!(thumb.width() <= THUMBNAIL_EDGE && thumb.height() <= THUMBNAIL_EDGE);
    }

    #[test]
    fn refuses_decompression_bombs_from_the_header() {
        // A PNG header announcing 20000 × 20000 pixels (400 MP) with almost no data.
        let mut file = img_parts::png::Png::from_bytes(png(1, 1).into()).unwrap();
        let ihdr = file.chunk_by_type(*b"IHDR").unwrap().contents().to_vec();
        let mut header = ihdr.clone();
        header[0..4].copy_from_slice(&20_000u32.to_be_bytes());
        header[4..8].copy_from_slice(&20_000u32.to_be_bytes());
        file.chunks_mut()[0] = img_parts::png::PngChunk::new(*b"IHDR", header.into());
        let bytes = file.encoder().bytes().to_vec();
        assert_eq!(
            prepare(bytes).err(),
            Some(MediaError::TooManyPixels {
                width: 20_000,
                height: 20_000
            })
        );
    }

    #[test]
    fn strips_png_text_metadata() {
        let mut png_file = img_parts::png::Png::from_bytes(png(8, 8).into()).unwrap();
        let chunk = img_parts::png::PngChunk::new(
            *b"tEXt",
            img_parts::Bytes::from_static(b"Author\0Jane Smith"),
        );
        png_file.chunks_mut().insert(1, chunk);
        let bytes = png_file.encoder().bytes().to_vec();
        assert!(bytes.windows(10).any(|w| w == b"Jane Smith"));
        let p = prepare(bytes).unwrap();
        assert!(!p.content.windows(10).any(|w| w == b"Jane Smith"));
    }
}
