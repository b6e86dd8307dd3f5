//! Reading cases: the whole case in a fixed number of queries (no N+1), the filtered
//! keyset-paginated list, and the history.

use super::dto::ReopenNote;
use super::dto::{
    CaseDto, CaseInput, CaseKind, CaseStatus, CaseSummary, CompanyLinkInput, ConveyanceLinkInput,
    GoodsDto, GoodsInput, LinkedCompany, LinkedConveyance, LinkedPerson, PersonLinkInput,
    RouteLegInput, SortOrder,
};
use super::model::{CaseRow, CompanyLinkRow, ConveyanceLinkRow, GoodsRow, LegRow, PersonLinkRow};
use crate::common::check::escape_like;
use crate::db::functions::ncen_fold;
use crate::db::schema::{
    seizure_case_companies, seizure_case_conveyances, seizure_case_documents, seizure_case_persons,
    seizure_cases, seizure_goods, seizure_route_legs, units, users,
};
use crate::error::Error;
use crate::registers::companies::dto::CompanyDto;
use crate::registers::conveyances::dto::ConveyanceDto;
use crate::registers::persons::dto::PersonDto;
use crate::registers::{companies, conveyances as conveyance_register, persons};
use crate::seizures::attachments::repo::AttachmentRow;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// A case and its child rows as stored.
pub struct Loaded {
    pub case: CaseRow,
    pub goods: Vec<GoodsRow>,
    pub legs: Vec<LegRow>,
    pub persons: Vec<PersonLinkRow>,
    pub companies: Vec<CompanyLinkRow>,
    pub conveyances: Vec<ConveyanceLinkRow>,
}

/// The case row alone (for permission and status checks before loading the rest).
pub async fn find_row(conn: &mut AsyncPgConnection, id: Uuid) -> Result<CaseRow, Error> {
    Ok(seizure_cases::table
        .find(id)
        .select(CaseRow::as_select())
        .first(conn)
        .await?)
}

