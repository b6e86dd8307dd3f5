//! Link analysis across cases: a graph whose nodes are cases, persons, companies,
//! conveyances, identifiers and contact points, and whose links are the cases' parties, the
//! company database's people and relations, and the identifiers, phones, e-mails and
//! addresses two persons or companies share. An analyst expands a node at a time
//! ([`expand`]) or asks for the shortest chain between two ([`path`]).
//!
//! Need-to-know: another unit's drafts never appear (not as nodes, not in counts); persons
//! and companies merged away neither. Each read is audited in the same transaction with the
//! cases, persons, companies and conveyances it showed (`analysis.graph_read`,
//! `analysis.path_read`).

pub mod dto;
pub mod path;
pub mod repo;

use crate::audit::{record, Actor, Event};
use crate::auth::Principal;
use crate::error::{Error, Result};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use dto::{
    ExpandParams, GraphNode, GraphNodeKind, GraphTruncated, LinkGraph, LinkPath, PathParams,
};
use repo::{NodeRef, Scope};
use serde_json::{json, Value};

/// Neighbours listed by default, and at most, per expansion.
pub const DEFAULT_LIMIT: i64 = 200;
pub const MAX_LIMIT: i64 = 1_000;

fn node(field: &str, id: &str) -> Result<NodeRef> {
    NodeRef::parse(id.trim()).ok_or_else(|| {
        Error::validation(
            field,
            "node",
            "a node id: case:, person:, company:, conveyance: and a UUID, or document:, phone:, email:, address: and a value",
        )
    })
}

fn kinds(raw: Option<&str>) -> Result<Vec<GraphNodeKind>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(GraphNodeKind::ALL.to_vec()),
        Some(s) => s
            .split(',')
            .map(|k| {
                GraphNodeKind::parse(k.trim()).ok_or_else(|| {
                    Error::validation(
                        "kinds",
                        "unknown_code",
                        &format!("`{}` is not a node kind", k.trim()),
                    )
                })
            })
            .collect(),
    }
}

fn scope(
    who: &Principal,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    kinds: Vec<GraphNodeKind>,
) -> Result<Scope> {
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(Error::validation(
                "to",
                "before_start",
                "`to` is before `from`",
            ));
        }
    }
    Ok(Scope {
        unit_id: who.unit_id,
        own_drafts: crate::seizures::sees_drafts_of_own_unit(who),
        from,
        to,
        kinds,
    })
}

/// The records a graph showed, by kind, for the audit row.
fn shown(nodes: &[GraphNode]) -> Value {
    let of = |k: GraphNodeKind| -> Vec<uuid::Uuid> {
        nodes
            .iter()
            .filter(|n| n.kind == k)
            .filter_map(|n| n.record_id)
            .collect()
    };
    json!({
        "cases": of(GraphNodeKind::Case),
        "persons": of(GraphNodeKind::Person),
        "companies": of(GraphNodeKind::Company),
        "conveyances": of(GraphNodeKind::Conveyance),
        "nodes": nodes.len(),
    })
}

/// A node and a page of its neighbours (latest cases first).
pub async fn expand(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    p: ExpandParams,
) -> Result<LinkGraph> {
    let start = node("node", &p.node)?;
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::validation("limit", "range", "from 1 to 1000"));
    }
    let offset = p.offset.unwrap_or(0);
    if !(0..=100_000).contains(&offset) {
        return Err(Error::validation("offset", "range", "from 0 to 100000"));
    }
    let scope = scope(who, p.from, p.to, kinds(p.kinds.as_deref())?)?;
    conn.transaction::<_, Error, _>(async |c| {
        repo::require_known(c, &start, &scope).await?;
        let links = repo::links(c, std::slice::from_ref(&start), &scope, offset, limit).await?;
        if matches!(start, NodeRef::Key { .. }) && links.is_empty() && offset == 0 {
            // a key nothing shares is not a node of the graph
            return Err(Error::NotFound);
        }
        let total = <[repo::Link]>::first(&links).map_or(0, |l| l.total);
        let mut refs = vec![start.clone()];
        refs.extend(links.iter().filter_map(|l| NodeRef::parse(&l.dst)));
        let nodes = repo::labelled(c, &refs).await?;
        let truncated = (offset + (links.len() as i64) < total).then(|| GraphTruncated {
            node: start.id(),
            shown: offset + links.len() as i64,
            total,
        });
        let mut details = shown(&nodes);
        if let Some(m) = details.as_object_mut() {
            m.insert("node".into(), json!(start.id()));
        }
        record(c, actor, Event::new("analysis.graph_read").details(details)).await?;
        Ok(LinkGraph {
            node: start.id(),
            nodes,
            edges: links.iter().map(repo::Link::edge).collect(),
            truncated,
        })
    })
    .await
}

/// The shortest chain of links between two nodes, within `max_hops`.
pub async fn path(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    p: PathParams,
) -> Result<LinkPath> {
    let source = node("source", &p.source)?;
    let target = node("target", &p.target)?;
    let max_hops = p.max_hops.unwrap_or(4);
    if !(1..=6).contains(&max_hops) {
        return Err(Error::validation("max_hops", "range", "from 1 to 6"));
    }
    let mut kinds = kinds(p.kinds.as_deref())?;
    for end in [source.kind(), target.kind()] {
        if !kinds.contains(&end) {
            kinds.push(end);
        }
    }
    let scope = scope(who, p.from, p.to, kinds)?;
    conn.transaction::<_, Error, _>(async |c| {
        repo::require_known(c, &source, &scope).await?;
        repo::require_known(c, &target, &scope).await?;
        let found = path::shortest(c, &source, &target, max_hops, &scope).await?;
        let (nodes, edges) = match &found.chain {
            Some(chain) => {
                let refs: Vec<NodeRef> = chain.iter().map(|(n, _)| n.clone()).collect();
                let edges = chain
                    .iter()
                    .filter_map(|(_, l)| l.as_ref().map(repo::Link::edge))
                    .collect();
                (repo::labelled(c, &refs).await?, edges)
            }
            None => (Vec::new(), Vec::new()),
        };
        let mut details = shown(&nodes);
        if let Some(m) = details.as_object_mut() {
            m.insert("source".into(), json!(source.id()));
            m.insert("target".into(), json!(target.id()));
            m.insert("found".into(), json!(found.chain.is_some()));
        }
        record(c, actor, Event::new("analysis.path_read").details(details)).await?;
        Ok(LinkPath {
            found: found.chain.is_some(),
            hops: found
                .chain
                .as_ref()
                .map(|ch| (ch.len().saturating_sub(1)) as u8),
            nodes,
            edges,
            explored: found.explored,
            complete: found.complete,
        })
    })
    .await
}
