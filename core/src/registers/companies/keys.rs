//! `company_keys`: every identifier and contact point of a company, normalised, one row
//! each — written with the company (insert, update) and read to flag duplicates ("this VAT
//! number is also on …") and to compute links (shared address, phone, e-mail, website, bank
//! account). An address is keyed by country, postcode and street folded to ASCII lower case
//! without punctuation, so that `12, Rue de la Paix` and `12 rue de la paix` meet; a phone
//! by its last nine digits and an e-mail in lower case (the matching engine's rules); a
//! website by its host without `www.`.

use super::dto::{CompanyAddress, CompanyInput};
use super::ids::TradeIdKind;
use crate::db::schema::company_keys as k;
use crate::error::Result;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_matching::text;
use uuid::Uuid;

/// The kinds that are identifiers (duplicates are flagged); the others are contact points.
pub const IDENTIFIER_KINDS: [&str; 7] =
    ["eori", "vat", "registration", "tax", "lei", "iban", "aeo"];
/// Every kind (the table's check): a look-up by key alone names them all, so that it walks
/// the primary key (kind, key, company).
pub const ALL_KINDS: [&str; 11] = [
    "eori",
    "vat",
    "registration",
    "tax",
    "lei",
    "iban",
    "aeo",
    "address",
    "phone",
    "email",
    "website",
];

/// The address as a key, or none without a street (a city alone links too much).
pub fn address(a: &CompanyAddress) -> Option<String> {
    let street = a.street.as_deref().map(fold).filter(|s| !s.is_empty())?;
    let postcode = a
        .postcode
        .as_deref()
        .map(fold)
        .unwrap_or_default()
        .replace(' ', "");
    let city = if postcode.is_empty() {
        a.city.as_deref().map(fold).unwrap_or_default()
    } else {
        String::new()
    };
    Some(format!(
        "{}|{}|{}",
        a.country.as_deref().unwrap_or(""),
        if postcode.is_empty() { city } else { postcode },
        street
    ))
}

fn fold(s: &str) -> String {
    text::latin(s)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A website's host, lower case, without scheme, `www.` and path.
pub fn website(raw: &str) -> Option<String> {
    let s = raw.trim().to_lowercase();
    let s = s.split("://").last().unwrap_or(&s);
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.')).then(|| host.to_string())
}

/// Every (kind, key) of a company.
pub fn of(c: &CompanyInput) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = c
        .identifier_keys()
        .into_iter()
        .map(|(kind, v)| (kind.as_str().to_string(), v))
        .collect();
    let mut push = |kind: &str, key: Option<String>| {
        if let Some(key) = key {
            out.push((kind.to_string(), key));
        }
    };
    for a in &c.addresses {
        push("address", address(a));
    }
    for p in &c.phones {
        push("phone", text::phone(p));
    }
    for e in &c.emails {
        push("email", text::email(e));
    }
    for w in &c.websites {
        push("website", website(w));
    }
    out.sort();
    out.dedup();
    out
}

/// Rewrites the company's keys.
pub async fn write(conn: &mut AsyncPgConnection, id: Uuid, c: &CompanyInput) -> Result<()> {
    diesel::delete(k::table.filter(k::company_id.eq(id)))
        .execute(conn)
        .await?;
    let rows: Vec<_> = of(c)
        .into_iter()
        .map(|(kind, key)| (k::kind.eq(kind), k::key.eq(key), k::company_id.eq(id)))
        .collect();
    if !rows.is_empty() {
        diesel::insert_into(k::table)
            .values(rows)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Rewrites the keys of many companies at once (the reindex pass, after bulk loads).
pub async fn write_many<'a>(
    conn: &mut AsyncPgConnection,
    companies: impl Iterator<Item = (Uuid, &'a CompanyInput)>,
) -> diesel::QueryResult<()> {
    let mut ids = Vec::new();
    let mut rows = Vec::new();
    for (id, c) in companies {
        ids.push(id);
        for (kind, key) in of(c) {
            rows.push((k::kind.eq(kind), k::key.eq(key), k::company_id.eq(id)));
        }
    }
    diesel::delete(k::table.filter(k::company_id.eq_any(&ids)))
        .execute(conn)
        .await?;
    for chunk in rows.chunks(10_000) {
        diesel::insert_into(k::table)
            .values(chunk)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// An identifier of the company also carried by other companies.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct SharedIdentifier {
    pub kind: TradeIdKind,
    pub value: String,
    /// The other companies carrying it (at most 20), by name.
    pub companies: Vec<crate::common::names::Named>,
    /// How many other companies carry it.
    pub count: i64,
}

/// The company's identifiers that other (unmerged) companies carry too.
pub async fn duplicates(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Vec<SharedIdentifier>> {
    use crate::db::schema::companies as c;
    let mine: Vec<(String, String)> = k::table
        .filter(k::company_id.eq(id))
        .filter(k::kind.eq_any(IDENTIFIER_KINDS))
        .select((k::kind, k::key))
        .load(conn)
        .await?;
    let mut out = Vec::new();
    for (kind, key) in mine {
        let others: Vec<(Uuid, String)> = k::table
            .inner_join(c::table.on(c::id.eq(k::company_id)))
            .filter(k::kind.eq(&kind).and(k::key.eq(&key)))
            .filter(k::company_id.ne(id).and(c::merged_into.is_null()))
            .select((c::id, c::name))
            .order(c::name.asc())
            .limit(21)
            .load(conn)
            .await?;
        if others.is_empty() {
            continue;
        }
        let count = if others.len() > 20 {
            k::table
                .filter(k::kind.eq(&kind).and(k::key.eq(&key)))
                .count()
                .get_result::<i64>(conn)
                .await?
                - 1
        } else {
            others.len() as i64
        };
        let Some(kind) = TradeIdKind::parse(&kind) else {
            continue;
        };
        out.push(SharedIdentifier {
            kind,
            value: key,
            companies: others
                .into_iter()
                .take(20)
                .map(|(id, name)| crate::common::names::Named { id, name })
                .collect(),
            count,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_phones_and_sites_meet_however_written() {
        let a = |street: &str, postcode: &str| CompanyAddress {
            street: Some(street.into()),
            postcode: Some(postcode.into()),
            country: Some("FR".into()),
            ..Default::default()
        };
        assert_eq!(
            address(&a("12, Rue de la Paix", "75002")),
            address(&a("12 rue de la   paix", "75 002"))
        );
        assert_eq!(
            address(&a("12, Rue de la Paix", "75002")).as_deref(),
            Some("FR|75002|12 rue de la paix")
        );
        assert_eq!(
            website("https://www.Example.com/contact").as_deref(),
            Some("example.com")
        );
        assert_eq!(website("example"), None);
    }
}