/// Six queries: the case, then one per child table.
pub async fn load(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Loaded, Error> {
    let case = find_row(conn, id).await?;
    let goods = seizure_goods::table
        .filter(seizure_goods::case_id.eq(id))
        .order(seizure_goods::position)
        .select(GoodsRow::as_select())
        .load(conn)
        .await?;
    let legs = seizure_route_legs::table
        .filter(seizure_route_legs::case_id.eq(id))
        .order(seizure_route_legs::position)
        .select(LegRow::as_select())
        .load(conn)
        .await?;
    let persons = seizure_case_persons::table
        .filter(seizure_case_persons::case_id.eq(id))
        .order(seizure_case_persons::position)
        .select(PersonLinkRow::as_select())
        .load(conn)
        .await?;
    let companies = seizure_case_companies::table
        .filter(seizure_case_companies::case_id.eq(id))
        .order(seizure_case_companies::position)
        .select(CompanyLinkRow::as_select())
        .load(conn)
        .await?;
    let conveyances = seizure_case_conveyances::table
        .filter(seizure_case_conveyances::case_id.eq(id))
        .order(seizure_case_conveyances::position)
        .select(ConveyanceLinkRow::as_select())
        .load(conn)
        .await?;
    Ok(Loaded {
        case,
        goods,
        legs,
        persons,
        companies,
        conveyances,
    })
}

fn goods_input(g: &GoodsRow) -> GoodsInput {
    GoodsInput {
        commodity_group: Some(g.commodity_group.clone()),
        commodity_type: g.commodity_type.clone(),
        hs_code: g.hs_code.clone(),
        description: g.description.clone(),
        quantity: Some(g.quantity),
        unit: Some(g.unit.clone()),
        value: g.value,
        currency: g.currency.clone(),
        packaging: g.packaging.clone(),
        brand: g.brand.clone(),
        species: g.species.clone(),
        cites_appendix: g.cites_appendix.clone(),
        purity_percent: g.purity_percent,
    }
}

fn leg_input(l: &LegRow) -> RouteLegInput {
    RouteLegInput {
        position: Some(l.position),
        country: Some(l.country.clone()),
        unlocode: l.unlocode.clone(),
        place: l.place.clone(),
        role: Some(l.role.clone()),
        departure_date: l.departure_date,
        arrival_date: l.arrival_date,
    }
}

impl Loaded {
    /// The case in its input form (links by id): what a `PATCH` is merged into, and what
    /// the history compares.
    pub fn input(&self) -> CaseInput {
        let c = &self.case;
        CaseInput {
            kind: Some(c.kind.as_str().to_string()),
            detected_at: Some(c.detected_at),
            place: c.place.clone(),
            location_type: c.location_type.clone(),
            unlocode: c.unlocode.clone(),
            country: c.country.clone(),
            latitude: c.latitude,
            longitude: c.longitude,
            direction: c.direction.clone(),
            customs_procedure: c.customs_procedure.clone(),
            declaration_reference: c.declaration_reference.clone(),
            detection_methods: c.detection_methods.clone(),
            concealment_method: c.concealment_method.clone(),
            concealment_description: c.concealment_description.clone(),
            narrative: c.narrative.clone(),
            summary_non_nominal: c.summary_non_nominal.clone(),
            offender_nationality: c.offender_nationality.clone(),
            offender_gender: c.offender_gender.clone(),
            offender_age_band: c.offender_age_band.clone(),
            goods: self.goods.iter().map(goods_input).collect(),
            route: self.legs.iter().map(leg_input).collect(),
            persons: self
                .persons
                .iter()
                .map(|l| PersonLinkInput {
                    person_id: Some(l.person_id),
                    person: None,
                    role: Some(l.role.clone()),
                })
                .collect(),
            companies: self
                .companies
                .iter()
                .map(|l| CompanyLinkInput {
                    company_id: Some(l.company_id),
                    company: None,
                    role: Some(l.role.clone()),
                })
                .collect(),
            conveyances: self
                .conveyances
                .iter()
                .map(|l| ConveyanceLinkInput {
                    conveyance_id: Some(l.conveyance_id),
                    conveyance: None,
                    role: Some(l.role.clone()),
                })
                .collect(),
        }
    }
}

/// What a case document shows besides the case's own rows: names, the linked register
/// records and the attachments.
pub struct Related {
    pub unit_name: Option<String>,
    pub officer_name: Option<String>,
    pub persons: HashMap<Uuid, PersonDto>,
    pub companies: HashMap<Uuid, CompanyDto>,
    pub conveyances: HashMap<Uuid, ConveyanceDto>,
    pub attachments: Vec<AttachmentRow>,
    pub contributors: Vec<Uuid>,
    pub reopened: Option<ReopenNote>,
    /// The document's generation (`CaseDto::generation`).
    pub generation: i64,
}

/// The whole case document: six more queries (unit and officer names, the linked persons
/// with their documents, companies and conveyances, attachments), whatever the number of
/// links. `document::read_audited` builds the same document in a single statement.
pub async fn to_dto(conn: &mut AsyncPgConnection, l: Loaded) -> Result<CaseDto, Error> {
    let c = &l.case;
    let unit_name: Option<String> = units::table
        .find(c.reporting_unit_id)
        .select(units::name)
        .first(conn)
        .await
        .optional()?;
    let officer_name: Option<String> = users::table
        .find(c.reporting_officer_id)
        .select(users::display_name)
        .first(conn)
        .await
        .optional()?;
    let person_ids: Vec<Uuid> = l.persons.iter().map(|p| p.person_id).collect();
    let persons = persons::repo::load_many(conn, &person_ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let company_ids: Vec<Uuid> = l.companies.iter().map(|p| p.company_id).collect();
    let companies = companies::repo::load_many(conn, &company_ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let conveyance_ids: Vec<Uuid> = l.conveyances.iter().map(|p| p.conveyance_id).collect();
    let conveyances = conveyance_register::repo::load_many(conn, &conveyance_ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let attachments = crate::seizures::attachments::repo::of_case(conn, c.id).await?;
    let contributors = super::history::contributors(conn, c.id).await?;
    let reopened = super::history::reopened_note(conn, c.id, c.status).await?;
    let generation = seizure_case_documents::table
        .find(c.id)
        .select(seizure_case_documents::generation)
        .first(conn)
        .await
        .optional()?
        .unwrap_or(0);
    let related = Related {
        generation,
        unit_name,
        officer_name,
        persons,
        companies,
        conveyances,
        attachments,
        contributors,
        reopened,
    };
    Ok(assemble(l, related))
}

/// Puts the document together from rows already read.
pub fn assemble(l: Loaded, related: Related) -> CaseDto {
    let Related {
        unit_name,
        officer_name,
        persons: people,
        companies: firms,
        conveyances: vehicles,
        attachments,
        contributors,
        reopened,
        generation,
    } = related;
    let c = l.case;
    // A record linked under two roles appears once per role.
    let persons = l
        .persons
        .into_iter()
        .filter_map(|link| {
            Some(LinkedPerson {
                role: link.role,
                person: people.get(&link.person_id)?.clone(),
            })
        })
        .collect();
    let companies = l
        .companies
        .into_iter()
        .filter_map(|link| {
            Some(LinkedCompany {
                role: link.role,
                company: firms.get(&link.company_id)?.clone(),
            })
        })
        .collect();
    let conveyances = l
        .conveyances
        .into_iter()
        .filter_map(|link| {
            Some(LinkedConveyance {
                role: link.role,
                conveyance: vehicles.get(&link.conveyance_id)?.clone(),
            })
        })
        .collect();
    let attachments = attachments
        .into_iter()
        .map(crate::seizures::attachments::dto::AttachmentDto::from)
        .collect();
    CaseDto {
        contributors,
        reopened,
        generation,
        id: c.id,
        reference: c.reference,
        kind: c.kind,
        status: c.status,
        reporting_unit_id: c.reporting_unit_id,
        reporting_unit_name: unit_name,
        reporting_officer_id: c.reporting_officer_id,
        reporting_officer_name: officer_name,
        detected_at: c.detected_at,
        place: c.place,
        location_type: c.location_type,
        unlocode: c.unlocode,
        country: c.country,
        latitude: c.latitude,
        longitude: c.longitude,
        direction: c.direction,
        customs_procedure: c.customs_procedure,
        declaration_reference: c.declaration_reference,
        detection_methods: c.detection_methods,
        concealment_method: c.concealment_method,
        concealment_description: c.concealment_description,
        narrative: c.narrative,
        summary_non_nominal: c.summary_non_nominal,
        offender_nationality: c.offender_nationality,
        offender_gender: c.offender_gender,
        offender_age_band: c.offender_age_band,
        goods: l
            .goods
            .iter()
            .map(|g| GoodsDto {
                id: g.id,
                position: g.position,
                fields: goods_input(g),
                mass_kg: g.mass_kg,
            })
            .collect(),
        route: l.legs.iter().map(leg_input).collect(),
        persons,
        companies,
        conveyances,
        attachments,
        version: c.version,
        created_by: c.created_by,
        created_at: c.created_at,
        updated_by: c.updated_by,
        updated_at: c.updated_at,
    }
}

#[derive(Default)]
pub struct Filter {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub kind: Option<CaseKind>,
    pub status: Option<CaseStatus>,
    pub unit_id: Option<Uuid>,
    pub commodity_group: Option<String>,
    pub commodity_type: Option<String>,
    pub detection_method: Option<String>,
    pub concealment_method: Option<String>,
    pub location_type: Option<String>,
    pub direction: Option<String>,
    pub route_country: Option<String>,
    pub conveyance_type: Option<String>,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    pub q: Option<String>,
    /// Only these cases (a saved search checked against the cases just saved).
    pub among: Option<Vec<Uuid>>,
    pub viewer: Viewer,
    pub order: SortOrder,
    pub after: Option<(DateTime<Utc>, Uuid)>,
    pub limit: i64,
}

/// Whose list it is: drafts are listed to their recording unit's officers and supervisors
/// only (`seizures::visible`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Viewer {
    pub unit_id: Uuid,
    /// The viewer's roles see their own unit's drafts.
    pub drafts: bool,
}

/// The case list's query before its columns are chosen.
type CaseQuery<'a> = seizure_cases::BoxedQuery<'a, diesel::pg::Pg>;

/// One page of cases (limit + 1 rows, to tell whether there is more), then the commodity
/// groups of the page in one more query. Every filter is served by an index.
/// Counting stops here: beyond it a list says "more than".
pub const COUNT_CAP: i64 = 10_000;

/// How many cases match `f` (every page), up to `COUNT_CAP + 1`.
pub async fn count(conn: &mut AsyncPgConnection, f: &Filter) -> QueryResult<i64> {
    let mut q = by_columns(seizure_cases::table.into_boxed(), f);
    q = by_links(q, f);
    if let Some(text) = &f.q {
        q = by_text(q, text);
    }
    let capped = q.select(seizure_cases::id).limit(COUNT_CAP + 1);
    crate::db::count::CountRows(capped).get_result(conn).await
}

/// The ids of the cases matching `f`, up to `cap + 1` (the statistics of particular cases).
pub async fn ids(conn: &mut AsyncPgConnection, f: &Filter, cap: i64) -> QueryResult<Vec<Uuid>> {
    let mut q = by_columns(seizure_cases::table.into_boxed(), f);
    q = by_links(q, f);
    if let Some(text) = &f.q {
        q = by_text(q, text);
    }
    q.select(seizure_cases::id).limit(cap + 1).load(conn).await
}

pub async fn list(conn: &mut AsyncPgConnection, f: Filter) -> QueryResult<Vec<CaseSummary>> {
    let mut q = by_columns(seizure_cases::table.into_boxed(), &f);
    q = by_links(q, &f);
    if let Some(text) = &f.q {
        q = by_text(q, text);
    }
    let rows: Vec<CaseRow> = keyset(q, f.order, f.after)
        .select(CaseRow::as_select())
        .limit(f.limit + 1)
        .load(conn)
        .await?;
    super::summary::summaries(conn, rows).await
}

/// Filters on the case row's own columns. Route countries and conveyance types are copied
/// onto the case row (migration 2026-11-28-000005, kept by `seizure_refresh_filter_arrays`)
/// and GIN-indexed (`@>`).
fn by_columns<'a>(mut q: CaseQuery<'a>, f: &Filter) -> CaseQuery<'a> {
    use seizure_cases as c;
    let not_draft = c::status.ne(CaseStatus::Draft);
    q = if f.viewer.drafts {
        q.filter(not_draft.or(c::reporting_unit_id.eq(f.viewer.unit_id)))
    } else {
        q.filter(not_draft)
    };
    if let Some(ids) = &f.among {
        q = q.filter(c::id.eq_any(ids.clone()));
    }
    if let Some(v) = f.from {
        q = q.filter(c::detected_at.ge(v));
    }
    if let Some(v) = f.to {
        q = q.filter(c::detected_at.lt(v));
    }
    if let Some(v) = f.kind {
        q = q.filter(c::kind.eq(v));
    }
    if let Some(v) = f.status {
        q = q.filter(c::status.eq(v));
    }
    if let Some(v) = f.unit_id {
        q = q.filter(c::reporting_unit_id.eq(v));
    }
    if let Some(v) = f.concealment_method.clone() {
        q = q.filter(c::concealment_method.eq(v));
    }
    if let Some(v) = f.location_type.clone() {
        q = q.filter(c::location_type.eq(v));
    }
    if let Some(v) = f.direction.clone() {
        q = q.filter(c::direction.eq(v));
    }
    if let Some(v) = f.detection_method.clone() {
        q = q.filter(c::detection_methods.contains(vec![v]));
    }
    if let Some(v) = f.route_country.clone() {
        q = q.filter(c::route_countries.contains(vec![v]));
    }
    if let Some(v) = f.conveyance_type.clone() {
        q = q.filter(c::conveyance_types.contains(vec![v]));
    }
    q
}

/// Filters through the child tables: goods and the parties linked to the case.
fn by_links<'a>(mut q: CaseQuery<'a>, f: &Filter) -> CaseQuery<'a> {
    use seizure_cases as c;
    if let Some(v) = f.commodity_group.clone() {
        let goods = seizure_goods::table.filter(seizure_goods::commodity_group.eq(v));
        q = q.filter(c::id.eq_any(goods.select(seizure_goods::case_id)));
    }
    if let Some(v) = f.commodity_type.clone() {
        let goods = seizure_goods::table.filter(seizure_goods::commodity_type.eq(v));
        q = q.filter(c::id.eq_any(goods.select(seizure_goods::case_id)));
    }
    if let Some(v) = f.person_id {
        use seizure_case_persons as l;
        let links = l::table.filter(l::person_id.eq(v));
        q = q.filter(c::id.eq_any(links.select(l::case_id)));
    }
    if let Some(v) = f.company_id {
        use seizure_case_companies as l;
        let links = l::table.filter(l::company_id.eq(v));
        q = q.filter(c::id.eq_any(links.select(l::case_id)));
    }
    if let Some(v) = f.conveyance_id {
        use seizure_case_conveyances as l;
        let links = l::table.filter(l::conveyance_id.eq(v));
        q = q.filter(c::id.eq_any(links.select(l::case_id)));
    }
    q
}

