//! `GET /seizures/{id}`: the case document and its `seizure.read` audit row, always in one
//! statement (a data-modifying CTE), so the read and its audit row commit together.
//!
//! The statement also checks the caller's session and role (what the `AuthUser` extractor
//! does elsewhere), so that a read is one round trip to the database.
//!
//! Most reads are served from `seizure_case_documents` (migration 2026-12-01-000001): the
//! document as this server renders it, kept correct by database triggers that clear it on any
//! change to the case, its children, or a record, unit or user it shows. A read that finds no
//! usable document builds it in one statement — the tables' own rows as JSON (`to_json(row)`),
//! read back into the diesel row types and assembled by `read::assemble`, the same code that
//! create and update use — answers with it, and stores it for the next reader, unless the case
//! changed meanwhile (its `generation` moved on).

use super::model::{CaseRow, CompanyLinkRow, ConveyanceLinkRow, GoodsRow, LegRow, PersonLinkRow};
use super::read::{self, Loaded, Related};
use crate::auth::tokens::Claims;
use crate::auth::{roles_granting, Permission};
use crate::error::Error;
use crate::registers::companies::repo::{self as company_repo, CompanyRow};
use crate::registers::conveyances::repo::{self as conveyance_repo, ConveyanceRow};
use crate::registers::persons::repo::{self as person_repo, DocumentRow, PersonRow};
use crate::seizures::attachments::repo::AttachmentRow;
use crate::seizures::dto::{CaseDto, ReopenNote};
use crate::seizures::history;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Array, Inet, Nullable, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use uuid::Uuid;

/// The roles that may read cases (checked by the read statement itself).
fn readers() -> &'static Vec<&'static str> {
    static READERS: OnceLock<Vec<&'static str>> = OnceLock::new();
    READERS.get_or_init(|| roles_granting(Permission::SeizuresRead))
}

/// The roles that see their own unit's drafts (`seizures::sees_drafts_of_own_unit`).
fn drafters() -> &'static Vec<&'static str> {
    static DRAFTERS: OnceLock<Vec<&'static str>> = OnceLock::new();
    DRAFTERS.get_or_init(|| {
        let mut roles = roles_granting(Permission::SeizuresWrite);
        roles.extend(roles_granting(Permission::SeizuresValidate));
        roles.sort_unstable();
        roles.dedup();
        roles
    })
}

/// Bump when the document changes in a way the API contract does not show (e.g. ordering).
const RENDERING_REVISION: &str = "1";

/// Which rendering a stored document was made by: a hash of the API contract (which the
/// caller, `ncen-api`, passes in as text) and of the rendering revision. A server of another
/// build rebuilds documents instead of serving them.
pub fn format_of(contract: &str) -> String {
    let digest = Sha256::new()
        .chain_update(RENDERING_REVISION)
        .chain_update(contract)
        .finalize();
    hex::encode(digest.get(..12).unwrap_or_default())
}

/// The caller's session and role, and the stored document of the current format: `$1` the
/// roles that may read cases, `$2` the roles that see their own unit's drafts, `$3` the
/// session, `$4` its user, `$5` the case, `$6` the format, `$7` and `$8` the address and
/// request id. Another unit's draft is never served (`seizures::visible`). Always one row:
/// no user = no live session.
const CACHED: [&str; 9] = [
    "WITH who AS (
    SELECT u.id, u.username, u.unit_id, u.roles && ",
    " AS allowed, u.roles && ",
    " AS drafter
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ",
    " AND s.user_id = ",
    " AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
), d AS (
    SELECT s.case_id, s.version, s.generation, s.document
      FROM seizure_case_documents s JOIN seizure_cases c ON c.id = s.case_id, who
     WHERE who.allowed AND s.document IS NOT NULL AND s.case_id = ",
    " AND s.format = ",
    "
       AND (c.status <> 'draft' OR (c.reporting_unit_id = who.unit_id AND who.drafter))
), logged AS (
    INSERT INTO audit_events (actor_id, actor_username, action, object_type, object_id, outcome, ip, request_id)
    SELECT who.id, who.username, 'seizure.read', 'seizure', d.case_id::text, 'success', ",
    ", ",
    " FROM d, who
)
SELECT who.id, who.username, who.allowed, who.unit_id, who.drafter, d.version, d.generation, d.document
  FROM (VALUES (1)) AS one (x) LEFT JOIN who ON true LEFT JOIN d ON true",
];

