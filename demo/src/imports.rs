//! Bulk imports, as a server runs them (the files in the store, the jobs through the imports
//! worker, as the demo users):
//! - the Paris-CDG passenger office's week of seizures, kept in a spreadsheet by its
//!   supervisor and sent as CSV: a dry run finds one bad row (an unknown commodity group),
//!   then the valid rows are committed — one courier is linked to the register by his
//!   passport, written differently; another, the namesake of a register person born four
//!   years apart, is created and proposed beside him, not merged;
//! - the national unit's migration of companies from the old registry, NDJSON, all or
//!   nothing.

use crate::alerts::user;
use anyhow::{anyhow, bail, Context};
use chrono::{Duration, Utc};
use diesel::sql_types::{Nullable, SmallInt, Text};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::files::storage::Storage;
use ncen_core::imports::dto::{
    ImportFormat, ImportJob, ImportMode, ImportRequest, ImportStatus, RecordType,
};
use ncen_core::imports::service::{self as jobs, Upload};
use ncen_core::imports::worker;
use ncen_core::registers::match_keys::person_facts;
use ncen_core::registers::persons::dto::PersonInput;
use ncen_core::screening::dto::Band;
use ncen_core::screening::service::screen_person;
use ncen_core::screening::Thresholds;
use serde_json::json;
use sha2::{Digest, Sha256};
use uuid::Uuid;

#[derive(QueryableByName)]
struct Holder {
    #[diesel(sql_type = Text)]
    family_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    given_names: Option<String>,
    #[diesel(sql_type = Text)]
    number: String,
    #[diesel(sql_type = Nullable<Text>)]
    issuing_country: Option<String>,
}

#[derive(QueryableByName)]
struct Born {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    family_name: String,
    #[diesel(sql_type = Text)]
    given_names: String,
    #[diesel(sql_type = SmallInt)]
    birth_year: i16,
    #[diesel(sql_type = SmallInt)]
    birth_month: i16,
    #[diesel(sql_type = SmallInt)]
    birth_day: i16,
}

const HEADER: &[&str] = &[
    "external_id",
    "kind",
    "detected_at",
    "place",
    "location_type",
    "unlocode",
    "country",
    "direction",
    "detection_methods[0]",
    "summary_non_nominal",
    "goods[0].commodity_group",
    "goods[0].commodity_type",
    "goods[0].quantity",
    "goods[0].unit",
    "persons[0].role",
    "persons[0].person.family_name",
    "persons[0].person.given_names",
    "persons[0].person.date_of_birth",
    "persons[0].person.documents[0].document_type",
    "persons[0].person.documents[0].number",
    "persons[0].person.documents[0].issuing_country",
];

/// A row of the week's spreadsheet: goods, and the courier when there is one.
struct Row<'a> {
    goods: (&'a str, &'a str, &'a str, &'a str),
    method: &'a str,
    summary: &'a str,
    courier: Option<[String; 6]>,
}

