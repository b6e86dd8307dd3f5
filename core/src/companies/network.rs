//! The network around a company: companies, persons, addresses and shared identifiers as
//! nodes; people's roles, relations between companies and shared keys as edges, explored
//! breadth first to `depth` hops. Bounded: each node lists at most `FAN_OUT` neighbours
//! (the rest is counted: `truncated`, and paged with [`neighbours`]), and the whole graph at
//! most `limit` nodes. An address or contact point is a node even when only this company
//! has it; an identifier (VAT, EORI…) only when another company carries it too.

use super::nodes::{add_companies, add_keys, add_persons};
use crate::db::schema::{company_keys as k, company_people as cp, company_relations as cr};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Neighbours listed per node before the rest is only counted.
pub const FAN_OUT: usize = 50;
pub(super) const CONTACT_KINDS: [&str; 5] = ["address", "phone", "email", "website", "iban"];

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NetworkQuery {
    /// Hops from the company, 1–3 (default 2).
    #[param(minimum = 1, maximum = 3)]
    pub depth: Option<u8>,
    /// Most nodes returned, 10–1000 (default 300).
    #[param(minimum = 10, maximum = 1000)]
    pub limit: Option<usize>,
    /// Only the people and relations whose period covers this date.
    pub at: Option<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NeighboursQuery {
    /// A node id from the network (`company:<uuid>`, `person:<uuid>`, `address:<key>`…).
    #[param(min_length = 3, max_length = 400)]
    pub node: String,
    /// Neighbours to skip (the network showed the first 50).
    #[param(minimum = 0, maximum = 100000)]
    pub offset: Option<usize>,
    /// 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<usize>,
    pub at: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Company,
    Person,
    Address,
    Phone,
    Email,
    Website,
    Iban,
    Eori,
    Vat,
    Registration,
    Tax,
    Lei,
    Aeo,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Node {
    /// `company:<uuid>`, `person:<uuid>`, or `<kind>:<normalised value>`.
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    /// The record, for companies and persons (the browser app opens it).
    pub record_id: Option<Uuid>,
    /// Companies: status, country and risk.
    pub status: Option<String>,
    pub country: Option<String>,
    pub risk_score: Option<i32>,
    /// Hops from the company (0: the company itself).
    pub depth: u8,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Edge {
    pub source: String,
    pub target: String,
    /// A person's role (`director`, `shareholder`…), a relation (`parent_of`, `same_group`,
    /// `successor_of`, `agent_of`: source → target), or the key shared (`address`, `iban`…).
    pub kind: String,
    pub share_percent: Option<f64>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// A node with more neighbours than were listed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Truncated {
    pub node: String,
    pub shown: usize,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Nodes whose neighbours were not all listed (page them with `/network/neighbours`).
    pub truncated: Vec<Truncated>,
    /// The node limit was reached: the outer ring is incomplete.
    pub capped: bool,
}

#[derive(Default)]
pub(super) struct Graph {
    pub(super) nodes: HashMap<String, Node>,
    edges: Vec<Edge>,
    seen_edges: HashSet<(String, String, String)>,
    truncated: Vec<Truncated>,
}

impl Graph {
    fn edge(&mut self, e: Edge) {
        if self
            .seen_edges
            .insert((e.source.clone(), e.target.clone(), e.kind.clone()))
        {
            self.edges.push(e);
        }
    }
}

fn covers(at: Option<NaiveDate>, from: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    at.is_none_or(|d| from.is_none_or(|f| f <= d) && until.is_none_or(|u| u >= d))
}

type PersonRow = (
    Uuid,
    Uuid,
    String,
    Option<f64>,
    Option<NaiveDate>,
    Option<NaiveDate>,
);

/// What to read of a company's network.
pub enum Which<'a> {
    Around(&'a NetworkQuery),
    Neighbours(&'a NeighboursQuery),
}

/// The network around the (unmerged) company, or more neighbours of one of its nodes, with
/// the audit row naming every company and person shown (`company.network_read`).
pub async fn read(
    conn: &mut AsyncPgConnection,
    actor: &crate::audit::Actor,
    company: Uuid,
    which: Which<'_>,
) -> Result<Network> {
    super::links::live(conn, company).await?;
    let n = match which {
        Which::Around(q) => network(conn, company, q).await?,
        Which::Neighbours(q) => neighbours(conn, q).await?,
    };
    let of = |kind: &str| -> Vec<Uuid> {
        n.nodes
            .iter()
            .filter(|x| x.id.starts_with(kind))
            .filter_map(|x| x.record_id)
            .collect()
    };
    let details = serde_json::json!({
        "companies": of("company:"), "persons": of("person:"), "nodes": n.nodes.len(),
    });
    crate::audit::record(
        conn,
        actor,
        crate::audit::Event::new("company.network_read")
            .object("company", company)
            .details(details),
    )
    .await?;
    Ok(n)
}

/// The network around `company`.
pub async fn network(
    conn: &mut AsyncPgConnection,
    company: Uuid,
    q: &NetworkQuery,
) -> Result<Network> {
    let mut ck = crate::common::check::Checker::new();
    if q.depth.is_some_and(|d| !(1..=3).contains(&d)) {
        ck.push("depth", "range", "from 1 to 3");
    }
    if q.limit.is_some_and(|l| !(10..=1000).contains(&l)) {
        ck.push("limit", "range", "from 10 to 1000");
    }
    ck.finish()?;
    let depth = q.depth.unwrap_or(2);
    let limit = q.limit.unwrap_or(300);
    let mut g = Graph::default();
    let mut companies: Vec<Uuid> = vec![company];
    let mut persons_f: Vec<Uuid> = Vec::new();
    let mut keys_f: Vec<(String, String)> = Vec::new();
    let mut capped = false;
    add_companies(conn, &mut g, &[company], 0).await?;
    for level in 1..=depth {
        let before = g.nodes.len();
        let mut next_c: Vec<Uuid> = Vec::new();
        let mut next_p: Vec<Uuid> = Vec::new();
        let mut next_k: Vec<(String, String)> = Vec::new();
        // companies → their people, relations and keys
        if !companies.is_empty() {
            let rows = people_of(conn, &companies, false, None).await?;
            for r in capped_per(rows, |r| r.0, &mut g, "company") {
                if covers(q.at, r.4, r.5) {
                    next_p.push(r.1);
                    g.edge(role_edge(r));
                }
            }
            type RelRow = (
                Uuid,
                String,
                Uuid,
                Option<f64>,
                Option<NaiveDate>,
                Option<NaiveDate>,
            );
            let rows: Vec<RelRow> = cr::table
                .filter(
                    cr::company_id
                        .eq_any(&companies)
                        .or(cr::other_id.eq_any(&companies)),
                )
                .select((
                    cr::company_id,
                    cr::kind,
                    cr::other_id,
                    cr::share_percent,
                    cr::valid_from,
                    cr::valid_until,
                ))
                .limit(((companies.len() * FAN_OUT) as i64).min(20_000))
                .load(conn)
                .await?;
            for (a, kind, b, share, from, until) in rows {
                if !covers(q.at, from, until) {
                    continue;
                }
                next_c.push(a);
                next_c.push(b);
                g.edge(Edge {
                    source: format!("company:{a}"),
                    target: format!("company:{b}"),
                    kind,
                    share_percent: share,
                    from,
                    until,
                });
            }
            let rows: Vec<(Uuid, String, String)> = k::table
                .filter(k::company_id.eq_any(&companies))
                .select((k::company_id, k::kind, k::key))
                .load(conn)
                .await?;
            for (c, kind, key) in rows {
                g.edge(Edge {
                    source: format!("company:{c}"),
                    target: format!("{kind}:{key}"),
                    kind: kind.clone(),
                    share_percent: None,
                    from: None,
                    until: None,
                });
                next_k.push((kind, key));
            }
        }
        // persons → their other companies
        if !persons_f.is_empty() {
            let rows = people_of(conn, &persons_f, true, None).await?;
            for r in capped_per(rows, |r| r.1, &mut g, "person") {
                if covers(q.at, r.4, r.5) {
                    next_c.push(r.0);
                    g.edge(role_edge(r));
                }
            }
        }
        // keys → the companies sharing them (at most FAN_OUT each)
        for (kind, key) in keys_f.iter() {
            let node = format!("{kind}:{key}");
            let rows: Vec<Uuid> = k::table
                .filter(k::kind.eq(kind).and(k::key.eq(key)))
                .select(k::company_id)
                .order(k::company_id)
                .limit(FAN_OUT as i64 + 1)
                .load(conn)
                .await?;
            if rows.len() > FAN_OUT {
                let total: i64 = k::table
                    .filter(k::kind.eq(kind).and(k::key.eq(key)))
                    .count()
                    .get_result(conn)
                    .await?;
                g.truncated.push(Truncated {
                    node: node.clone(),
                    shown: FAN_OUT,
                    total,
                });
            }
            for c in rows.into_iter().take(FAN_OUT) {
                next_c.push(c);
                g.edge(Edge {
                    source: format!("company:{c}"),
                    target: node.clone(),
                    kind: kind.clone(),
                    share_percent: None,
                    from: None,
                    until: None,
                });
            }
        }
        // the new ring's nodes, within the limit
        next_c.sort();
        next_c.dedup();
        next_c.retain(|c| !g.nodes.contains_key(&format!("company:{c}")));
        next_p.sort();
        next_p.dedup();
        next_p.retain(|p| !g.nodes.contains_key(&format!("person:{p}")));
        next_k.sort();
        next_k.dedup();
        next_k.retain(|(kind, key)| !g.nodes.contains_key(&format!("{kind}:{key}")));
        let room = limit.saturating_sub(g.nodes.len());
        if next_c.len() + next_p.len() + next_k.len() > room {
            capped = true;
        }
        let take_p = next_p.len().min(room);
        next_p.truncate(take_p);
        let take_c = next_c.len().min(room - take_p);
        next_c.truncate(take_c);
        let take_k = next_k.len().min(room - take_p - take_c);
        next_k.truncate(take_k);
        add_persons(conn, &mut g, &next_p, level).await?;
        add_companies(conn, &mut g, &next_c, level).await?;
        add_keys(conn, &mut g, &next_k, level).await?;
        companies = next_c;
        persons_f = next_p;
        keys_f = next_k
            .into_iter()
            .filter(|(kind, key)| g.nodes.contains_key(&format!("{kind}:{key}")))
            .collect();
        if g.nodes.len() == before || capped {
            break;
        }
    }
    Ok(finish(g, capped))
}

/// A node's neighbours from `offset` (a hub's further companies).
pub async fn neighbours(conn: &mut AsyncPgConnection, q: &NeighboursQuery) -> Result<Network> {
    let mut ck = crate::common::check::Checker::new();
    if q.limit.is_some_and(|l| !(1..=200).contains(&l)) {
        ck.push("limit", "range", "from 1 to 200");
    }
    if q.offset.is_some_and(|o| o > 100_000) {
        ck.push("offset", "range", "at most 100000");
    }
    ck.finish()?;
    let offset = q.offset.unwrap_or(0) as i64;
    let limit = q.limit.unwrap_or(50) as i64;
    let (kind, value) = q.node.split_once(':').ok_or(Error::NotFound)?;
    let mut g = Graph::default();
    match kind {
        "company" | "person" => {
            let id: Uuid = value.parse().map_err(|_| Error::NotFound)?;
            let rows = people_of(conn, &[id], kind == "person", Some((offset, limit))).await?;
            let (mut cs, mut ps) = (Vec::new(), Vec::new());
            for r in rows {
                if covers(q.at, r.4, r.5) {
                    cs.push(r.0);
                    ps.push(r.1);
                    g.edge(role_edge(r));
                }
            }
            add_companies(conn, &mut g, &cs, 1).await?;
            add_persons(conn, &mut g, &ps, 1).await?;
        }
        _ => {
            let rows: Vec<Uuid> = k::table
                .filter(k::kind.eq(kind).and(k::key.eq(value)))
                .select(k::company_id)
                .order(k::company_id)
                .offset(offset)
                .limit(limit)
                .load(conn)
                .await?;
            for c in &rows {
                g.edge(Edge {
                    source: format!("company:{c}"),
                    target: q.node.clone(),
                    kind: kind.to_string(),
                    share_percent: None,
                    from: None,
                    until: None,
                });
            }
            add_companies(conn, &mut g, &rows, 1).await?;
            add_keys(conn, &mut g, &[(kind.to_string(), value.to_string())], 0).await?;
        }
    }
    Ok(finish(g, false))
}

/// The people links of companies `ids` (or of persons `ids`), a page of them when asked.
async fn people_of(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
    of_persons: bool,
    page: Option<(i64, i64)>,
) -> Result<Vec<PersonRow>> {
    let mut query = cp::table.into_boxed();
    query = if of_persons {
        query.filter(cp::person_id.eq_any(ids))
    } else {
        query.filter(cp::company_id.eq_any(ids))
    };
    if let Some((offset, limit)) = page {
        query = query.order(cp::id).offset(offset).limit(limit);
    }
    Ok(query
        .select((
            cp::company_id,
            cp::person_id,
            cp::role,
            cp::share_percent,
            cp::valid_from,
            cp::valid_until,
        ))
        .load(conn)
        .await?)
}

/// A person's role in a company as an edge.
fn role_edge((c, p, role, share, from, until): PersonRow) -> Edge {
    Edge {
        source: format!("person:{p}"),
        target: format!("company:{c}"),
        kind: role,
        share_percent: share,
        from,
        until,
    }
}

/// Rows of one side's neighbours, at most `FAN_OUT` per node of that side (the rest counted).
fn capped_per<T>(rows: Vec<T>, of: impl Fn(&T) -> Uuid, g: &mut Graph, side: &str) -> Vec<T> {
    let mut count: HashMap<Uuid, usize> = HashMap::new();
    let mut out = Vec::new();
    for r in rows {
        let n = count.entry(of(&r)).or_default();
        *n += 1;
        if *n <= FAN_OUT {
            out.push(r);
        }
    }
    for (id, n) in count {
        if n > FAN_OUT {
            g.truncated.push(Truncated {
                node: format!("{side}:{id}"),
                shown: FAN_OUT,
                total: n as i64,
            });
        }
    }
    out
}

/// Nodes by depth then label; edges only between listed nodes.
fn finish(g: Graph, capped: bool) -> Network {
    let mut nodes: Vec<Node> = g.nodes.into_values().collect();
    nodes.sort_by(|a, b| (a.depth, &a.label, &a.id).cmp(&(b.depth, &b.label, &b.id)));
    let ids: HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
    let edges: Vec<Edge> = g
        .edges
        .into_iter()
        .filter(|e| ids.contains(e.source.as_str()) && ids.contains(e.target.as_str()))
        .collect();
    Network {
        nodes,
        edges,
        truncated: g.truncated,
        capped,
    }
}
