//! The exchange's demo: two partner administrations registered by the national liaison
//! officer, each with the legal basis that allows an exchange — a regional convention in the
//! nominal scope with Belgium, and a non-nominal memorandum with Morocco limited to drugs and
//! tobacco — so that a preview of a validated case shows what would leave, and what is
//! refused; each agreement has its signed instrument (a scan). The partners' keys are derived from the seed (their private halves exist nowhere)
//! unless given (`ncen demo --partner-key BE=<hex>`: `make two-nodes` registers two real
//! nodes with each other that way). A node never registers its own country.

use crate::alerts::user;
use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use ncen_core::exchange::dto::{CreateAgreement, CreatePartner, Instrument, Scope};
use ncen_core::exchange::{agreement_document, keys, service};
use ncen_core::files::{media, storage::Storage};

struct Partner {
    country: &'static str,
    name: &'static str,
    endpoint: &'static str,
    contact: &'static str,
    instrument: Instrument,
    reference: &'static str,
    purposes: &'static [&'static str],
    scope: Scope,
    groups: &'static [&'static str],
    from: (i32, u32, u32),
    until: Option<(i32, u32, u32)>,
}

const PARTNERS: [Partner; 3] = [
    Partner {
        country: "BE",
        name: "Administration générale des Douanes et Accises",
        endpoint: "http://127.0.0.1:8081",
        contact: "Icomm desk, +32 2 000 00 00",
        instrument: Instrument::RegionalConvention,
        reference:
            "Naples II Convention on mutual assistance between customs administrations (98/C 24/01)",
        purposes: &["Prevention, detection and prosecution of customs offences"],
        scope: Scope::Nominal,
        groups: &[],
        from: (2010, 1, 1),
        until: None,
    },
    Partner {
        country: "MA",
        name: "Administration des Douanes et Impôts Indirects",
        endpoint: "http://127.0.0.1:8082",
        contact: "Cellule Icomm, Rabat",
        instrument: Instrument::Mou,
        reference: "Memorandum of understanding on the exchange of seizure data, 2023",
        purposes: &["Risk analysis", "Strategic analysis of trafficking routes"],
        scope: Scope::NonNominal,
        groups: &["drugs", "tobacco"],
        from: (2023, 6, 1),
        until: Some((2027, 5, 31)),
    },
    Partner {
        country: "FR",
        name: "Direction générale des douanes et droits indirects",
        endpoint: "http://127.0.0.1:8080",
        contact: "DNRED, bureau Icomm, +33 1 00 00 00 00",
        instrument: Instrument::RegionalConvention,
        reference:
            "Naples II Convention on mutual assistance between customs administrations (98/C 24/01)",
        purposes: &["Prevention, detection and prosecution of customs offences"],
        scope: Scope::Nominal,
        groups: &[],
        from: (2010, 1, 1),
        until: None,
    },
];

fn date((y, m, d): (i32, u32, u32)) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("bad demo date"))
}

/// Registers the partners and their agreements; returns how many partners. `keys`: the
/// public keys (hex) of real partner nodes, by country.
pub async fn create(
    conn: &mut AsyncPgConnection,
    storage: &Storage,
    seed: u64,
    country: &str,
    keys: &[(String, String)],
) -> anyhow::Result<usize> {
    let (liaison, actor) = user(conn, "ncu.liaison").await?;
    let mut made = 0;
    for (i, p) in PARTNERS.iter().enumerate() {
        if p.country == country {
            continue;
        }
        let mut secret = [0u8; 32];
        secret[..8].copy_from_slice(&seed.to_le_bytes());
        secret[8] = i as u8 + 1;
        let key = match keys.iter().find(|(c, _)| c == p.country) {
            Some((_, hex_key)) => keys::parse_public_key(hex_key).ok_or_else(|| {
                anyhow::anyhow!("--partner-key {}: not an Ed25519 key", p.country)
            })?,
            None => ed25519_dalek::SigningKey::from_bytes(&secret).verifying_key(),
        };
        let partner = service::create_partner(
            conn,
            &actor,
            &liaison,
            CreatePartner {
                country: p.country.into(),
                name: p.name.into(),
                endpoint: p.endpoint.into(),
                public_key: hex::encode(key.as_bytes()),
                fingerprint: keys::fingerprint(&key),
                contact: Some(p.contact.into()),
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        let agreement = service::create_agreement(
            conn,
            &actor,
            &liaison,
            CreateAgreement {
                partner_id: partner.id,
                instrument: p.instrument,
                reference: p.reference.into(),
                purposes: p.purposes.iter().map(|s| s.to_string()).collect(),
                scope: p.scope,
                commodity_groups: p.groups.iter().map(|s| s.to_string()).collect(),
                valid_from: date(p.from)?,
                valid_until: p.until.map(date).transpose()?,
                notes: None,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        // its signed instrument, as a scan
        let scan = media::prepare(
            crate::images::scan(seed + i as u64),
            media::DEFAULT_MAX_PIXELS,
        )
        .map_err(|e| anyhow::anyhow!("demo agreement scan refused: {e:?}"))?;
        agreement_document::attach(
            conn,
            storage,
            &actor,
            &liaison,
            agreement.id,
            Some(format!("agreement-{}.png", p.country.to_lowercase())),
            scan,
        )
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        made += 1;
    }
    request_to_send(conn, country).await?;
    Ok(made)
}

/// An investigator's request to send a validated case to Belgium (or France, from Belgium),
/// waiting for the liaison officer's approval. The package is built and signed with the
/// node's own key when approved; the key used here only checks the request.
async fn request_to_send(conn: &mut AsyncPgConnection, country: &str) -> anyhow::Result<()> {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use ncen_core::db::schema::{exchange_partners, seizure_cases};
    let to = if country == "BE" { "FR" } else { "BE" };
    let partner: uuid::Uuid = exchange_partners::table
        .filter(exchange_partners::country.eq(to))
        .select(exchange_partners::id)
        .first(conn)
        .await?;
    let case: Option<uuid::Uuid> = seizure_cases::table
        .filter(seizure_cases::status.eq("validated"))
        .filter(seizure_cases::kind.eq("seizure"))
        .order(seizure_cases::reference.desc())
        .select(seizure_cases::id)
        .first(conn)
        .await
        .optional()?;
    let Some(case) = case else {
        return Ok(());
    };
    let (investigator, actor) = user(conn, "ncu.investigator").await?;
    let key = ed25519_dalek::SigningKey::from_bytes(&[0u8; 32]);
    let node = ncen_core::exchange::outbox::Node { key: &key, country };
    ncen_core::exchange::outbox::request(
        conn,
        &actor,
        &investigator,
        &node,
        ncen_core::exchange::dto::SendRequest {
            partner_id: partner,
            scope: Scope::Nominal,
            case_ids: vec![case],
            note: Some(
                "The courier of this seizure travelled on to Antwerp: Belgian customs asked for the case under Naples II."
                    .into(),
            ),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(())
}
