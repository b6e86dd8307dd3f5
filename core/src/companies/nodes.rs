//! The nodes of a company network (`network`): companies, persons and shared keys, read in
//! one query per kind for a whole ring.

use super::links::refs;
use super::network::{Graph, Node, NodeKind, CONTACT_KINDS};
use crate::db::schema::{company_keys as k, persons};
use crate::error::Result;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

pub(super) fn key_kind(kind: &str) -> NodeKind {
    match kind {
        "address" => NodeKind::Address,
        "phone" => NodeKind::Phone,
        "email" => NodeKind::Email,
        "website" => NodeKind::Website,
        "iban" => NodeKind::Iban,
        "eori" => NodeKind::Eori,
        "vat" => NodeKind::Vat,
        "registration" => NodeKind::Registration,
        "tax" => NodeKind::Tax,
        "lei" => NodeKind::Lei,
        _ => NodeKind::Aeo,
    }
}

/// An address key (`FR|75002|12 rue de la paix`) as a label.
pub(super) fn key_label(kind: &str, key: &str) -> String {
    if kind == "address" {
        let parts: Vec<&str> = key.splitn(3, '|').collect();
        match parts.as_slice() {
            [country, place, street] => [*street, *place, *country]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            _ => key.to_string(),
        }
    } else {
        key.to_string()
    }
}

pub(super) async fn add_companies(
    conn: &mut AsyncPgConnection,
    g: &mut Graph,
    ids: &[Uuid],
    depth: u8,
) -> Result<()> {
    let refs = refs(conn, ids).await?;
    for id in ids {
        if let Some(r) = refs.get(id) {
            g.nodes.entry(format!("company:{id}")).or_insert(Node {
                id: format!("company:{id}"),
                kind: NodeKind::Company,
                label: r.name.clone(),
                record_id: Some(*id),
                status: Some(r.status.clone()),
                country: r.country.clone(),
                risk_score: Some(r.risk_score),
                depth,
            });
        }
    }
    Ok(())
}

pub(super) async fn add_persons(
    conn: &mut AsyncPgConnection,
    g: &mut Graph,
    ids: &[Uuid],
    depth: u8,
) -> Result<()> {
    let live: Vec<Uuid> = persons::table
        .filter(persons::id.eq_any(ids))
        .select(persons::id)
        .load(conn)
        .await?;
    let labels = crate::registers::labels::labels(conn, &live, &[], &[]).await?;
    for id in live {
        g.nodes.entry(format!("person:{id}")).or_insert(Node {
            id: format!("person:{id}"),
            kind: NodeKind::Person,
            label: labels.get(&id).cloned().unwrap_or_default(),
            record_id: Some(id),
            status: None,
            country: None,
            risk_score: None,
            depth,
        });
    }
    Ok(())
}

/// Key nodes: contact points always, identifiers only when another company carries them.
pub(super) async fn add_keys(
    conn: &mut AsyncPgConnection,
    g: &mut Graph,
    keys: &[(String, String)],
    depth: u8,
) -> Result<()> {
    for (kind, key) in keys {
        if !CONTACT_KINDS.contains(&kind.as_str()) {
            let n: i64 = k::table
                .filter(k::kind.eq(kind).and(k::key.eq(key)))
                .count()
                .get_result(conn)
                .await?;
            if n < 2 {
                continue;
            }
        }
        let id = format!("{kind}:{key}");
        g.nodes.entry(id.clone()).or_insert(Node {
            id,
            kind: key_kind(kind),
            label: key_label(kind, key),
            record_id: None,
            status: None,
            country: None,
            risk_score: None,
            depth,
        });
    }
    Ok(())
}
