//! Photos, X-rays and documents: typed by content, cleaned, size- and bomb-limited,
//! downloadable with the right headers, every download audited.

use crate::seizures::{create, crew, new_unit, offence, user_in};
use img_parts::ImageEXIF;
use ncen_tests::{assert_problem, png, upload, TestApp};
use serde_json::{json, Value};

fn jpeg_with_exif(secret: &[u8]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(640, 480, image::Rgb([30, 60, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    let mut jpeg = img_parts::jpeg::Jpeg::from_bytes(out.into_inner().into()).unwrap();
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(secret);
    jpeg.set_exif(Some(exif[6..].to_vec().into()));
    jpeg.encoder().bytes().to_vec()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn officers_upload_photos_and_xrays_that_come_back_clean_and_audited() {
    let app = TestApp::spawn().await;
    let crew = crew(&app).await;
    let case = create(&app, &crew.officer, offence("2026-05-01T10:00:00Z")).await;
    let id = case["id"].as_str().unwrap();

    let photo = jpeg_with_exif(b"GPS 48.85N 2.35E owner Jane Smith");
    assert!(contains(&photo, b"Jane Smith"));
    // The name says PNG; the content decides.
    let res = upload(&app, &crew.officer, id, "photo", "suitcase.png", photo).await;
    assert_eq!(res.status(), 201);
    let photo: Value = res.json().await.unwrap();
    assert_eq!(photo["media_type"], "image/jpeg");
    assert_eq!(photo["kind"], "photo");
    assert_eq!(photo["caption"], "Exhibit");
    assert_eq!(
        (photo["width"].as_i64(), photo["height"].as_i64()),
        (Some(640), Some(480))
    );
    assert_eq!(photo["has_thumbnail"], true);

    let xray = upload(&app, &crew.officer, id, "xray", "scan.png", png(1200, 800)).await;
    assert_eq!(xray.status(), 201);
    let pdf = upload(
        &app,
        &crew.officer,
        id,
        "document",
        "report.pdf",
        pdf_with_metadata(1),
    )
    .await;
    assert_eq!(pdf.status(), 201);

    // The case view lists them, oldest first.
    let full: Value = app
        .get(&format!("/api/v1/seizures/{id}"), &crew.supervisor)
        .await
        .json()
        .await
        .unwrap();
    let kinds: Vec<&str> = full["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["photo", "xray", "document"]);

    // Download: right type, a Content-Disposition, no metadata left, same hash as listed.
    let res = app
        .get(photo["content_url"].as_str().unwrap(), &crew.supervisor)
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let cd = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cd.starts_with("attachment") && cd.contains("suitcase.png"),
        "{cd}"
    );
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    let bytes = res.bytes().await.unwrap();
    assert!(!contains(&bytes, b"Jane Smith"), "EXIF must be stripped");
    assert!(
        image::load_from_memory(&bytes).is_ok(),
        "the image itself is intact"
    );
    use sha2::Digest;
    assert_eq!(photo["sha256"], hex_of(&sha2::Sha256::digest(&bytes)));

    let thumb = app
        .get(photo["thumbnail_url"].as_str().unwrap(), &crew.supervisor)
        .await;
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    let thumb = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert!(thumb.width() <= 320 && thumb.height() <= 320);
    let doc: Value = pdf.json().await.unwrap();
    assert!(doc["thumbnail_url"].is_null());
    let res = app
        .get(
            &format!(
                "/api/v1/attachments/{}/thumbnail",
                doc["id"].as_str().unwrap()
            ),
            &crew.supervisor,
        )
        .await;
    assert_problem(res, 404, "not_found").await;

    let downloads = app.audit_rows("attachment.download").await;
    assert_eq!(downloads.len(), 1);
    assert_eq!(downloads[0].1.as_deref(), Some("sam"));
    assert_eq!(app.audit_rows("attachment.upload").await.len(), 3);
    assert_eq!(app.audit_rows("attachment.thumbnail").await.len(), 1);
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn mislabelled_corrupt_oversized_and_bomb_uploads_are_refused_and_nothing_is_kept() {
    let app = TestApp::spawn_with(|s| s.upload_limit = 200 * 1024).await;
    let crew = crew(&app).await;
    let case = create(&app, &crew.officer, offence("2026-05-01T10:00:00Z")).await;
    let id = case["id"].as_str().unwrap();

    let field = |body: Value| body["errors"][0]["field"].as_str().unwrap().to_string();
    let code = |body: &Value| body["errors"][0]["code"].as_str().unwrap().to_string();

    let body = assert_problem(
        upload(
            &app,
            &crew.officer,
            id,
            "photo",
            "holiday.jpg",
            b"MZ\x90\x00\x03 not really a photo".to_vec(),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        (field(body.clone()), code(&body)),
        ("file".into(), "unsupported_type".into())
    );

    let body = assert_problem(
        upload(
            &app,
            &crew.officer,
            id,
            "photo",
            "report.jpg",
            b"%PDF-1.7\n%%EOF".to_vec(),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(
        (field(body.clone()), code(&body)),
        ("kind".into(), "mismatch".into())
    );

    let mut truncated = png(64, 64);
    truncated.truncate(60);
    let body = assert_problem(
        upload(&app, &crew.officer, id, "photo", "x.png", truncated).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(field(body), "file");

    // A tiny PNG whose header announces 30000 × 30000 pixels.
    let bomb = ncen_tests::png_announcing(30_000, 30_000);
    let body = assert_problem(
        upload(&app, &crew.officer, id, "xray", "bomb.png", bomb).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(code(&body), "image_too_large");

    let body = assert_problem(
        upload(&app, &crew.officer, id, "painting", "x.png", png(4, 4)).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(field(body), "kind");
    let body = assert_problem(
        upload(&app, &crew.officer, id, "photo", "empty.png", Vec::new()).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(field(body), "file");

    let big = vec![0xFFu8; 300 * 1024];
    assert_problem(
        upload(&app, &crew.officer, id, "document", "big.bin", big).await,
        413,
        "payload_too_large",
    )
    .await;

    let res = app
        .post(
            &format!("/api/v1/seizures/{id}/attachments"),
            &crew.officer,
            json!({ "kind": "photo" }),
        )
        .await;
    assert_problem(res, 415, "unsupported_media_type").await;

    let full: Value = app
        .get(&format!("/api/v1/seizures/{id}"), &crew.officer)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(full["attachments"], json!([]));
    assert!(app.audit_rows("attachment.upload").await.is_empty());
}

#[tokio::test]
async fn only_the_owning_unit_adds_attachments_and_only_while_the_case_is_open() {
    let app = TestApp::spawn().await;
    let crew = crew(&app).await;
    let case = create(&app, &crew.officer, offence("2026-05-01T10:00:00Z")).await;
    let id = case["id"].as_str().unwrap();

    assert_problem(
        upload(&app, &crew.analyst, id, "photo", "a.png", png(4, 4)).await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        upload(&app, &crew.admin, id, "photo", "a.png", png(4, 4)).await,
        403,
        "forbidden",
    )
    .await;
    let other_unit = new_unit(&app, &crew.admin, "SOUTH").await;
    let stranger = user_in(&app, &crew.admin, "stan", &["officer"], &other_unit).await;
    // Another unit's draft does not exist for them.
    assert_problem(
        upload(&app, &stranger, id, "photo", "a.png", png(4, 4)).await,
        404,
        "not_found",
    )
    .await;
    let missing = uuid::Uuid::new_v4();
    assert_problem(
        upload(
            &app,
            &crew.officer,
            &missing.to_string(),
            "photo",
            "a.png",
            png(4, 4),
        )
        .await,
        404,
        "not_found",
    )
    .await;

    let res = upload(&app, &crew.officer, id, "photo", "a.png", png(4, 4)).await;
    let att: Value = res.json().await.unwrap();
    // Admins see no case data, attachments included.
    assert_problem(
        app.get(att["content_url"].as_str().unwrap(), &crew.admin)
            .await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        app.get(
            &format!("/api/v1/attachments/{}/content", uuid::Uuid::new_v4()),
            &crew.analyst,
        )
        .await,
        404,
        "not_found",
    )
    .await;

    // Submitted by the officer and validated by the supervisor: the case is locked.
    let submit = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{id}/submit")))
        .bearer_auth(&crew.officer)
        .header("If-Match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(submit.status(), 200);
    let validate = app
        .client
        .post(app.url(&format!("/api/v1/seizures/{id}/validate")))
        .bearer_auth(&crew.supervisor)
        .header("If-Match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert_eq!(validate.status(), 200);
    assert_problem(
        upload(&app, &crew.supervisor, id, "photo", "late.png", png(4, 4)).await,
        409,
        "conflict",
    )
    .await;
}

/// A PDF of `pages` pages whose information dictionary names its author and producer and
/// whose catalog carries an XMP packet saying the same.
fn pdf_with_metadata(pages: usize) -> Vec<u8> {
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
            "attachments::memory_budget_probe",
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