/// The whole case as rows (one JSON object per row of `c`), for the read's statement and
/// for [`documents`].
macro_rules! bundle_sql {
    () => {
        "SELECT json_build_object(
    'case', to_json(c),
    'generation', (SELECT s.generation FROM seizure_case_documents s WHERE s.case_id = c.id),
    'unit_name', (SELECT u.name FROM units u WHERE u.id = c.reporting_unit_id),
    'officer_name', (SELECT o.display_name FROM users o WHERE o.id = c.reporting_officer_id),
    'goods', coalesce((SELECT json_agg(g ORDER BY g.position) FROM seizure_goods g WHERE g.case_id = c.id), '[]'),
    'legs', coalesce((SELECT json_agg(l ORDER BY l.position) FROM seizure_route_legs l WHERE l.case_id = c.id), '[]'),
    'person_links', coalesce((SELECT json_agg(l ORDER BY l.position) FROM seizure_case_persons l WHERE l.case_id = c.id), '[]'),
    'company_links', coalesce((SELECT json_agg(l ORDER BY l.position) FROM seizure_case_companies l WHERE l.case_id = c.id), '[]'),
    'conveyance_links', coalesce((SELECT json_agg(l ORDER BY l.position) FROM seizure_case_conveyances l WHERE l.case_id = c.id), '[]'),
    'persons', coalesce((SELECT json_agg(json_build_object('person', p, 'documents',
            coalesce((SELECT json_agg(d ORDER BY d.position) FROM person_documents d WHERE d.person_id = p.id), '[]')))
        FROM persons p WHERE p.id IN (SELECT l.person_id FROM seizure_case_persons l WHERE l.case_id = c.id)), '[]'),
    'companies', coalesce((SELECT json_agg(x) FROM companies x
        WHERE x.id IN (SELECT l.company_id FROM seizure_case_companies l WHERE l.case_id = c.id)), '[]'),
    'conveyances', coalesce((SELECT json_agg(v) FROM conveyances v
        WHERE v.id IN (SELECT l.conveyance_id FROM seizure_case_conveyances l WHERE l.case_id = c.id)), '[]'),
    'attachments', coalesce((SELECT json_agg(a ORDER BY a.uploaded_at, a.id) FROM seizure_attachments a WHERE a.case_id = c.id), '[]'),
    'contributors', coalesce((SELECT json_agg(h.actor_id ORDER BY h.first) FROM (
        SELECT actor_id, min(id) AS first FROM seizure_history
         WHERE case_id = c.id AND actor_id IS NOT NULL AND action NOT IN ('validate', 'return', 'reopen')
         GROUP BY actor_id) h), '[]'),
    'reopened', (SELECT json_build_object('action', h.action, 'reason', h.reason,
            'by_name', coalesce((SELECT u.display_name FROM users u WHERE u.id = h.actor_id), h.actor_username),
            'at', h.at)
        FROM seizure_history h
        WHERE h.case_id = c.id AND c.status = 'draft' AND h.action IN ('submit', 'validate', 'return', 'reopen')
        ORDER BY h.id DESC LIMIT 1)
)::text AS bundle
FROM c"
    };
}

/// The whole case as rows, and its audit row: `$1` the case, `$2` the reader's unit, `$3`
/// whether the reader sees their unit's drafts, `$4…$7` the reader (user id, username,
/// address, request id). No row for a case the reader may not know of.
const BUILD: [&str; 8] = [
    "WITH c AS (SELECT * FROM seizure_cases WHERE id = ",
    " AND (status <> 'draft' OR (reporting_unit_id = ",
    " AND ",
    "))), logged AS (
    INSERT INTO audit_events (actor_id, actor_username, action, object_type, object_id, outcome, ip, request_id)
    SELECT ",
    ", ",
    ", 'seizure.read', 'seizure', c.id::text, 'success', ",
    ", ",
    concat!(" FROM c\n)\n", bundle_sql!()),
];

/// The statements have static SQL and a static query id, so that diesel keeps them prepared
/// on each connection (`sql_query` would be parsed and planned on every call).
struct Cached<'a> {
    id: Uuid,
    session: &'a Claims,
    format: &'a str,
    ip: Option<IpNetwork>,
    request_id: Option<&'a str>,
}

/// Marker types naming the two statements in diesel's statement cache.
struct CachedStatement;
struct BuildStatement;

impl QueryId for Cached<'_> {
    type QueryId = CachedStatement;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl QueryId for Build<'_> {
    type QueryId = BuildStatement;
    const HAS_STATIC_QUERY_ID: bool = true;
}

