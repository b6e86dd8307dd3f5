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

mod bounds;
use bounds::pdf_with_metadata;
