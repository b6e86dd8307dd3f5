//! The link graph's queries: the links of a set of nodes in one statement (a whole ring of a
//! path search at once), and the labels of the nodes found. Nothing is stored for the graph:
//! it is read from the case links, the company database and the keys of persons
//! (`person_keys`, kept by triggers) and companies (`company_keys`).

use super::dto::{GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind};
use crate::db::schema::{companies, conveyances, persons, seizure_cases};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// The kinds of shared keys a node id may name, besides the records.
const KEY_KINDS: [&str; 12] = [
    "document",
    "phone",
    "email",
    "address",
    "eori",
    "vat",
    "registration",
    "tax",
    "lei",
    "iban",
    "aeo",
    "website",
];

/// A node, parsed from its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum NodeRef {
    Case(Uuid),
    Person(Uuid),
    Company(Uuid),
    Conveyance(Uuid),
    Key { kind: String, key: String },
}

impl NodeRef {
    /// The id as the graph writes it: `document:` numbers are normalised as the persons
    /// register stores them, so any spelling finds the holders.
    pub fn parse(id: &str) -> Option<NodeRef> {
        let (kind, value) = id.split_once(':')?;
        let uuid = || value.parse::<Uuid>().ok();
        Some(match kind {
            "case" => NodeRef::Case(uuid()?),
            "person" => NodeRef::Person(uuid()?),
            "company" => NodeRef::Company(uuid()?),
            "conveyance" => NodeRef::Conveyance(uuid()?),
            "document" => NodeRef::Key {
                kind: kind.into(),
                key: crate::identifiers::normalise(value),
            },
            k if KEY_KINDS.contains(&k) && !value.trim().is_empty() => NodeRef::Key {
                kind: k.into(),
                key: value.to_string(),
            },
            _ => return None,
        })
        .filter(|n| !matches!(n, NodeRef::Key { key, .. } if key.is_empty()))
    }

    pub fn id(&self) -> String {
        match self {
            NodeRef::Case(id) => format!("case:{id}"),
            NodeRef::Person(id) => format!("person:{id}"),
            NodeRef::Company(id) => format!("company:{id}"),
            NodeRef::Conveyance(id) => format!("conveyance:{id}"),
            NodeRef::Key { kind, key } => format!("{kind}:{key}"),
        }
    }

    pub fn kind(&self) -> GraphNodeKind {
        match self {
            NodeRef::Case(_) => GraphNodeKind::Case,
            NodeRef::Person(_) => GraphNodeKind::Person,
            NodeRef::Company(_) => GraphNodeKind::Company,
            NodeRef::Conveyance(_) => GraphNodeKind::Conveyance,
            NodeRef::Key { kind, .. } => match kind.as_str() {
                "address" => GraphNodeKind::Address,
                "phone" => GraphNodeKind::Phone,
                "email" => GraphNodeKind::Email,
                _ => GraphNodeKind::Identifier,
            },
        }
    }
}

/// Who reads and what: the cases they may know of (another unit's drafts never), the
/// period the cases must fall in, the kinds of nodes to follow.
#[derive(Debug, Clone)]
pub struct Scope {
    pub unit_id: Uuid,
    pub own_drafts: bool,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub kinds: Vec<GraphNodeKind>,
}

impl Scope {
    fn since(&self) -> Option<DateTime<Utc>> {
        self.from
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
    }

    fn until(&self) -> Option<DateTime<Utc>> {
        self.to
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|t| t.and_utc())
    }
}

/// A link read from the database: `src` is the node asked about, `dst` its neighbour.
#[derive(Debug, Clone, QueryableByName)]
pub struct Link {
    #[diesel(sql_type = Text)]
    pub src: String,
    #[diesel(sql_type = Text)]
    pub dst: String,
    #[diesel(sql_type = Text)]
    edge: String,
    #[diesel(sql_type = Text)]
    role: String,
    /// Whether the edge reads from `src` to `dst` (a case names its parties, a company its
    /// people, a holder its keys).
    #[diesel(sql_type = Bool)]
    fwd: bool,
    /// Links of `src` in all (of the kinds asked), before the page.
    #[diesel(sql_type = BigInt)]
    pub total: i64,
}

impl Link {
    pub fn edge(&self) -> GraphEdge {
        let (source, target) = if self.fwd {
            (self.src.clone(), self.dst.clone())
        } else {
            (self.dst.clone(), self.src.clone())
        };
        GraphEdge {
            source,
            target,
            kind: GraphEdgeKind::parse(&self.edge).unwrap_or(GraphEdgeKind::Holds),
            role: self.role.clone(),
        }
    }
}

