//! Writing cases: references, the case row, its children and links (replaced as a whole on
//! every save), status changes and history. Everything runs on the caller's transaction.
//! New cases an import writes together go through `Batch` (`batch`).

use super::check::{Plan, Target};
use super::dto::{CaseStatus, GoodsInput, RouteLegInput};
use super::model::{
    CaseRow, CaseValues, CompanyLinkRow, ConveyanceLinkRow, GoodsRow, LegRow, PersonLinkRow,
};
use super::read::Loaded;
use crate::audit::{record_many, Actor, Event};
use crate::db::schema::{
    seizure_case_companies, seizure_case_conveyances, seizure_case_persons, seizure_cases,
    seizure_goods, seizure_history, seizure_route_legs,
};
use crate::error::Error;
use crate::registers::companies::Companies;
use crate::registers::conveyances::Conveyances;
use crate::registers::history::{self, Created};
use crate::registers::persons::Persons;
use crate::registers::{NewRecord, Register};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

/// The next reference of `year`: `<country>-<year>-<6-digit sequence>`. The counter row
/// stays locked until the transaction ends, so references are unique and gap-free.
pub async fn next_reference(
    conn: &mut AsyncPgConnection,
    country: &str,
    year: i32,
) -> QueryResult<String> {
    let n = crate::common::reference::next(conn, crate::common::reference::Counter::Seizures, year)
        .await?;
    Ok(format!("{country}-{year}-{n:06}"))
}

fn values(plan: &Plan) -> CaseValues {
    let c = plan.case.clone();
    CaseValues {
        kind: plan.kind,
        detected_at: c.detected_at.unwrap_or_else(Utc::now),
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
    }
}

pub struct NewCase<'a> {
    pub id: Uuid,
    pub reference: &'a str,
    pub unit_id: Uuid,
    pub user_id: Uuid,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: NewCase<'_>,
    plan: Plan,
    actor: &Actor,
) -> Result<Loaded, Error> {
    let case: CaseRow = diesel::insert_into(seizure_cases::table)
        .values((
            seizure_cases::id.eq(new.id),
            seizure_cases::reference.eq(new.reference),
            seizure_cases::status.eq(CaseStatus::Draft),
            seizure_cases::reporting_unit_id.eq(new.unit_id),
            seizure_cases::reporting_officer_id.eq(new.user_id),
            values(&plan),
            seizure_cases::created_by.eq(new.user_id),
            seizure_cases::updated_by.eq(new.user_id),
        ))
        .returning(CaseRow::as_returning())
        .get_result(conn)
        .await?;
    write_children(conn, case, plan, new.user_id, actor).await
}