/// Free text: the exact reference, or a substring of the case's or its goods' folded
/// `search_text` (generated columns, trigram-indexed).
fn by_text<'a>(q: CaseQuery<'a>, text: &str) -> CaseQuery<'a> {
    use seizure_cases as c;
    let pattern = || {
        "%".into_sql::<Text>()
            .concat(ncen_fold(escape_like(text)))
            .concat("%")
    };
    let in_goods = seizure_goods::table
        .filter(seizure_goods::search_text.assume_not_null().like(pattern()))
        .select(seizure_goods::case_id);
    q.filter(
        c::reference.eq(text.to_uppercase()).or(c::search_text
            .assume_not_null()
            .like(pattern())
            .or(c::id.eq_any(in_goods))),
    )
}

/// Orders by detection time then id, and starts after the cursor's position.
fn keyset<'a>(
    q: CaseQuery<'a>,
    order: SortOrder,
    after: Option<(DateTime<Utc>, Uuid)>,
) -> CaseQuery<'a> {
    use seizure_cases as c;
    match (order, after) {
        (SortOrder::Desc, Some((at, id))) => q
            .filter(
                c::detected_at
                    .lt(at)
                    .or(c::detected_at.eq(at).and(c::id.lt(id))),
            )
            .order((c::detected_at.desc(), c::id.desc())),
        (SortOrder::Desc, None) => q.order((c::detected_at.desc(), c::id.desc())),
        (SortOrder::Asc, Some((at, id))) => q
            .filter(
                c::detected_at
                    .gt(at)
                    .or(c::detected_at.eq(at).and(c::id.gt(id))),
            )
            .order((c::detected_at.asc(), c::id.asc())),
        (SortOrder::Asc, None) => q.order((c::detected_at.asc(), c::id.asc())),
    }
}