/// The visible cases of the period, as a condition on `sc`.
const VISIBLE: &str = "(sc.status <> 'draft' OR (sc.reporting_unit_id = $8 AND $9)) \
     AND ($10::timestamptz IS NULL OR sc.detected_at >= $10) \
     AND ($11::timestamptz IS NULL OR sc.detected_at < $11)";

/// Every link of the nodes, `offset`…`offset + limit` per node (latest cases first).
pub async fn links(
    conn: &mut AsyncPgConnection,
    nodes: &[NodeRef],
    scope: &Scope,
    offset: i64,
    limit: i64,
) -> Result<Vec<Link>> {
    let (mut cases, mut persons, mut companies, mut conveyances) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut documents, mut key_kinds, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    for n in nodes {
        match n {
            NodeRef::Case(id) => cases.push(*id),
            NodeRef::Person(id) => persons.push(*id),
            NodeRef::Company(id) => companies.push(*id),
            NodeRef::Conveyance(id) => conveyances.push(*id),
            NodeRef::Key { kind, key } if kind == "document" => documents.push(key.clone()),
            NodeRef::Key { kind, key } => {
                key_kinds.push(kind.clone());
                keys.push(key.clone());
            }
        }
    }
    let kinds: Vec<String> = scope.kinds.iter().map(|k| k.as_str().to_string()).collect();
    let sql = format!(
        "SELECT src, dst, edge, role, fwd, total FROM (
           SELECT e.*, row_number() OVER (PARTITION BY src ORDER BY ord DESC, dst) AS rn,
                  count(*) OVER (PARTITION BY src) AS total
             FROM (
               SELECT 'case:' || x.case_id AS src, 'person:' || x.person_id AS dst, 'person' AS nk,
                      'in_case' AS edge, x.role, true AS fwd, 0::float8 AS ord
                 FROM seizure_case_persons x JOIN persons p ON p.id = x.person_id AND p.merged_into IS NULL
                WHERE x.case_id = ANY($1)
               UNION ALL
               SELECT 'case:' || x.case_id, 'company:' || x.company_id, 'company', 'in_case', x.role, true, 0
                 FROM seizure_case_companies x JOIN companies c ON c.id = x.company_id AND c.merged_into IS NULL
                WHERE x.case_id = ANY($1)
               UNION ALL
               SELECT 'case:' || x.case_id, 'conveyance:' || x.conveyance_id, 'conveyance', 'in_case', x.role, true, 0
                 FROM seizure_case_conveyances x WHERE x.case_id = ANY($1)
               UNION ALL
               SELECT 'person:' || x.person_id, 'case:' || x.case_id, 'case', 'in_case', x.role, false,
                      extract(epoch FROM sc.detected_at)
                 FROM seizure_case_persons x JOIN seizure_cases sc ON sc.id = x.case_id
                WHERE x.person_id = ANY($2) AND {VISIBLE}
               UNION ALL
               SELECT 'company:' || x.company_id, 'case:' || x.case_id, 'case', 'in_case', x.role, false,
                      extract(epoch FROM sc.detected_at)
                 FROM seizure_case_companies x JOIN seizure_cases sc ON sc.id = x.case_id
                WHERE x.company_id = ANY($3) AND {VISIBLE}
               UNION ALL
               SELECT 'conveyance:' || x.conveyance_id, 'case:' || x.case_id, 'case', 'in_case', x.role, false,
                      extract(epoch FROM sc.detected_at)
                 FROM seizure_case_conveyances x JOIN seizure_cases sc ON sc.id = x.case_id
                WHERE x.conveyance_id = ANY($4) AND {VISIBLE}
               UNION ALL
               SELECT 'company:' || cp.company_id, 'person:' || cp.person_id, 'person', 'company_role', cp.role, true, 0
                 FROM company_people cp JOIN persons p ON p.id = cp.person_id AND p.merged_into IS NULL
                WHERE cp.company_id = ANY($3)
               UNION ALL
               SELECT 'person:' || cp.person_id, 'company:' || cp.company_id, 'company', 'company_role', cp.role, false, 0
                 FROM company_people cp JOIN companies c ON c.id = cp.company_id AND c.merged_into IS NULL
                WHERE cp.person_id = ANY($2)
               UNION ALL
               SELECT 'company:' || r.company_id, 'company:' || r.other_id, 'company', 'company_relation', r.kind, true, 0
                 FROM company_relations r JOIN companies c ON c.id = r.other_id AND c.merged_into IS NULL
                WHERE r.company_id = ANY($3)
               UNION ALL
               SELECT 'company:' || r.other_id, 'company:' || r.company_id, 'company', 'company_relation', r.kind, false, 0
                 FROM company_relations r JOIN companies c ON c.id = r.company_id AND c.merged_into IS NULL
                WHERE r.other_id = ANY($3)
               UNION ALL
               SELECT 'person:' || d.person_id, 'document:' || d.number_norm, 'identifier', 'holds', d.document_type, true, 0
                 FROM person_documents d
                WHERE d.person_id = ANY($2)
                  AND EXISTS (SELECT 1 FROM person_documents o JOIN persons op ON op.id = o.person_id
                               WHERE o.number_norm = d.number_norm AND o.person_id <> d.person_id
                                 AND op.merged_into IS NULL)
               UNION ALL
               SELECT 'document:' || d.number_norm, 'person:' || d.person_id, 'person', 'holds', d.document_type, false, 0
                 FROM person_documents d JOIN persons p ON p.id = d.person_id AND p.merged_into IS NULL
                WHERE d.number_norm = ANY($5)
               UNION ALL
               SELECT 'person:' || k.person_id, k.kind || ':' || k.key, k.kind, 'holds', k.kind, true, 0
                 FROM person_keys k
                WHERE k.person_id = ANY($2)
                  AND (EXISTS (SELECT 1 FROM person_keys o
                                WHERE o.kind = k.kind AND o.key = k.key AND o.person_id <> k.person_id)
                       OR EXISTS (SELECT 1 FROM company_keys o WHERE o.kind = k.kind AND o.key = k.key))
               UNION ALL
               SELECT 'company:' || k.company_id, k.kind || ':' || k.key,
                      CASE WHEN k.kind IN ('address', 'phone', 'email') THEN k.kind ELSE 'identifier' END,
                      'holds', k.kind, true, 0
                 FROM company_keys k
                WHERE k.company_id = ANY($3)
                  AND (EXISTS (SELECT 1 FROM company_keys o
                                WHERE o.kind = k.kind AND o.key = k.key AND o.company_id <> k.company_id)
                       OR EXISTS (SELECT 1 FROM person_keys o WHERE o.kind = k.kind AND o.key = k.key))
               UNION ALL
               SELECT k.kind || ':' || k.key, 'person:' || k.person_id, 'person', 'holds', k.kind, false, 0
                 FROM person_keys k JOIN unnest($6::text[], $7::text[]) f (kind, key)
                   ON f.kind = k.kind AND f.key = k.key
               UNION ALL
               SELECT k.kind || ':' || k.key, 'company:' || k.company_id, 'company', 'holds', k.kind, false, 0
                 FROM company_keys k JOIN unnest($6::text[], $7::text[]) f (kind, key)
                   ON f.kind = k.kind AND f.key = k.key
                 JOIN companies c ON c.id = k.company_id AND c.merged_into IS NULL
             ) e
            WHERE e.nk = ANY($12)
         ) t
         WHERE rn > $13 AND rn <= $13 + $14"
    );
    Ok(diesel::sql_query(sql)
        .bind::<Array<SqlUuid>, _>(cases)
        .bind::<Array<SqlUuid>, _>(persons)
        .bind::<Array<SqlUuid>, _>(companies)
        .bind::<Array<SqlUuid>, _>(conveyances)
        .bind::<Array<Text>, _>(documents)
        .bind::<Array<Text>, _>(key_kinds)
        .bind::<Array<Text>, _>(keys)
        .bind::<SqlUuid, _>(scope.unit_id)
        .bind::<Bool, _>(scope.own_drafts)
        .bind::<Nullable<Timestamptz>, _>(scope.since())
        .bind::<Nullable<Timestamptz>, _>(scope.until())
        .bind::<Array<Text>, _>(kinds)
        .bind::<BigInt, _>(offset)
        .bind::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

/// 404 unless the node is a record the reader may know of (a case: not another unit's
/// draft; a person or company: not merged away) — a key is checked by its links.
pub async fn require_known(
    conn: &mut AsyncPgConnection,
    node: &NodeRef,
    scope: &Scope,
) -> Result<()> {
    let known = match node {
        NodeRef::Case(id) => seizure_cases::table
            .find(id)
            .select((seizure_cases::status, seizure_cases::reporting_unit_id))
            .first::<(String, Uuid)>(conn)
            .await
            .optional()?
            .is_some_and(|(status, unit)| {
                status != "draft" || (unit == scope.unit_id && scope.own_drafts)
            }),
        NodeRef::Person(id) => {
            persons::table
                .find(id)
                .filter(persons::merged_into.is_null())
                .count()
                .get_result::<i64>(conn)
                .await?
                > 0
        }
        NodeRef::Company(id) => {
            companies::table
                .find(id)
                .filter(companies::merged_into.is_null())
                .count()
                .get_result::<i64>(conn)
                .await?
                > 0
        }
        NodeRef::Conveyance(id) => {
            conveyances::table
                .find(id)
                .count()
                .get_result::<i64>(conn)
                .await?
                > 0
        }
        NodeRef::Key { .. } => true,
    };
    if known {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

type CaseLabel = (Uuid, String, DateTime<Utc>, String, String);
type PersonLabel = (Uuid, String, Option<String>, Option<i16>, Vec<String>);
type CompanyLabel = (Uuid, String, Option<String>);
type ConveyanceLabel = (Uuid, String, String, Option<String>);

/// The nodes, labelled, in the order given (a record gone meanwhile is left out).
pub async fn labelled(conn: &mut AsyncPgConnection, nodes: &[NodeRef]) -> Result<Vec<GraphNode>> {
    let ids =
        |f: fn(&NodeRef) -> Option<Uuid>| -> Vec<Uuid> { nodes.iter().filter_map(f).collect() };
    let case_ids = ids(|n| {
        if let NodeRef::Case(id) = n {
            Some(*id)
        } else {
            None
        }
    });
    let person_ids = ids(|n| {
        if let NodeRef::Person(id) = n {
            Some(*id)
        } else {
            None
        }
    });
    let company_ids = ids(|n| {
        if let NodeRef::Company(id) = n {
            Some(*id)
        } else {
            None
        }
    });
    let conveyance_ids = ids(|n| {
        if let NodeRef::Conveyance(id) = n {
            Some(*id)
        } else {
            None
        }
    });
    let mut found: HashMap<Uuid, (String, Option<String>, Option<NaiveDate>)> = HashMap::new();
    if !case_ids.is_empty() {
        let rows: Vec<CaseLabel> = seizure_cases::table
            .filter(seizure_cases::id.eq_any(&case_ids))
            .select((
                seizure_cases::id,
                seizure_cases::reference,
                seizure_cases::detected_at,
                seizure_cases::status,
                seizure_cases::kind,
            ))
            .load(conn)
            .await?;
        for (id, reference, at, status, kind) in rows {
            let day = at.date_naive();
            found.insert(
                id,
                (
                    reference,
                    Some(format!("{day} · {kind} · {status}")),
                    Some(day),
                ),
            );
        }
    }
    if !person_ids.is_empty() {
        let rows: Vec<PersonLabel> = persons::table
            .filter(persons::id.eq_any(&person_ids))
            .select((
                persons::id,
                persons::family_name,
                persons::given_names,
                persons::birth_year,
                persons::nationalities,
            ))
            .load(conn)
            .await?;
        for (id, family, given, born, nationalities) in rows {
            let name = match given {
                Some(g) if !g.is_empty() => format!("{family}, {g}"),
                _ => family,
            };
            let detail = born
                .map(|y| y.to_string())
                .into_iter()
                .chain((!nationalities.is_empty()).then(|| nationalities.join(", ")))
                .collect::<Vec<_>>()
                .join(" · ");
            found.insert(id, (name, (!detail.is_empty()).then_some(detail), None));
        }
    }
    if !company_ids.is_empty() {
        let rows: Vec<CompanyLabel> = companies::table
            .filter(companies::id.eq_any(&company_ids))
            .select((companies::id, companies::name, companies::country))
            .load(conn)
            .await?;
        for (id, name, country) in rows {
            found.insert(id, (name, country, None));
        }
    }
    if !conveyance_ids.is_empty() {
        let rows: Vec<ConveyanceLabel> = conveyances::table
            .filter(conveyances::id.eq_any(&conveyance_ids))
            .select((
                conveyances::id,
                conveyances::conveyance_type,
                conveyances::identifier,
                conveyances::name,
            ))
            .load(conn)
            .await?;
        for (id, kind, identifier, name) in rows {
            let label = match name {
                Some(n) if !n.is_empty() => format!("{identifier} ({n})"),
                _ => identifier,
            };
            found.insert(id, (label, Some(kind), None));
        }
    }
    Ok(nodes
        .iter()
        .filter_map(|n| {
            let record = match n {
                NodeRef::Case(id)
                | NodeRef::Person(id)
                | NodeRef::Company(id)
                | NodeRef::Conveyance(id) => Some(*id),
                NodeRef::Key { .. } => None,
            };
            let (label, detail, date) = match (n, record) {
                (NodeRef::Key { kind, key }, _) => (key.clone(), Some(kind.clone()), None),
                (_, Some(id)) => found.get(&id)?.clone(),
                _ => return None,
            };
            Some(GraphNode {
                id: n.id(),
                kind: n.kind(),
                label,
                detail,
                record_id: record,
                date,
            })
        })
        .collect())
}