/// The week's spreadsheet (CSV) of the Paris-CDG passenger office.
fn week(holder: &Holder, born: &Born, namesake_dob: &str) -> anyhow::Result<Vec<u8>> {
    let passport = |name: &str, given: &str, dob: &str, number: &str, country: &str| {
        Some([
            name.to_string(),
            given.to_string(),
            dob.to_string(),
            "passport".into(),
            number.to_string(),
            country.to_string(),
        ])
    };
    let bare = |name: &str, given: &str, dob: &str| {
        Some([
            name.to_string(),
            given.to_string(),
            dob.to_string(),
            String::new(),
            String::new(),
            String::new(),
        ])
    };
    // the register's passport, spaced and in lower case, under the name as the courier wrote it
    let spaced: String = holder
        .number
        .to_lowercase()
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i == 2).then_some(' ').into_iter().chain([c]))
        .collect();
    let rows = [
        Row {
            goods: ("drugs", "cannabis_resin", "3.2", "kg"),
            method: "risk_profiling",
            summary: "Cannabis resin in a suitcase's lining",
            courier: passport(
                &holder.family_name.to_uppercase(),
                holder.given_names.as_deref().unwrap_or_default(),
                "",
                &spaced,
                holder.issuing_country.as_deref().unwrap_or_default(),
            ),
        },
        Row {
            goods: ("drugs", "cocaine", "1.1", "kg"),
            method: "xray_nii",
            summary: "Cocaine in the false bottom of a bag",
            courier: bare(&born.family_name, &born.given_names, namesake_dob),
        },
        Row {
            goods: ("tobacco", "cigarettes", "12000", "sticks"),
            method: "random_selection",
            summary: "Undeclared cigarettes in checked luggage",
            courier: bare("DIALLO", "Mamadou", "1991-07-14"),
        },
        Row {
            goods: ("currency", "banknotes", "96", "pcs"),
            method: "detector_dog",
            summary: "Undeclared cash (EUR 48 000) on a passenger from Dubai",
            courier: passport("KOVAČ", "Ivana", "1986-02-03", "HR8812390", "HR"),
        },
        Row {
            goods: ("medicines", "erectile_dysfunction", "900", "tablets"),
            method: "xray_nii",
            summary: "Counterfeit tablets in a passenger's hand luggage",
            courier: None,
        },
        Row {
            goods: ("wildlife", "ivory", "2.5", "kg"),
            method: "risk_profiling",
            summary: "Carved ivory in a passenger's luggage",
            courier: bare("NGUYEN", "Van An", "1975-11-30"),
        },
        Row {
            // a typing slip in the spreadsheet: refused at its line, the others imported
            goods: ("drogues", "cocaine", "0.8", "kg"),
            method: "risk_profiling",
            summary: "Cocaine in shampoo bottles",
            courier: bare("SILVA", "Pedro", "1990-05-21"),
        },
        Row {
            goods: ("ipr", "ipr_watches_jewellery", "35", "pcs"),
            method: "random_selection",
            summary: "Counterfeit watches in a passenger's luggage",
            courier: None,
        },
    ];
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)?;
    let monday = Utc::now() - Duration::days(7);
    for (i, r) in rows.iter().enumerate() {
        let at = (monday + Duration::hours(20 * i as i64 + 9)).to_rfc3339();
        let mut cells = vec![
            format!("CDG-W-{:03}", i + 1),
            "seizure".into(),
            at,
            "Paris-CDG Terminal 2, arrivals".into(),
            "airport".into(),
            "FRCDG".into(),
            "FR".into(),
            "import".into(),
            r.method.into(),
            r.summary.into(),
            r.goods.0.into(),
            r.goods.1.into(),
            r.goods.2.into(),
            r.goods.3.into(),
        ];
        match &r.courier {
            Some(p) => {
                cells.push("courier".into());
                cells.extend(p.iter().cloned());
            }
            None => cells.extend(std::iter::repeat_n(String::new(), 7)),
        }
        w.write_record(&cells)?;
    }
    w.into_inner().map_err(|e| anyhow!("{e}"))
}

/// The old registry's companies (NDJSON).
fn registry() -> anyhow::Result<Vec<u8>> {
    const COMPANIES: &[(&str, &str, &str, &str)] = &[
        ("RCS-0001", "Transports Delacroix SARL", "FR", "carrier"),
        ("RCS-0002", "Atlas Fret International", "MA", "forwarder"),
        ("RCS-0003", "Nordhavn Shipping ApS", "DK", "carrier"),
        ("RCS-0004", "Sahel Import Export", "SN", "importer"),
        ("RCS-0005", "Lyon Textiles Négoce", "FR", "importer"),
        ("RCS-0006", "Rotterdam Customs Brokers BV", "NL", "broker"),
        ("RCS-0007", "Anatolia Tobacco Trading", "TR", "exporter"),
        (
            "RCS-0008",
            "Guangzhou Bright Star Co. Ltd",
            "CN",
            "exporter",
        ),
    ];
    let mut out = Vec::new();
    for (id, name, country, activity) in COMPANIES {
        let line = json!({
            "external_id": id, "name": name, "country": country, "activities": [activity],
        });
        out.extend(serde_json::to_vec(&line)?);
        out.push(b'\n');
    }
    Ok(out)
}

/// A register person and a date of birth a few years from theirs under which the matching
/// engine finds them close but not the same (the review band, no hit): the spreadsheet's
/// namesake, which the import creates and proposes beside them.
async fn namesake(
    conn: &mut AsyncPgConnection,
    thresholds: Thresholds,
    not: &str,
) -> anyhow::Result<(Born, String)> {
    let people: Vec<Born> = diesel::sql_query(
        "SELECT id, family_name, given_names, birth_year, birth_month, birth_day FROM persons \
         WHERE given_names IS NOT NULL AND birth_day IS NOT NULL AND birth_month IS NOT NULL \
           AND birth_year < 2000 AND family_name <> $1 \
         ORDER BY id LIMIT 40",
    )
    .bind::<Text, _>(not)
    .load(conn)
    .await?;
    for born in people {
        for years in [4, 3, 5, 6, 2] {
            let dob = format!(
                "{:04}-{:02}-{:02}",
                born.birth_year + years,
                born.birth_month,
                born.birth_day
            );
            let input: PersonInput = serde_json::from_value(json!({
                "family_name": born.family_name, "given_names": born.given_names,
                "date_of_birth": dob,
            }))?;
            let found = screen_person(conn, thresholds, &person_facts(&input), 4)
                .await
                .map_err(|e| anyhow!("screening the demo namesake: {e}"))?
                .candidates;
            let close = found
                .iter()
                .any(|c| c.id == born.id && c.band == Band::Review);
            if close && found.iter().all(|c| c.band != Band::Hit) {
                return Ok((born, dob));
            }
        }
    }
    bail!("no register person has a namesake the engine puts in the review band")
}

