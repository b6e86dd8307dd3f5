//! The pictures of a case: attachment rows for a photo and an X-ray, and their bytes for the attachment store.

use super::cases::Facts;
use super::catalog::Mode;
use super::goods::Item;
use super::images;
use super::random::new_id;
use super::sql;
use super::state::Gen;
use chrono::{DateTime, Utc};
use ncen_core::files::{media, storage::Storage};
use rand::Rng;
use sha2::{Digest, Sha256};

/// A picture to store once the rows are written.
pub(super) struct Picture {
    key: String,
    thumb_key: String,
    content: Vec<u8>,
    thumbnail: Vec<u8>,
}

impl Gen<'_> {
    /// Draws the pictures of a picked case and writes their attachment rows.
    pub(super) fn pictures(
        &mut self,
        index: usize,
        c: &Facts,
        items: &[(Item, Vec<String>)],
        created_at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let Facts {
            case_id,
            office,
            mode,
            group,
            officer_id,
            ..
        } = *c;
        // Pictures.
        if self.pictured.contains(&index) && !items.is_empty() {
            let xray = matches!(
                mode,
                Mode::SeaContainer
                    | Mode::Road
                    | Mode::SeaRoRo
                    | Mode::Rail
                    | Mode::Express
                    | Mode::Postal
                    | Mode::AirCargo
            );
            let mut kinds = vec!["photo"];
            if xray && self.rng.random_bool(0.6) {
                kinds.push("xray");
            }
            for kind in kinds {
                let raw = if kind == "photo" {
                    images::photo(&mut self.rng, group)
                } else {
                    images::xray(&mut self.rng)
                };
                let prepared = media::prepare(raw, media::DEFAULT_MAX_PIXELS)
                    .map_err(|e| anyhow::anyhow!("demo picture refused: {e:?}"))?;
                let stored = media::stored_type(&prepared);
                let attachment_id = new_id(&mut self.rng);
                let key = format!("seizures/{case_id}/{attachment_id}.{}", stored.extension());
                let thumb_key = format!("seizures/{case_id}/{attachment_id}-thumb.jpg");
                let sha = Sha256::digest(&prepared.content).to_vec();
                let uploaded_at = self.at(created_at, 0, 3);
                let filename = if kind == "photo" {
                    format!("IMG_{}.jpg", self.rng.random_range(1000..9999))
                } else {
                    format!(
                        "NII_{}_{}.png",
                        office.code,
                        self.rng.random_range(10000..99999)
                    )
                };
                let caption = if kind == "photo" {
                    "The seized goods laid out for counting"
                } else {
                    "X-ray image showing the anomaly"
                };
                self.t.attachments.push(&[
                    sql::uuid(attachment_id),
                    sql::uuid(case_id),
                    sql::text(kind),
                    sql::text(caption),
                    sql::boolean(kind == "xray"),
                    sql::text(stored.mime()),
                    sql::text(&filename),
                    sql::int(prepared.content.len() as i64),
                    sql::bytes(&sha),
                    sql::opt_int(prepared.width.map(i64::from)),
                    sql::opt_int(prepared.height.map(i64::from)),
                    sql::text(&key),
                    sql::text(&thumb_key),
                    sql::uuid(officer_id),
                    sql::time(uploaded_at),
                ]);
                self.pictures.push(Picture {
                    key,
                    thumb_key,
                    content: prepared.content,
                    thumbnail: prepared.thumbnail.unwrap_or_default(),
                });
                self.report.attachments += 1;
            }
        }
        Ok(())
    }
}

/// Stores the picture bytes (before the rows become visible).
pub(super) async fn store(storage: &Storage, pictures: &[Picture]) -> anyhow::Result<()> {
    for p in pictures {
        storage.put(&p.key, p.content.clone()).await?;
        storage.put(&p.thumb_key, p.thumbnail.clone()).await?;
    }
    Ok(())
}
