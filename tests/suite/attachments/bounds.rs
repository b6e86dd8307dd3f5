//! Bounded uploads: images checked before decoding and decoded within a memory budget,
//! chunked bodies over the limit, and metadata that survives in no stored file.

use super::*;

/// A PDF of `pages` pages whose information dictionary names its author and producer and
/// whose catalog carries an XMP packet saying the same.
pub(super) fn pdf_with_metadata(pages: usize) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = (0..pages)
        .map(|n| {
            let text = format!("BT /F1 12 Tf 72 760 Td (Page {n}) Tj ET");
            let content_id = doc.add_object(Stream::new(dictionary! {}, text.into_bytes()));
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => pages as i64,
        }),
    );
    let xmp = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        br#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description><dc:creator>Jane Smith</dc:creator><xmp:CreatorTool>OfficeScan 7</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#.to_vec(),
    );
    let xmp_id = doc.add_object(xmp);
    let catalog_id = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages_id, "Metadata" => xmp_id,
    });
    let info_id = doc.add_object(dictionary! {
        "Author" => Object::string_literal("Jane Smith"),
        "Creator" => Object::string_literal("OfficeScan 7"),
        "Producer" => Object::string_literal("OfficeScan PDF library"),
        "Title" => Object::string_literal("Seizure at the port"),
    });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[tokio::test]
async fn secondary_images_trailing_data_and_pdf_metadata_do_not_survive() {
    let app = TestApp::spawn().await;
    let crew = crew(&app).await;
    let case = create(&app, &crew.officer, offence("2026-05-01T10:00:00Z")).await;
    let id = case["id"].as_str().unwrap();

    // A clean primary image followed by a second JPEG (as MPF and gain maps are) whose own
    // EXIF holds a position and an owner, then trailing data.
    let primary = {
        let img = image::RgbImage::from_pixel(320, 240, image::Rgb([120, 80, 40]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
        out.into_inner()
    };
    let mut photo = primary.clone();
    photo.extend_from_slice(&jpeg_with_exif(b"GPS 48.85N 2.35E owner Jane Smith"));
    photo.extend_from_slice(b"\xFF\xD9 trailing note by Jane Smith");
    assert!(!contains(&primary, b"GPS 48.85N"));
    assert!(contains(&photo, b"GPS 48.85N") && contains(&photo, b"Jane Smith"));
    let res = upload(&app, &crew.officer, id, "photo", "mpf.jpg", photo).await;
    assert_eq!(res.status(), 201);
    let att: Value = res.json().await.unwrap();
    assert_eq!(
        (att["width"].as_i64(), att["height"].as_i64()),
        (Some(320), Some(240))
    );
    let bytes = app
        .get(att["content_url"].as_str().unwrap(), &crew.supervisor)
        .await
        .bytes()
        .await
        .unwrap();
    assert!(!contains(&bytes, b"GPS 48.85N"), "secondary image kept");
    assert!(
        !contains(&bytes, b"Jane Smith"),
        "secondary image or trailer kept"
    );
    assert_eq!(
        bytes.windows(2).filter(|w| *w == b"\xFF\xD8").count(),
        1,
        "one image only"
    );
    let decoded = image::load_from_memory(&bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (320, 240));

    let pdf = pdf_with_metadata(2);
    for secret in [
        &b"Jane Smith"[..],
        b"OfficeScan",
        b"xmpmeta",
        b"Seizure at the port",
    ] {
        assert!(contains(&pdf, secret));
    }
    let res = upload(&app, &crew.officer, id, "document", "report.pdf", pdf).await;
    assert_eq!(res.status(), 201);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["media_type"], "application/pdf");
    let res = app
        .get(doc["content_url"].as_str().unwrap(), &crew.supervisor)
        .await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    for secret in [
        &b"Jane Smith"[..],
        b"OfficeScan",
        b"xmpmeta",
        b"Seizure at the port",
    ] {
        assert!(
            !contains(&bytes, secret),
            "{} kept",
            String::from_utf8_lossy(secret)
        );
    }
    let parsed = lopdf::Document::load_mem(&bytes).expect("still a PDF");
    assert_eq!(parsed.get_pages().len(), 2);
    assert!(parsed.trailer.get(b"Info").is_err());
    assert!(contains(&bytes, b"(Page 1) Tj"), "the content is kept");

    // A PDF that cannot be read cannot be cleaned: refused.
    let body = assert_problem(
        upload(
            &app,
            &crew.officer,
            id,
            "document",
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".to_vec(),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(body["errors"][0]["field"], "file");
    assert_eq!(body["errors"][0]["code"], "corrupt");
}

/// A single-colour RGB PNG, written row by row so that the test never holds the bitmap
/// (10 000 × 10 000 pixels compress to a few hundred kilobytes).
fn flat_png(width: u32, height: u32) -> Vec<u8> {
    use std::io::Write;
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let mut stream = writer.stream_writer().unwrap();
        let row = [90u8, 120, 150].repeat(width as usize);
        for _ in 0..height {
            stream.write_all(&row).unwrap();
        }
        stream.finish().unwrap();
    }
    out
}

/// A line of `/proc/self/status` in bytes (`VmRSS`, `VmHWM`).
fn memory(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("{field} not in /proc/self/status"));
    let kib: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap();
    kib * 1024
}

const MIB: u64 = 1024 * 1024;

/// Memory is measured for a whole process and tests run side by side, so the uploads run in
/// a process of their own: this test binary again, running only `memory_budget_probe`.
#[test]
fn parallel_hundred_megapixel_uploads_stay_within_the_memory_budget() {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "attachments::bounds::memory_budget_probe",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stderr}");
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("1 passed"),
        "the probe did not run: {stdout}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run in a process of its own by parallel_hundred_megapixel_uploads_stay_within_the_memory_budget"]