/// Keeps a file in the store as an upload does.
async fn keep(storage: &Storage, bytes: Vec<u8>) -> anyhow::Result<Upload> {
    let id = Uuid::now_v7();
    let key = format!("imports/{id}");
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let size_bytes = bytes.len() as i64;
    storage.put(&key, bytes).await?;
    Ok(Upload {
        id,
        storage_key: key,
        size_bytes,
        sha256,
    })
}

/// Runs queued imports (a server's worker may take them first) until `id` has ended.
async fn until_done(
    conn: &mut AsyncPgConnection,
    pool: &ncen_core::db::Pool,
    storage: &Storage,
    settings: &worker::Settings,
    unit: Uuid,
    id: Uuid,
) -> anyhow::Result<ImportJob> {
    for _ in 0..3000 {
        let job = jobs::get(conn, unit, id).await?;
        if job.status.is_final() {
            return Ok(job);
        }
        match worker::claim(conn).await? {
            Some(claimed) => worker::run(pool, storage, settings, claimed).await?,
            None => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
    bail!("the demo import {id} did not end")
}

/// Runs the two imports; how many jobs they made.
pub async fn create(
    conn: &mut AsyncPgConnection,
    url: &str,
    storage: &Storage,
    country: &str,
    thresholds: Thresholds,
) -> anyhow::Result<u64> {
    let holder: Holder = diesel::sql_query(
        "SELECT p.family_name, p.given_names, d.number, d.issuing_country FROM persons p \
         JOIN person_documents d ON d.person_id = p.id \
         WHERE d.document_type = 'passport' AND p.given_names IS NOT NULL \
           AND length(d.number) >= 6 AND d.number ~ '^[A-Z0-9]+$' \
         ORDER BY p.id LIMIT 1",
    )
    .get_result(conn)
    .await
    .context("a register person with a passport")?;
    let (born, namesake_dob) = namesake(conn, thresholds, &holder.family_name).await?;
    let pool = ncen_core::db::pool(url, 2, 0)?;
    let settings = worker::Settings {
        country: country.to_string(),
        thresholds,
    };
    let fail = |what: &'static str| move |e: ncen_core::error::Error| anyhow!("{what}: {e}");

    // the week's spreadsheet: checked, then its valid rows imported
    let (sup, sup_actor) = user(conn, "cdg-pax.supervisor").await?;
    let upload = keep(storage, week(&holder, &born, &namesake_dob)?).await?;
    let req = ImportRequest {
        record_type: RecordType::Cases,
        format: ImportFormat::Csv,
        mode: ImportMode::ValidRows,
        dry_run: true,
        source_system: "cdg-weekly-sheet".into(),
        filename: Some("saisies-cdg-semaine.csv".into()),
    };
    let dry = jobs::create(conn, &sup_actor, &sup, &req, &upload)
        .await
        .map_err(fail("demo import"))?;
    let dry = until_done(conn, &pool, storage, &settings, sup.unit_id, dry.id).await?;
    if dry.status != ImportStatus::Succeeded {
        bail!("the demo dry run ended {:?}: {:?}", dry.status, dry.failure);
    }
    let commit = jobs::commit(conn, &sup_actor, &sup, dry.id, None)
        .await
        .map_err(fail("demo import commit"))?;
    until_done(conn, &pool, storage, &settings, sup.unit_id, commit.id).await?;

    // the national unit's companies from the old registry, all or nothing
    let (chief, chief_actor) = user(conn, "ncu.supervisor").await?;
    let upload = keep(storage, registry()?).await?;
    let req = ImportRequest {
        record_type: RecordType::Companies,
        format: ImportFormat::Ndjson,
        mode: ImportMode::AllOrNothing,
        dry_run: false,
        source_system: "legacy-registry".into(),
        filename: Some("registre-societes.ndjson".into()),
    };
    let job = jobs::create(conn, &chief_actor, &chief, &req, &upload)
        .await
        .map_err(fail("demo registry import"))?;
    until_done(conn, &pool, storage, &settings, chief.unit_id, job.id).await?;
    Ok(3)
}