/// Saves a new state when the stored version is `expected` (412 otherwise).
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    plan: Plan,
    user_id: Uuid,
    actor: &Actor,
) -> Result<Loaded, Error> {
    let case: CaseRow = diesel::update(
        seizure_cases::table
            .filter(seizure_cases::id.eq(id))
            .filter(seizure_cases::version.eq(expected)),
    )
    .set((
        values(&plan),
        seizure_cases::version.eq(seizure_cases::version + 1),
        seizure_cases::updated_at.eq(Utc::now()),
        seizure_cases::updated_by.eq(user_id),
    ))
    .returning(CaseRow::as_returning())
    .get_result(conn)
    .await
    .optional()?
    .ok_or(Error::StaleVersion)?;
    diesel::delete(seizure_goods::table.filter(seizure_goods::case_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(seizure_route_legs::table.filter(seizure_route_legs::case_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(seizure_case_persons::table.filter(seizure_case_persons::case_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(seizure_case_companies::table.filter(seizure_case_companies::case_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(
        seizure_case_conveyances::table.filter(seizure_case_conveyances::case_id.eq(id)),
    )
    .execute(conn)
    .await?;
    write_children(conn, case, plan, user_id, actor).await
}

/// A case's rows besides its own (or a batch's), and the register records its inline parties
/// created (in the registers already; their history and audit rows not yet written).
#[derive(Default)]
struct Children {
    goods: Vec<GoodsRow>,
    legs: Vec<LegRow>,
    persons: Vec<PersonLinkRow>,
    companies: Vec<CompanyLinkRow>,
    conveyances: Vec<ConveyanceLinkRow>,
    created: Vec<Created>,
}

impl Children {
    /// The case as stored once these rows are; the records created, for their history.
    fn stored(self, case: CaseRow) -> (Loaded, Vec<Created>) {
        let loaded = Loaded {
            case,
            goods: self.goods,
            legs: self.legs,
            persons: self.persons,
            companies: self.companies,
            conveyances: self.conveyances,
        };
        (loaded, self.created)
    }
}

/// New persons and conveyances of cases, to be written together (`Batch`).
#[derive(Default)]
struct Deferred {
    persons: Vec<NewRecord<<Persons as Register>::Clean>>,
    conveyances: Vec<NewRecord<<Conveyances as Register>::Clean>>,
}

/// Creates the plan's new register records — or, with `defer`, its new persons and
/// conveyances are added to it — and returns the case's other rows, to insert.
async fn children(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
    detected_at: DateTime<Utc>,
    plan: Plan,
    user_id: Uuid,
    defer: Option<&mut Deferred>,
) -> Result<Children, Error> {
    let mut created = Vec::new();
    let (later_persons, later_conveyances) = match defer {
        Some(d) => (Some(&mut d.persons), Some(&mut d.conveyances)),
        None => (None, None),
    };
    let persons = parties::<Persons>(
        conn,
        plan.persons,
        user_id,
        detected_at,
        &mut created,
        later_persons,
    )
    .await?
    .into_iter()
    .map(|(person_id, role, position)| PersonLinkRow {
        case_id,
        person_id,
        role,
        position,
    })
    .collect();
    let companies = parties::<Companies>(
        conn,
        plan.companies,
        user_id,
        detected_at,
        &mut created,
        None,
    )
    .await?
    .into_iter()
    .map(|(company_id, role, position)| CompanyLinkRow {
        case_id,
        company_id,
        role,
        position,
    })
    .collect();
    let conveyances = parties::<Conveyances>(
        conn,
        plan.conveyances,
        user_id,
        detected_at,
        &mut created,
        later_conveyances,
    )
    .await?
    .into_iter()
    .map(|(conveyance_id, role, position)| ConveyanceLinkRow {
        case_id,
        conveyance_id,
        role,
        position,
    })
    .collect();
    Ok(Children {
        goods: goods_rows(case_id, plan.goods),
        legs: leg_rows(case_id, plan.route),
        persons,
        companies,
        conveyances,
        created,
    })
}

/// Inserts rows of one table, a thousand per statement (under PostgreSQL's 65 535
/// parameters for every table here).
macro_rules! insert_chunked {
    ($conn:expr, $table:expr, $rows:expr) => {
        for chunk in $rows.chunks(1000) {
            diesel::insert_into($table)
                .values(chunk)
                .execute($conn)
                .await?;
        }
    };
}

/// Inserts the goods, route legs and links of one or more cases.
async fn insert_children(conn: &mut AsyncPgConnection, c: &Children) -> Result<(), Error> {
    insert_chunked!(conn, seizure_goods::table, c.goods);
    insert_chunked!(conn, seizure_route_legs::table, c.legs);
    insert_chunked!(conn, seizure_case_persons::table, c.persons);
    insert_chunked!(conn, seizure_case_companies::table, c.companies);
    for chunk in c.conveyances.chunks(1000) {
        diesel::insert_into(seizure_case_conveyances::table)
            .values(chunk)
            .execute(conn)
            .await
            .map_err(|e| match Error::from(e) {
                Error::Conflict(_) => {
                    Error::Conflict("the same conveyance is linked twice with the same role".into())
                }
                other => other,
            })?;
    }
    Ok(())
}

/// The history and audit rows (`{kind}.create`, naming the case) of the register records
/// cases' saves created; `cases[i]` is the case that created `created[i]`.
async fn record_created(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    cases: &[Uuid],
    created: &[Created],
) -> Result<(), Error> {
    history::add_created(conn, actor, created).await?;
    let actions: Vec<String> = created
        .iter()
        .map(|c| format!("{}.create", c.kind))
        .collect();
    let events: Vec<Event> = created
        .iter()
        .zip(&actions)
        .zip(cases)
        .map(|((c, action), case_id)| {
            Event::new(action)
                .object(c.kind, c.id)
                .details(serde_json::json!({ "case_id": case_id }))
        })
        .collect();
    record_many(conn, actor, &events).await?;
    Ok(())
}

/// Inserts goods, route and links, creating inline register records first: the case as
/// stored (`case`, the row just written, and what this wrote — nothing read back).
async fn write_children(
    conn: &mut AsyncPgConnection,
    case: CaseRow,
    plan: Plan,
    user_id: Uuid,
    actor: &Actor,
) -> Result<Loaded, Error> {
    let case_id = case.id;
    let c = children(conn, case_id, case.detected_at, plan, user_id, None).await?;
    insert_children(conn, &c).await?;
    let (loaded, created) = c.stored(case);
    record_created(conn, actor, &vec![case_id; created.len()], &created).await?;
    refresh_filter_arrays(conn, case_id).await?;
    Ok(loaded)
}

mod batch;
pub use batch::Batch;

fn goods_rows(case_id: Uuid, goods: Vec<(GoodsInput, Option<f64>)>) -> Vec<GoodsRow> {
    goods
        .into_iter()
        .enumerate()
        .map(|(i, (g, mass_kg))| GoodsRow {
            id: Uuid::now_v7(),
            case_id,
            position: i as i32 + 1,
            commodity_group: g.commodity_group.unwrap_or_default(),
            commodity_type: g.commodity_type,
            hs_code: g.hs_code,
            description: g.description,
            quantity: g.quantity.unwrap_or_default(),
            unit: g.unit.unwrap_or_default(),
            mass_kg,
            value: g.value,
            currency: g.currency,
            packaging: g.packaging,
            brand: g.brand,
            species: g.species,
            cites_appendix: g.cites_appendix,
            purity_percent: g.purity_percent,
        })
        .collect()
}

fn leg_rows(case_id: Uuid, route: Vec<RouteLegInput>) -> Vec<LegRow> {
    route
        .into_iter()
        .map(|l| LegRow {
            case_id,
            position: l.position.unwrap_or_default(),
            country: l.country.unwrap_or_default(),
            unlocode: l.unlocode,
            place: l.place,
            role: l.role.unwrap_or_default(),
            departure_date: l.departure_date,
            arrival_date: l.arrival_date,
        })
        .collect()
}

/// The register id, role and position of each party, in order: an existing record's id, or
/// a record created here (its first version noted in `created`, for its history and audit;
/// its last case the one at `detected_at` creating it).
/// With `defer`, a new record is added to it instead, to be written later (`Batch`).
async fn parties<R: Register>(
    conn: &mut AsyncPgConnection,
    parties: Vec<(Target<R::Clean>, String)>,
    user_id: Uuid,
    detected_at: DateTime<Utc>,
    created: &mut Vec<Created>,
    mut defer: Option<&mut Vec<NewRecord<R::Clean>>>,
) -> Result<Vec<(Uuid, String, i32)>, Error> {
    let mut out = Vec::with_capacity(parties.len());
    for (i, (target, role)) in parties.into_iter().enumerate() {
        let id = match target {
            Target::Existing(id) => id,
            Target::New(clean) => {
                let id = Uuid::now_v7();
                created.push(Created {
                    kind: R::KIND,
                    id,
                    changes: history::changes(&serde_json::Value::Null, R::input(&clean))?,
                });
                let last_case = Some(detected_at);
                match defer.as_deref_mut() {
                    Some(later) => later.push(NewRecord {
                        id,
                        clean,
                        by: user_id,
                        last_case,
                    }),
                    None => R::insert(conn, id, &clean, user_id, last_case).await?,
                }
                id
            }
        };
        out.push((id, role, i as i32 + 1));
    }
    Ok(out)
}

diesel::define_sql_function! {
    /// Rewrites the list filters' copy of the cases' route countries and conveyance types
    /// (`seizure_cases.route_countries` / `conveyance_types`) from their legs and links;
    /// migration 2026-12-02-000001. Returns how many cases changed.
    fn seizure_refresh_filter_arrays(ids: diesel::sql_types::Array<diesel::sql_types::Uuid>) -> diesel::sql_types::Integer;
}

/// Refreshes one case's filter arrays, after its route legs and conveyance links were written.
pub async fn refresh_filter_arrays(
    conn: &mut AsyncPgConnection,
    case_id: Uuid,
) -> QueryResult<i32> {
    diesel::select(seizure_refresh_filter_arrays(vec![case_id]))
        .get_result(conn)
        .await
}

/// Moves a case to `status` when its version is `expected`; returns the new version.
pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected: i32,
    status: CaseStatus,
    user_id: Uuid,
) -> Result<i32, Error> {
    diesel::update(
        seizure_cases::table
            .filter(seizure_cases::id.eq(id))
            .filter(seizure_cases::version.eq(expected)),
    )
    .set((
        seizure_cases::status.eq(status),
        seizure_cases::version.eq(seizure_cases::version + 1),
        seizure_cases::updated_at.eq(Utc::now()),
        seizure_cases::updated_by.eq(user_id),
    ))
    .returning(seizure_cases::version)
    .get_result(conn)
    .await
    .optional()?
    .ok_or(Error::StaleVersion)
}

pub struct Change<'a> {
    pub case_id: Uuid,
    pub version: i32,
    pub action: &'a str,
    pub reason: Option<&'a str>,
    pub changes: serde_json::Value,
}

pub async fn add_history(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    c: Change<'_>,
) -> QueryResult<()> {
    diesel::insert_into(seizure_history::table)
        .values((
            seizure_history::case_id.eq(c.case_id),
            seizure_history::version.eq(c.version),
            seizure_history::action.eq(c.action),
            seizure_history::actor_id.eq(actor.id),
            seizure_history::actor_username.eq(actor.username.as_deref()),
            seizure_history::reason.eq(c.reason),
            seizure_history::changes.eq(c.changes),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
