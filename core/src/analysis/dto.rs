//! Link analysis: what an analyst asks (a node to expand, two nodes to join) and the graph
//! that comes back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

crate::text_enum! {
    /// What a node of the link graph is. `identifier` is a travel or identity document's
    /// number (`document:<number>`) or a company's trade identifier or bank account
    /// (`eori:…`, `vat:…`, `iban:…`); `address`, `phone` and `email` a contact point
    /// given by at least two persons or companies.
    pub enum GraphNodeKind {
        Case = "case",
        Person = "person",
        Company = "company",
        Conveyance = "conveyance",
        Identifier = "identifier",
        Address = "address",
        Phone = "phone",
        Email = "email",
    }
}

crate::text_enum! {
    /// How two nodes are linked: a case names a person, company or conveyance
    /// (`role` says as what); a person holds a role in a company; two companies are related
    /// (`parent_of`, `same_group`…); a person or company has an identifier or contact point.
    pub enum GraphEdgeKind {
        InCase = "in_case",
        CompanyRole = "company_role",
        CompanyRelation = "company_relation",
        Holds = "holds",
    }
}

/// Neighbours of one node.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExpandParams {
    /// The node: `case:<uuid>`, `person:<uuid>`, `company:<uuid>`, `conveyance:<uuid>`,
    /// `document:<number>` (any spelling of a document number), or a shared key as the
    /// graph names it (`phone:<last nine digits>`, `address:<folded>`, `eori:<number>`…).
    #[param(
        min_length = 3,
        max_length = 400,
        pattern = "^((case|person|company|conveyance):[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(document|phone|email|address|eori|vat|registration|tax|lei|iban|aeo|website):[^\u{0}]*[0-9A-Za-z][^\u{0}]*)$"
    )]
    pub node: String,
    /// Kinds of neighbours to list, comma-separated (default: every kind).
    #[param(
        max_length = 200,
        example = "case,person,company",
        pattern = "^(case|person|company|conveyance|identifier|address|phone|email)(,(case|person|company|conveyance|identifier|address|phone|email))*$"
    )]
    pub kinds: Option<String>,
    /// Only cases detected on or after this day.
    pub from: Option<NaiveDate>,
    /// Only cases detected on or before this day.
    pub to: Option<NaiveDate>,
    /// Neighbours to skip (the first page showed `limit`).
    #[param(minimum = 0, maximum = 100000)]
    pub offset: Option<i64>,
    /// 1–1000 (default 200).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// The shortest chain of links between two nodes.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PathParams {
    /// The first node (as `node` of the expansion).
    #[param(
        min_length = 3,
        max_length = 400,
        pattern = "^((case|person|company|conveyance):[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(document|phone|email|address|eori|vat|registration|tax|lei|iban|aeo|website):[^\u{0}]*[0-9A-Za-z][^\u{0}]*)$"
    )]
    pub source: String,
    /// The second node.
    #[param(
        min_length = 3,
        max_length = 400,
        pattern = "^((case|person|company|conveyance):[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(document|phone|email|address|eori|vat|registration|tax|lei|iban|aeo|website):[^\u{0}]*[0-9A-Za-z][^\u{0}]*)$"
    )]
    pub target: String,
    /// Most links in the chain, 1–6 (default 4).
    #[param(minimum = 1, maximum = 6)]
    pub max_hops: Option<u8>,
    /// Kinds of nodes the chain may pass through, comma-separated (default: every kind).
    #[param(
        max_length = 200,
        pattern = "^(case|person|company|conveyance|identifier|address|phone|email)(,(case|person|company|conveyance|identifier|address|phone|email))*$"
    )]
    pub kinds: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GraphNode {
    /// `case:<uuid>`, `person:<uuid>`, `company:<uuid>`, `conveyance:<uuid>`, or
    /// `<key kind>:<normalised value>` (`document:…`, `phone:…`, `address:…`, `eori:…`).
    pub id: String,
    pub kind: GraphNodeKind,
    /// The case's reference, the person's or company's name, the conveyance's identifier,
    /// the key's value.
    pub label: String,
    /// A second line: the case's date and status, a person's birth year and nationalities,
    /// a company's country, a conveyance's type, a key's kind.
    pub detail: Option<String>,
    /// The record the browser app opens (cases, persons, companies, conveyances).
    pub record_id: Option<Uuid>,
    /// A case's detection day.
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    pub kind: GraphEdgeKind,
    /// The role in the case (`offender`, `importer`, `carrier`…) or in the company
    /// (`director`…), the relation (`parent_of`…), or the key's kind (`passport`, `phone`…).
    pub role: String,
}

/// A node whose neighbours were not all listed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GraphTruncated {
    pub node: String,
    pub shown: i64,
    pub total: i64,
}

/// A node and its neighbours.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LinkGraph {
    /// The expanded node.
    pub node: String,
    /// The node first, then its neighbours.
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Set when more neighbours exist than were listed (ask again with `offset`).
    pub truncated: Option<GraphTruncated>,
}

/// The shortest chain between two nodes, if one exists within `max_hops`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LinkPath {
    pub found: bool,
    /// Links in the chain.
    pub hops: Option<u8>,
    /// The chain's nodes, from `source` to `target` (empty when none was found).
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Nodes the search visited.
    pub explored: usize,
    /// False when a node with more links than the search follows (a hub: an address
    /// shared by thousands) was cut short: a longer-looking or absent chain may then
    /// exist through it.
    pub complete: bool,
}
