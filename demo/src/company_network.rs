//! The company database's demo: structures an analyst of trade fraud meets — a group with
//! its subsidiaries (shares), a company-formation agent's address hosting dozens of shell
//! companies, a director shared across companies, a phoenix chain (each company dissolved and
//! succeeded by the next, same director, same bank account), valid identifiers of several
//! countries (check digits computed), and cases naming them so that some are risky: the chain's
//! dissolved companies have earlier cases, its live successor the latest one.
//!
//! Records go through the registers (`Register::insert`: keys, matching) and the company
//! database's services as the demo users (audited, risk recomputed).

use crate::alerts::user;
use anyhow::Context;
use diesel::sql_types::{Integer, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::codelists::book::CodeBook;
use ncen_core::common::check::Checker;
use ncen_core::companies::dto::{
    CompanyFlagInput, CompanyPersonInput, PersonRole, RelationInput, RelationKind, TypologyInput,
};
use ncen_core::companies::{links, profile};
use ncen_core::registers::companies::dto::{
    CompanyAddress, CompanyIdentifier, CompanyInput, FormerName,
};
use ncen_core::registers::companies::ids::TradeIdKind;
use ncen_core::registers::companies::Companies;
use ncen_core::registers::persons::dto::PersonInput;
use ncen_core::registers::persons::Persons;
use ncen_core::registers::Register;
use serde_json::json;
use uuid::Uuid;

/// The live company of the phoenix chain, named in the latest demo drug case.
pub const PHOENIX_LIVE: &str = "Orionis Distribution";
/// Its director, also director of the dissolved companies before it.
pub const DIRECTOR: (&str, &str) = ("Marchetti", "Paolo");

/// What it made.
#[derive(Debug, Default)]
pub struct Made {
    pub companies: u64,
    pub links: usize,
}

/// ISO 7064 mod 97-10 check digits of `body` (letters as 10–35), as IBAN and LEI use them.
fn mod97_check(body: &str) -> String {
    let mut rem: u32 = 0;
    for c in body.chars() {
        let v = c.to_digit(36).unwrap_or(0);
        let digits = if v >= 10 { 100 } else { 10 };
        rem = (rem * digits + v) % 97;
    }
    format!("{:02}", 98 - rem)
}

fn iban(country: &str, bban: &str) -> String {
    let check = mod97_check(&format!("{bban}{country}00"));
    format!("{country}{check}{bban}")
}

fn lei(prefix18: &str) -> String {
    format!("{prefix18}{}", mod97_check(&format!("{prefix18}00")))
}

/// A SIREN: eight digits and the Luhn check digit.
fn siren(eight: &str) -> String {
    let digits: Vec<u32> = eight.chars().filter_map(|c| c.to_digit(10)).collect();
    for last in 0..10 {
        let mut all = digits.clone();
        all.push(last);
        let sum: u32 = all
            .iter()
            .rev()
            .enumerate()
            .map(|(i, d)| {
                if i % 2 == 1 {
                    let x = d * 2;
                    if x > 9 {
                        x - 9
                    } else {
                        x
                    }
                } else {
                    *d
                }
            })
            .sum();
        if sum.is_multiple_of(10) {
            return format!("{eight}{last}");
        }
    }
    format!("{eight}0")
}

/// The French VAT number of a SIREN: `FR`, the key (12 + 3 × (SIREN mod 97)) mod 97, SIREN.
fn fr_vat(siren: &str) -> String {
    let n: u64 = siren.parse().unwrap_or(0);
    format!("FR{:02}{siren}", (12 + 3 * (n % 97)) % 97)
}

fn id(kind: TradeIdKind, value: &str, country: Option<&str>) -> CompanyIdentifier {
    CompanyIdentifier {
        kind,
        value: value.to_string(),
        country: country.map(str::to_string),
    }
}

fn address(kind: &str, street: &str, postcode: &str, city: &str, country: &str) -> CompanyAddress {
    CompanyAddress {
        kind: serde_json::from_value(json!(kind)).ok(),
        street: Some(street.into()),
        postcode: (!postcode.is_empty()).then(|| postcode.into()),
        city: Some(city.into()),
        country: Some(country.into()),
    }
}

pub(crate) async fn company(
    conn: &mut AsyncPgConnection,
    book: &CodeBook,
    by: Uuid,
    input: CompanyInput,
) -> anyhow::Result<Uuid> {
    let name = input.name.clone().unwrap_or_default();
    let mut ck = Checker::new();
    let clean = Companies::clean(input, book, "", &mut ck);
    ck.finish()
        .map_err(|e| anyhow::anyhow!("demo company {name}: {e:?}"))?;
    let id = Uuid::new_v4();
    Companies::insert(conn, id, &clean, by, None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(id)
}

#[derive(QueryableByName)]
struct CaseRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The `skip`-th validated case of `group` detected at least `min_days` ago (newest first).
pub(crate) async fn case(
    conn: &mut AsyncPgConnection,
    group: &str,
    min_days: i32,
    skip: i32,
) -> anyhow::Result<Option<Uuid>> {
    let rows: Vec<CaseRow> = diesel::sql_query(
        "SELECT c.id FROM seizure_cases c WHERE c.status = 'validated' \
           AND c.detected_at < now() - make_interval(days => $2) \
           AND EXISTS (SELECT 1 FROM seizure_goods g WHERE g.case_id = c.id AND g.commodity_group = $1) \
         ORDER BY c.detected_at DESC, c.id OFFSET $3 LIMIT 1",
    )
    .bind::<Text, _>(group)
    .bind::<Integer, _>(min_days)
    .bind::<Integer, _>(skip)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next().map(|r| r.id))
}

/// Names `company` in `case` as importer (after the case's own companies).
pub(crate) async fn name_in_case(
    conn: &mut AsyncPgConnection,
    case: Uuid,
    company: Uuid,
) -> anyhow::Result<()> {
    diesel::sql_query(
        "INSERT INTO seizure_case_companies (case_id, company_id, role, position) \
         SELECT $1, $2, 'importer', coalesce(max(position), 0) + 1 FROM seizure_case_companies WHERE case_id = $1 \
         ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(case)
    .bind::<SqlUuid, _>(company)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn create(conn: &mut AsyncPgConnection) -> anyhow::Result<Made> {
    let (officer, officer_actor) = user(conn, "ncu.investigator").await?;
    let (analyst, analyst_actor) = user(conn, "ncu.analyst").await?;
    let by = officer.id;
    let book = CodeBook::load(conn, Companies::CODE_LISTS).await?;
    let mut made = Made::default();
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();

    // The director shared along the phoenix chain and with the group.
    let mut ck = Checker::new();
    let director = Persons::clean(
        PersonInput {
            family_name: Some(DIRECTOR.0.into()),
            given_names: Some(DIRECTOR.1.into()),
            date_of_birth: Some("1971-09-14".into()),
            nationalities: vec!["IT".into()],
            ..Default::default()
        },
        &CodeBook::load(conn, Persons::CODE_LISTS).await?,
        "",
        &mut ck,
    );
    let director_id = Uuid::new_v4();
    Persons::insert(conn, director_id, &director, by, None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;

    // The phoenix chain: same bank account, same director, each dissolved and succeeded.
    let account = iban("FR", "30004000031234567890143");
    let chain = [
        (
            "Orion Textiles",
            "fr_sarl",
            "2014-02-03",
            "dissolved",
            Some("2021-03-31"),
            "31457812",
        ),
        (
            "Orion Trading",
            "fr_sas",
            "2021-04-12",
            "dissolved",
            Some("2024-01-31"),
            "84210933",
        ),
        (
            PHOENIX_LIVE,
            "fr_sas",
            "2024-02-19",
            "active",
            None,
            "91830244",
        ),
    ];
    let mut chain_ids = Vec::new();
    for (i, (name, form, since, status, ended, eight)) in chain.iter().enumerate() {
        let siren = siren(eight);
        let input = CompanyInput {
            name: Some(format!("{name} SAS")),
            legal_form: Some((*form).into()),
            country: Some("FR".into()),
            incorporated_on: date(since),
            status: Some((*status).into()),
            status_since: ended.and_then(date).or(date(since)),
            registration_number: Some(siren.clone()),
            eori: Some(format!("FR{siren}00017")),
            identifiers: vec![
                id(TradeIdKind::Vat, &fr_vat(&siren), None),
                id(TradeIdKind::Iban, &account, None),
            ],
            addresses: vec![address(
                "registered",
                &format!("{} avenue de la Gare", 14 + i * 30),
                "93200",
                "Saint-Denis",
                "FR",
            )],
            activities: vec!["importer".into(), "broker".into()],
            hs_chapters: vec!["24".into(), "61".into(), "64".into()],
            trade_countries: vec!["CN".into(), "AE".into(), "TR".into()],
            phones: vec!["+33 1 48 20 11 7".to_string() + &i.to_string()],
            ..Default::default()
        };
        chain_ids.push(company(conn, &book, by, input).await?);
        made.companies += 1;
    }
    for (i, c) in chain_ids.iter().enumerate() {
        let (from, until) = match i {
            0 => (date("2014-02-03"), date("2021-03-31")),
            1 => (date("2021-04-12"), date("2024-01-31")),
            _ => (date("2024-02-19"), None),
        };
        links::add_person(
            conn,
            &officer,
            &officer_actor,
            *c,
            CompanyPersonInput {
                person_id: director_id,
                role: PersonRole::Director,
                share_percent: None,
                from,
                until,
                note: None,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        made.links += 1;
        if i > 0 {
            links::add_relation(
                conn,
                &officer,
                &officer_actor,
                *c,
                RelationInput {
                    kind: RelationKind::SuccessorOf,
                    company_id: chain_ids[i - 1],
                    share_percent: None,
                    from,
                    until: None,
                    note: Some("Took over the stock, staff and customers".into()),
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            made.links += 1;
        }
    }
    // Earlier cases name the dissolved companies; the latest drug case the live successor.
    for (company, group, min_days, skip) in [
        (chain_ids[0], "tobacco", 900, 0),
        (chain_ids[1], "tobacco", 420, 0),
        (chain_ids[1], "ipr", 400, 0),
    ] {
        if let Some(case) = case(conn, group, min_days, skip).await? {
            name_in_case(conn, case, company).await?;
        }
    }
    let latest = case(conn, "drugs", 0, 0)
        .await?
        .context("a validated drug case")?;
    name_in_case(conn, latest, chain_ids[2]).await?;

    // A group: the holding and its subsidiaries, with the shares held.
    let holding = company(
        conn,
        &book,
        by,
        CompanyInput {
            name: Some("Meridian Holding B.V.".into()),
            legal_form: Some("nl_b_v".into()),
            country: Some("NL".into()),
            incorporated_on: date("2009-05-11"),
            status: Some("active".into()),
            identifiers: vec![
                id(TradeIdKind::Lei, &lei("724500MERIDIANHLD0"), None),
                id(TradeIdKind::Vat, "NL004495445B01", None),
            ],
            addresses: vec![address(
                "registered",
                "Wilhelminakade 91",
                "3072 AP",
                "Rotterdam",
                "NL",
            )],
            activities: vec!["importer".into()],
            former_names: vec![FormerName {
                name: Some("Meridian Shipping Group N.V.".into()),
                from: date("2009-05-11"),
                until: date("2016-12-31"),
            }],
            ..Default::default()
        },
    )
    .await?;
    made.companies += 1;
    let subsidiaries = [
        ("Meridian France SAS", "fr_sas", "FR", 100.0, "27645118"),
        ("Meridian Logistik GmbH", "de_gmbh", "DE", 60.0, ""),
        ("Meridian Belgium", "be_srl_bv", "BE", 51.0, ""),
    ];
    for (name, form, cc, share, eight) in subsidiaries {
        let mut identifiers = Vec::new();
        let mut registration = None;
        if cc == "FR" {
            let s = siren(eight);
            identifiers.push(id(TradeIdKind::Vat, &fr_vat(&s), None));
            registration = Some(s);
        }
        if cc == "DE" {
            identifiers.push(id(TradeIdKind::Vat, "DE136695976", None));
            identifiers.push(id(
                TradeIdKind::Iban,
                &iban("DE", "370400440532013000"),
                None,
            ));
        }
        if cc == "BE" {
            identifiers.push(id(TradeIdKind::Vat, "BE0403019261", None));
        }
        let sub = company(
            conn,
            &book,
            by,
            CompanyInput {
                name: Some(name.into()),
                legal_form: Some(form.into()),
                country: Some(cc.into()),
                status: Some("active".into()),
                registration_number: registration,
                identifiers,
                activities: vec!["forwarder".into()],
                ..Default::default()
            },
        )
        .await?;
        made.companies += 1;
        links::add_relation(
            conn,
            &officer,
            &officer_actor,
            holding,
            RelationInput {
                kind: RelationKind::Parent,
                company_id: sub,
                share_percent: Some(share),
                from: date("2015-01-01"),
                until: None,
                note: None,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        made.links += 1;
    }
    links::add_person(
        conn,
        &officer,
        &officer_actor,
        holding,
        CompanyPersonInput {
            person_id: director_id,
            role: PersonRole::BeneficialOwner,
            share_percent: Some(25.0),
            from: date("2018-06-01"),
            until: None,
            note: Some("Per the UBO register extract".into()),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    made.links += 1;

    // A formation agent's address in a free zone, hosting dozens of shells.
    for n in 1..=36 {
        company(
            conn,
            &book,
            by,
            CompanyInput {
                name: Some(format!(
                    "{} General Trading FZE",
                    ["Falcon", "Pearl", "Oasis", "Dune", "Zenith", "Crescent"][n % 6].to_string()
                        + &format!(" {n:02}")
                )),
                legal_form: Some("ae_fze".into()),
                country: Some("AE".into()),
                status: Some(if n % 5 == 0 { "dormant" } else { "active" }.into()),
                incorporated_on: date(&format!("20{:02}-0{}-1{}", 16 + n % 8, 1 + n % 9, n % 10)),
                addresses: vec![address(
                    "registered",
                    "Bay Square 12, Office 1408, Business Bay",
                    "",
                    "Dubai",
                    "AE",
                )],
                activities: vec!["exporter".into()],
                phones: vec!["+971 4 556 0190".into()],
                ..Default::default()
            },
        )
        .await?;
        made.companies += 1;
    }

    // The analyst's assessment of the chain's middle company.
    let older = case(conn, "tobacco", 420, 0).await?;
    if let Some(case) = older {
        profile::add_typology(
            conn,
            &analyst,
            &analyst_actor,
            chain_ids[1],
            TypologyInput {
                typology: "phoenix".into(),
                case_id: Some(case),
                investigation_id: None,
                note: Some(
                    "Dissolved two weeks after the seizure; business moved to its successor".into(),
                ),
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    profile::add_flag(
        conn,
        &analyst,
        &analyst_actor,
        chain_ids[0],
        CompanyFlagInput {
            points: 10,
            reason: "Unpaid customs debt written off at dissolution (2021)".into(),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(made)
}