type CachedRow = (
    Option<Uuid>,
    Option<String>,
    Option<bool>,
    Option<Uuid>,
    Option<bool>,
    Option<i32>,
    Option<i64>,
    Option<String>,
);

impl Query for Cached<'_> {
    type SqlType = (
        Nullable<diesel::sql_types::Uuid>,
        Nullable<Text>,
        Nullable<diesel::sql_types::Bool>,
        Nullable<diesel::sql_types::Uuid>,
        Nullable<diesel::sql_types::Bool>,
        Nullable<diesel::sql_types::Integer>,
        Nullable<diesel::sql_types::BigInt>,
        Nullable<Text>,
    );
}

impl QueryFragment<Pg> for Cached<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(CACHED[0]);
        out.push_bind_param::<Array<Text>, _>(readers())?;
        out.push_sql(CACHED[1]);
        out.push_bind_param::<Array<Text>, _>(drafters())?;
        out.push_sql(CACHED[2]);
        out.push_bind_param::<diesel::sql_types::Uuid, _>(&self.session.sid)?;
        out.push_sql(CACHED[3]);
        out.push_bind_param::<diesel::sql_types::Uuid, _>(&self.session.sub)?;
        out.push_sql(CACHED[4]);
        out.push_bind_param::<diesel::sql_types::Uuid, _>(&self.id)?;
        out.push_sql(CACHED[5]);
        out.push_bind_param::<Text, _>(&self.format)?;
        out.push_sql(CACHED[6]);
        out.push_bind_param::<Nullable<Inet>, _>(&self.ip)?;
        out.push_sql(CACHED[7]);
        out.push_bind_param::<Nullable<Text>, _>(&self.request_id)?;
        out.push_sql(CACHED[8]);
        Ok(())
    }
}

struct Build<'a> {
    id: Uuid,
    unit_id: Uuid,
    drafter: bool,
    user_id: Uuid,
    username: Option<String>,
    ip: Option<IpNetwork>,
    request_id: Option<&'a str>,
}

impl Query for Build<'_> {
    type SqlType = Text;
}

impl QueryFragment<Pg> for Build<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(BUILD[0]);
        out.push_bind_param::<diesel::sql_types::Uuid, _>(&self.id)?;
        out.push_sql(BUILD[1]);
        out.push_bind_param::<diesel::sql_types::Uuid, _>(&self.unit_id)?;
        out.push_sql(BUILD[2]);
        out.push_bind_param::<diesel::sql_types::Bool, _>(&self.drafter)?;
        out.push_sql(BUILD[3]);
        out.push_bind_param::<diesel::sql_types::Uuid, _>(&self.user_id)?;
        out.push_sql(BUILD[4]);
        out.push_bind_param::<Nullable<Text>, _>(&self.username)?;
        out.push_sql(BUILD[5]);
        out.push_bind_param::<Nullable<Inet>, _>(&self.ip)?;
        out.push_sql(BUILD[6]);
        out.push_bind_param::<Nullable<Text>, _>(&self.request_id)?;
        out.push_sql(BUILD[7]);
        Ok(())
    }
}

#[derive(Deserialize)]
struct PersonWithDocuments {
    person: PersonRow,
    documents: Vec<DocumentRow>,
}

#[derive(Deserialize)]
struct Bundle {
    case: CaseRow,
    generation: Option<i64>,
    unit_name: Option<String>,
    officer_name: Option<String>,
    goods: Vec<GoodsRow>,
    legs: Vec<LegRow>,
    person_links: Vec<PersonLinkRow>,
    company_links: Vec<CompanyLinkRow>,
    conveyance_links: Vec<ConveyanceLinkRow>,
    persons: Vec<PersonWithDocuments>,
    companies: Vec<CompanyRow>,
    conveyances: Vec<ConveyanceRow>,
    attachments: Vec<AttachmentRow>,
    contributors: Vec<Uuid>,
    reopened: Option<ReopenNote>,
}

