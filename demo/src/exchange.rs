//! The exchange's demo: two partner administrations registered by the national liaison
//! officer, each with the legal basis that allows an exchange — a regional convention in the
//! nominal scope with Belgium, and a non-nominal memorandum with Morocco limited to drugs and
//! tobacco — so that a preview of a validated case shows what would leave, and what is
//! refused. The partners' keys are derived from the seed: their private halves exist nowhere
//! (`make two-nodes` registers real nodes with each other).

use crate::alerts::user;
use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use ncen_core::exchange::dto::{CreateAgreement, CreatePartner, Instrument, Scope};
use ncen_core::exchange::{keys, service};

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

const PARTNERS: [Partner; 2] = [
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
];

fn date((y, m, d): (i32, u32, u32)) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("bad demo date"))
}

/// Registers the partners and their agreements; returns how many partners.
pub async fn create(
    conn: &mut AsyncPgConnection,
    seed: u64,
    country: &str,
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
        let key = ed25519_dalek::SigningKey::from_bytes(&secret).verifying_key();
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
        service::create_agreement(
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
        made += 1;
    }
    Ok(made)
}