async fn memory_budget_probe() {
    // Default image settings: the test server runs in this process, so its memory is ours.
    let app = TestApp::spawn().await;
    let crew = crew(&app).await;
    let case = create(&app, &crew.officer, offence("2026-05-01T10:00:00Z")).await;
    let id = case["id"].as_str().unwrap();
    let bomb = flat_png(10_000, 10_000);
    // 24 megapixels: the largest image taken by default, which is decoded (72 MB of RGB).
    let largest_png = flat_png(6_000, 4_000);

    // Measure what the uploads take. Memory freed before now but kept by the allocator
    // (each Argon2 hash of the sign-ins above frees 19 MiB that glibc keeps) goes back to
    // the system, and the peak restarts from here (Linux: clear_refs 5).
    #[cfg(target_env = "gnu")]
    // SAFETY: malloc_trim only releases free memory; it has no precondition.
    unsafe {
        libc::malloc_trim(0);
    }
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let baseline = memory("VmRSS:");
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        tokio::spawn(async move {
            let mut peak = 0;
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(memory("VmRSS:"));
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
            peak
        })
    };

    let started = std::time::Instant::now();
    let bombs = (0..20).map(|_| upload(&app, &crew.officer, id, "xray", "bomb.png", bomb.clone()));
    let mut refused = 0;
    for res in futures_util::future::join_all(bombs).await {
        match res.status().as_u16() {
            201 => {}
            422 => {
                let body: Value = res.json().await.unwrap();
                assert_eq!(body["errors"][0]["code"], "image_too_large", "{body}");
                refused += 1;
            }
            other => panic!("a 100-megapixel upload got {other}"),
        }
    }
    let bombs_took = started.elapsed();

    let started = std::time::Instant::now();
    let largest = (0..8).map(|_| {
        upload(
            &app,
            &crew.officer,
            id,
            "xray",
            "scan.png",
            largest_png.clone(),
        )
    });
    for res in futures_util::future::join_all(largest).await {
        assert_eq!(res.status(), 201, "a 24-megapixel upload is taken");
    }
    let largest_took = started.elapsed();

    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let sampled = sampler.await.unwrap();
    let peak = memory("VmHWM:").max(sampled);
    eprintln!(
        "20 × 100-megapixel PNG ({} KiB each): {refused} refused in {:.2} s; \
         8 × 24-megapixel PNG ({} KiB each) taken in {:.2} s; \
         RSS before {} MiB, peak {} MiB (VmHWM {} MiB, sampled {} MiB)",
        bomb.len() / 1024,
        bombs_took.as_secs_f64(),
        largest_png.len() / 1024,
        largest_took.as_secs_f64(),
        baseline / MIB,
        peak / MIB,
        memory("VmHWM:") / MIB,
        sampled / MIB,
    );
    assert!(peak < 500 * MIB, "peak RSS {} MiB", peak / MIB);
    // Two decodes at a time take about 2 × 72 MB; eight at once would take 576 MB.
    assert!(
        peak - baseline < 300 * MIB,
        "the uploads took {} MiB",
        (peak - baseline) / MIB
    );
}

const BOUNDARY: &str = "ncen-test-boundary-7d1c";

/// A multipart/form-data body with the given text fields, then the file.
fn form_body(fields: &[(&str, &str)], filename: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Sends a body in 16 KiB chunks with no Content-Length (Transfer-Encoding: chunked).
async fn chunked_upload(
    app: &TestApp,
    token: &str,
    case_id: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        body.chunks(16 * 1024).map(|c| Ok(c.to_vec())).collect();
    app.client
        .post(app.url(&format!("/api/v1/seizures/{case_id}/attachments")))
        .bearer_auth(token)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_upload_limit_holds_for_chunked_bodies_without_a_length() {
    let app = TestApp::spawn_with(|s| s.upload_limit = 200 * 1024).await;
    let crew = crew(&app).await;
    let case = create(&app, &crew.officer, offence("2026-05-01T10:00:00Z")).await;
    let id = case["id"].as_str().unwrap();

    // One file over the limit.
    let body = form_body(&[("kind", "document")], "big.pdf", &vec![b'%'; 1024 * 1024]);
    assert_problem(
        chunked_upload(&app, &crew.officer, id, body).await,
        413,
        "payload_too_large",
    )
    .await;
    // Many small fields, each within its own bound, adding up to far more than the limit.
    let caption = "x".repeat(4000);
    let fields: Vec<(&str, &str)> = std::iter::once(("kind", "photo"))
        .chain(std::iter::repeat_n(("caption", caption.as_str()), 300))
        .collect();
    let body = form_body(&fields, "a.png", &png(4, 4));
    assert_problem(
        chunked_upload(&app, &crew.officer, id, body).await,
        413,
        "payload_too_large",
    )
    .await;

    assert_eq!(app.stored_files(), 0, "nothing is stored");
    let full: Value = app
        .get(&format!("/api/v1/seizures/{id}"), &crew.officer)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(full["attachments"], json!([]));
    assert!(app.audit_rows("attachment.upload").await.is_empty());

    // A chunked upload within the limit is taken like any other.
    let body = form_body(
        &[("kind", "photo"), ("caption", "Exhibit")],
        "a.png",
        &png(64, 64),
    );
    let res = chunked_upload(&app, &crew.officer, id, body).await;
    assert_eq!(res.status(), 201);
    assert_eq!(app.stored_files(), 2, "the image and its thumbnail");
}
