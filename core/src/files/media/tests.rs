#![allow(clippy::unwrap_used)]
use super::*;

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 10, 10]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png).unwrap();
    out.into_inner()
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([30, 60, 90]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
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
    let p = prepare(png(800, 600), DEFAULT_MAX_PIXELS).unwrap();
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
        prepare(bytes, DEFAULT_MAX_PIXELS).err(),
        Some(MediaError::TooManyPixels {
            width: 20_000,
            height: 20_000
        })
    );
}

#[test]
fn the_pixel_limit_and_the_byte_budget_both_hold() {
    assert!(prepare(png(10, 10), 100).is_ok());
    assert_eq!(
        prepare(png(11, 10), 100).err(),
        Some(MediaError::TooManyPixels {
            width: 11,
            height: 10
        })
    );
    // 16-bit RGBA takes 8 bytes a pixel: 100 pixels of it are over a 100-pixel budget.
    let deep = image::DynamicImage::ImageRgba16(image::ImageBuffer::from_pixel(
        10,
        10,
        image::Rgba([1u16, 2, 3, 4]),
    ));
    let mut out = Cursor::new(Vec::new());
    deep.write_to(&mut out, ImageFormat::Png).unwrap();
    assert!(matches!(
        prepare(out.get_ref().clone(), 100).err(),
        Some(MediaError::TooManyPixels { .. })
    ));
    assert!(prepare(out.into_inner(), 200).is_ok());
    // A side longer than MAX_EDGE is refused even when the pixel count is allowed.
    let mut file = img_parts::png::Png::from_bytes(png(1, 1).into()).unwrap();
    let mut header = file.chunk_by_type(*b"IHDR").unwrap().contents().to_vec();
    header[0..4].copy_from_slice(&70_000u32.to_be_bytes());
    file.chunks_mut()[0] = img_parts::png::PngChunk::new(*b"IHDR", header.into());
    assert!(matches!(
        prepare(file.encoder().bytes().to_vec(), DEFAULT_MAX_PIXELS).err(),
        Some(MediaError::TooManyPixels { width: 70_000, .. })
    ));
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
    assert!(contains(&bytes, b"Jane Smith"));
    let p = prepare(bytes, DEFAULT_MAX_PIXELS).unwrap();
    assert!(!contains(&p.content, b"Jane Smith"));
}

#[test]
fn keeps_only_the_pixels_of_the_first_jpeg() {
    use img_parts::ImageEXIF;
    let mut second = img_parts::jpeg::Jpeg::from_bytes(jpeg(16, 16).into()).unwrap();
    second.set_exif(Some(img_parts::Bytes::from_static(
        b"MM\0*GPS 48.85N 2.35E owner Jane Smith",
    )));
    let mut bytes = jpeg(64, 48);
    bytes.extend_from_slice(&second.encoder().bytes());
    bytes.extend_from_slice(b"trailing: Jane Smith");
    assert!(contains(&bytes, b"GPS 48.85N"));
    let p = prepare(bytes, DEFAULT_MAX_PIXELS).unwrap();
    assert_eq!(p.media_type, MediaType::Jpeg);
    assert!(!contains(&p.content, b"GPS 48.85N"));
    assert!(!contains(&p.content, b"Jane Smith"));
    let image = image::load_from_memory_with_format(&p.content, ImageFormat::Jpeg).unwrap();
    assert_eq!((image.width(), image.height()), (64, 48));
}

#[test]
fn the_recorded_orientation_is_applied_before_the_metadata_goes() {
    use img_parts::ImageEXIF;
    let mut photo = img_parts::jpeg::Jpeg::from_bytes(jpeg(64, 48).into()).unwrap();
    // a TIFF header and one IFD entry: Orientation (0x0112) = 6, "rotate 90° clockwise"
    photo.set_exif(Some(img_parts::Bytes::from_static(
        b"MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0",
    )));
    let p = prepare(photo.encoder().bytes().to_vec(), DEFAULT_MAX_PIXELS).unwrap();
    assert_eq!((p.width, p.height), (Some(48), Some(64)));
    let image = image::load_from_memory_with_format(&p.content, ImageFormat::Jpeg).unwrap();
    assert_eq!((image.width(), image.height()), (48, 64));
}

fn pdf() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = Stream::new(dictionary! {}, b"BT ET".to_vec());
    let content_id = doc.add_object(content);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
        }),
    );
    let xmp = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        b"<x:xmpmeta><dc:creator>Jane Smith</dc:creator></x:xmpmeta>".to_vec(),
    );
    let xmp_id = doc.add_object(xmp);
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages_id, "Metadata" => xmp_id,
    });
    let info_id = doc.add_object(dictionary! {
        "Author" => Object::string_literal("Jane Smith"),
        "Producer" => Object::string_literal("ScanSoft 9"),
    });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn pdfs_lose_their_information_dictionary_and_xmp() {
    let bytes = pdf();
    assert!(contains(&bytes, b"Jane Smith") && contains(&bytes, b"ScanSoft"));
    let p = prepare(bytes, DEFAULT_MAX_PIXELS).unwrap();
    assert_eq!(p.media_type, MediaType::Pdf);
    assert!(!contains(&p.content, b"Jane Smith"));
    assert!(!contains(&p.content, b"ScanSoft"));
    assert!(!contains(&p.content, b"xmpmeta"));
    let doc = lopdf::Document::load_mem(&p.content).unwrap();
    assert_eq!(doc.get_pages().len(), 1);
    assert!(doc.trailer.get(b"Info").is_err());
}

#[test]
fn pdfs_with_too_many_values_are_refused() {
    let mut doc = lopdf::Document::load_mem(&pdf()).unwrap();
    let junk: Vec<lopdf::Object> = (0..PDF_MAX_VALUES as i64).map(Into::into).collect();
    let junk = doc.add_object(junk);
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(root).unwrap().set("Junk", junk);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert_eq!(
        prepare(out, DEFAULT_MAX_PIXELS).err(),
        Some(MediaError::TooComplex)
    );
    // The count starts again for the next document.
    assert!(prepare(pdf(), DEFAULT_MAX_PIXELS).is_ok());
}

#[test]
fn unreadable_and_encrypted_pdfs_are_refused() {
    assert_eq!(
        prepare(b"%PDF-1.7\n%%EOF".to_vec(), DEFAULT_MAX_PIXELS).err(),
        Some(MediaError::Corrupt)
    );
    let mut doc = lopdf::Document::load_mem(&pdf()).unwrap();
    let encrypt = doc.add_object(lopdf::dictionary! { "Filter" => "Standard", "V" => 1, "R" => 2 });
    doc.trailer.set("Encrypt", encrypt);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert!(prepare(out, DEFAULT_MAX_PIXELS).is_err());
}
