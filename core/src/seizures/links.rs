//! What the seizure database knows about a register record: the cases it is linked to, and
//! its role in each. The link tables belong to this module; the registers never read them.

use super::dto::{CaseKind, CaseStatus, RecordRef};
use crate::audit::Actor;
use crate::auth::{Permission, Principal};
use crate::db::schema::{
    seizure_case_companies, seizure_case_conveyances, seizure_case_persons, seizure_cases,
    seizure_history,
};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The kind of register record a case links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Person,
    Company,
    Conveyance,
}

impl Party {
    /// The record's kind, as named in audit rows and histories.
    pub fn kind(self) -> &'static str {
        match self {
            Party::Person => "person",
            Party::Company => "company",
            Party::Conveyance => "conveyance",
        }
    }
}

/// A case a register record appears in, and its role there.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseAppearance {
    pub case_id: Uuid,
    pub reference: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub detected_at: DateTime<Utc>,
    pub role: String,
}

type Appearance = (Uuid, String, CaseKind, CaseStatus, DateTime<Utc>, String);

/// Every case `id` appears in that `viewer` may know of (another unit's drafts are left
/// out, `seizures::visible`), newest first, with its role there.
pub async fn appearances(
    conn: &mut AsyncPgConnection,
    party: Party,
    id: Uuid,
    viewer: &Principal,
) -> QueryResult<Vec<CaseAppearance>> {
    let own_drafts = super::sees_drafts_of_own_unit(viewer);
    let visible = || {
        seizure_cases::status
            .ne(CaseStatus::Draft)
            .or(seizure_cases::reporting_unit_id
                .eq(viewer.unit_id)
                .and(own_drafts.into_sql::<Bool>()))
    };
    macro_rules! linked_by {
        ($links:ident, $column:ident) => {
            $links::table
                .inner_join(seizure_cases::table)
                .filter($links::$column.eq(id))
                .filter(visible())
                .order((seizure_cases::detected_at.desc(), seizure_cases::id.desc()))
                .select((
                    seizure_cases::id,
                    seizure_cases::reference,
                    seizure_cases::kind,
                    seizure_cases::status,
                    seizure_cases::detected_at,
                    $links::role,
                ))
                .load::<Appearance>(conn)
                .await?
        };
    }
    let rows = match party {
        Party::Person => linked_by!(seizure_case_persons, person_id),
        Party::Company => linked_by!(seizure_case_companies, company_id),
        Party::Conveyance => linked_by!(seizure_case_conveyances, conveyance_id),
    };
    Ok(rows
        .into_iter()
        .map(
            |(case_id, reference, kind, status, detected_at, role)| CaseAppearance {
                case_id,
                reference,
                kind,
                status,
                detected_at,
                role,
            },
        )
        .collect())
}

/// The cases that link `id`, whatever their status and unit (as a subquery-free list).
async fn linking_cases(
    conn: &mut AsyncPgConnection,
    party: Party,
    id: Uuid,
) -> QueryResult<Vec<Uuid>> {
    match party {
        Party::Person => {
            use seizure_case_persons as l;
            l::table
                .filter(l::person_id.eq(id))
                .select(l::case_id)
                .distinct()
                .load(conn)
                .await
        }
        Party::Company => {
            use seizure_case_companies as l;
            l::table
                .filter(l::company_id.eq(id))
                .select(l::case_id)
                .distinct()
                .load(conn)
                .await
        }
        Party::Conveyance => {
            use seizure_case_conveyances as l;
            l::table
                .filter(l::conveyance_id.eq(id))
                .select(l::case_id)
                .distinct()
                .load(conn)
                .await
        }
    }
}

/// The units whose validated cases link `id`.
pub async fn validating_units(
    conn: &mut AsyncPgConnection,
    party: Party,
    id: Uuid,
) -> QueryResult<Vec<Uuid>> {
    let cases = linking_cases(conn, party, id).await?;
    seizure_cases::table
        .filter(seizure_cases::id.eq_any(cases))
        .filter(seizure_cases::status.eq(CaseStatus::Validated))
        .select(seizure_cases::reporting_unit_id)
        .distinct()
        .load(conn)
        .await
}

/// The rule for correcting a record that validated cases link (`units`, from
/// `validating_units`): a validated case is evidence its unit has reviewed, so the record
/// stays open to the officers of that unit; once a validated case of another unit links it,
/// only a supervisor of one of the units whose validated cases link it may correct it.
pub fn may_correct(who: &Principal, units: &[Uuid]) -> bool {
    units.iter().all(|u| *u == who.unit_id)
        || (who.can(Permission::SeizuresValidate) && units.contains(&who.unit_id))
}

/// After a linked record was corrected: every case that links it (the document it serves
/// changed) takes a new version, so its `ETag` moves, and a `record_update` entry in its
/// history with the record's `changes` (`{field: {old, new}}`).
pub async fn record_changed(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    party: Party,
    record: RecordRef,
    changes: &serde_json::Value,
) -> QueryResult<()> {
    let cases = linking_cases(conn, party, record.id).await?;
    if cases.is_empty() {
        return Ok(());
    }
    let bumped: Vec<(Uuid, i32)> = diesel::update(seizure_cases::table)
        .filter(seizure_cases::id.eq_any(cases))
        .set(seizure_cases::version.eq(seizure_cases::version + 1))
        .returning((seizure_cases::id, seizure_cases::version))
        .get_results(conn)
        .await?;
    let named = serde_json::to_value(&record).unwrap_or_default();
    let rows: Vec<_> = bumped
        .into_iter()
        .map(|(case_id, version)| {
            (
                seizure_history::case_id.eq(case_id),
                seizure_history::version.eq(version),
                seizure_history::action.eq("record_update"),
                seizure_history::actor_id.eq(actor.id),
                seizure_history::actor_username.eq(actor.username.clone()),
                seizure_history::changes.eq(changes.clone()),
                seizure_history::record.eq(Some(named.clone())),
            )
        })
        .collect();
    diesel::insert_into(seizure_history::table)
        .values(rows)
        .execute(conn)
        .await?;
    Ok(())
}