impl Bundle {
    fn into_dto(self) -> CaseDto {
        let loaded = Loaded {
            case: self.case,
            goods: self.goods,
            legs: self.legs,
            persons: self.person_links,
            companies: self.company_links,
            conveyances: self.conveyance_links,
        };
        let related = Related {
            unit_name: self.unit_name,
            officer_name: self.officer_name,
            persons: self
                .persons
                .into_iter()
                .map(|p| (p.person.id, person_repo::to_dto(p.person, p.documents)))
                .collect(),
            companies: self
                .companies
                .into_iter()
                .map(|r| (r.id, company_repo::to_dto(r)))
                .collect(),
            conveyances: self
                .conveyances
                .into_iter()
                .map(|r| (r.id, conveyance_repo::to_dto(r)))
                .collect(),
            attachments: self.attachments,
            contributors: self.contributors,
            reopened: self
                .reopened
                .and_then(|n| history::note(n.action, n.reason, n.by_name, n.at)),
            generation: self.generation.unwrap_or(0),
        };
        read::assemble(loaded, related)
    }
}

/// A case document as sent: its version and generation (for the ETag) and its JSON.
pub struct Document {
    pub version: i32,
    pub generation: i64,
    pub json: String,
}

/// What a read found.
pub enum Read {
    /// No live session for the token (signed out, expired, revoked, or the user disabled).
    Unauthenticated,
    /// The user's roles do not allow reading cases.
    Forbidden,
    /// No such case (nothing was written).
    NotFound,
    Found(Document),
}

/// Who reads, from where, and which document format this server renders (`format_of`).
pub struct Reader<'a> {
    pub session: &'a Claims,
    pub ip: Option<IpNetwork>,
    pub request_id: Option<&'a str>,
    pub format: &'a str,
}

/// The case document, with the caller's session and role checked and its `seizure.read`
/// audit row written by the same statement.
pub async fn read_audited(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    reader: Reader<'_>,
) -> Result<Read, Error> {
    let (user_id, username, allowed, unit_id, drafter, version, generation, json): CachedRow =
        Cached {
            id,
            session: reader.session,
            format: reader.format,
            ip: reader.ip,
            request_id: reader.request_id,
        }
        .get_result(conn)
        .await?;
    let (Some(user_id), Some(unit_id)) = (user_id, unit_id) else {
        return Ok(Read::Unauthenticated);
    };
    if allowed != Some(true) {
        return Ok(Read::Forbidden);
    }
    if let (Some(version), Some(generation), Some(json)) = (version, generation, json) {
        return Ok(Read::Found(Document {
            version,
            generation,
            json,
        }));
    }
    let build = Build {
        id,
        unit_id,
        drafter: drafter == Some(true),
        user_id,
        username,
        ip: reader.ip,
        request_id: reader.request_id,
    };
    let Some(rows) = build.get_result::<String>(conn).await.optional()? else {
        return Ok(Read::NotFound);
    };
    let bundle: Bundle = serde_json::from_str(&rows).map_err(Error::internal)?;
    let generation = bundle.generation;
    let case = bundle.into_dto();
    let document = Document {
        version: case.version,
        generation: case.generation,
        json: serde_json::to_string(&case).map_err(Error::internal)?,
    };
    if let Some(generation) = generation {
        // Best effort: the reader already has its answer; a failed store is rebuilt next time.
        if let Err(e) = store(conn, id, generation, reader.format, &document).await {
            tracing::warn!(error = %e, case = %id, "could not store a case document");
        }
    }
    Ok(Read::Found(document))
}

/// Keeps a rebuilt document, unless the case changed since it was read (a trigger moved
/// `generation` on; the `UPDATE` waits for a writer still holding the row, then re-checks).
async fn store(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    generation: i64,
    format: &str,
    document: &Document,
) -> QueryResult<()> {
    use crate::db::schema::seizure_case_documents as d;
    diesel::update(d::table)
        .filter(d::case_id.eq(id))
        .filter(d::generation.eq(generation))
        .set((
            d::format.eq(format),
            d::version.eq(document.version),
            d::document.eq(&document.json),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The documents of `ids` (those that exist, in no particular order), built in one statement
/// as a read builds one: for work over many cases (the CEN export), whose audit is its own.
pub async fn documents(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<CaseDto>, Error> {
    let rows: Vec<Built> = diesel::sql_query(concat!(
        "WITH c AS (SELECT * FROM seizure_cases WHERE id = ANY($1))\n",
        bundle_sql!()
    ))
    .bind::<Array<diesel::sql_types::Uuid>, _>(ids)
    .load(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            serde_json::from_str::<Bundle>(&r.bundle)
                .map(Bundle::into_dto)
                .map_err(Error::internal)
        })
        .collect()
}

#[derive(QueryableByName)]
struct Built {
    #[diesel(sql_type = Text)]
    bundle: String,
}
