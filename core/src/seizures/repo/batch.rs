//! Cases written a batch at a time (an import's): see `Batch`.

use super::{children, insert_children, record_created, values, Children, Deferred, NewCase};
use crate::audit::{record_many, Actor, Event};
use crate::db::schema::{conveyances, seizure_cases, seizure_history};
use crate::error::Error;
use crate::registers::conveyances::Conveyances;
use crate::registers::persons::Persons;
use crate::registers::Register;
use crate::seizures::check::Plan;
use crate::seizures::dto::CaseStatus;
use crate::seizures::model::{CaseRow, CaseValues};
use crate::seizures::read::Loaded;
use chrono::{Datelike, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// New cases written together (an import's batch). Each case is staged in turn
/// (`Batch::stage`); its rows — the case, goods, route, links, history and audit rows, and
/// the persons and conveyances it creates — wait for `Batch::write`, which inserts each
/// table's rows with one statement (per thousand), so the triggers on those tables run once
/// per batch, not once per case. The companies it creates are written at once.
///
/// The next cases' matching must find the records staged before them: the caller compares
/// persons with those it staged (`imports::parties`), looks conveyances up here
/// (`Batch::conveyance`), and writes what is staged (`Batch::flush`) before a lookup the
/// database must answer. Everything is written in the caller's transaction.
#[derive(Default)]
pub struct Batch {
    cases: Vec<(Uuid, Uuid, Uuid, CaseValues)>,
    /// Each case's history changes and audit details.
    changes: Vec<serde_json::Value>,
    details: Vec<serde_json::Value>,
    /// Every staged case's children, and the records they created.
    rows: Children,
    /// The case that created each of `rows.created`.
    created_by_case: Vec<Uuid>,
    /// The persons and conveyances staged cases create, not yet written.
    deferred: Deferred,
    /// The conveyances staged cases created, by identifier kind and normalised identifier.
    conveyances: HashMap<(String, String), Uuid>,
    /// Their types, for the cases' filter arrays.
    conveyance_types: HashMap<Uuid, String>,
    /// Each staged case's route countries and linked conveyances (its filter arrays, written
    /// with it, as `seizure_refresh_filter_arrays` would make them).
    filters: Vec<(BTreeSet<String>, Vec<Uuid>)>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// Stages a new case of `unit_id` reported by `user_id`: its register records are
    /// created now, the rest waits for `write`. The case as it will be stored (its
    /// reference empty until then), for its history (`changes`, computed from it by the
    /// caller) and the links the caller reads.
    pub async fn stage(
        &mut self,
        conn: &mut AsyncPgConnection,
        new: NewCase<'_>,
        plan: Plan,
    ) -> Result<Loaded, Error> {
        let v = values(&plan);
        let now = Utc::now();
        let case = CaseRow {
            id: new.id,
            reference: new.reference.to_string(),
            kind: v.kind,
            status: CaseStatus::Draft,
            reporting_unit_id: new.unit_id,
            reporting_officer_id: new.user_id,
            detected_at: v.detected_at,
            place: v.place.clone(),
            location_type: v.location_type.clone(),
            unlocode: v.unlocode.clone(),
            country: v.country.clone(),
            latitude: v.latitude,
            longitude: v.longitude,
            direction: v.direction.clone(),
            customs_procedure: v.customs_procedure.clone(),
            declaration_reference: v.declaration_reference.clone(),
            detection_methods: v.detection_methods.clone(),
            concealment_method: v.concealment_method.clone(),
            concealment_description: v.concealment_description.clone(),
            narrative: v.narrative.clone(),
            summary_non_nominal: v.summary_non_nominal.clone(),
            offender_nationality: v.offender_nationality.clone(),
            offender_gender: v.offender_gender.clone(),
            offender_age_band: v.offender_age_band.clone(),
            version: 1,
            created_by: new.user_id,
            created_at: now,
            updated_by: new.user_id,
            updated_at: now,
        };
        let before = self.deferred.conveyances.len();
        let deferred = Some(&mut self.deferred);
        let c = children(conn, new.id, case.detected_at, plan, new.user_id, deferred).await?;
        for r in self.deferred.conveyances.get(before..).unwrap_or(&[]) {
            let (input, norm) = &r.clean;
            let kind = input.identifier_kind.clone().unwrap_or_default();
            self.conveyances.insert((kind, norm.clone()), r.id);
            let kind = input.conveyance_type.clone().unwrap_or_default();
            self.conveyance_types.insert(r.id, kind);
        }
        self.filters.push((
            c.legs.iter().map(|l| l.country.clone()).collect(),
            c.conveyances.iter().map(|l| l.conveyance_id).collect(),
        ));
        self.cases.push((new.id, new.unit_id, new.user_id, v));
        let rows = &mut self.rows;
        rows.goods.extend(c.goods.iter().cloned());
        rows.legs.extend(c.legs.iter().cloned());
        rows.persons.extend(c.persons.iter().cloned());
        rows.companies.extend(c.companies.iter().cloned());
        rows.conveyances.extend(c.conveyances.iter().cloned());
        let (loaded, created) = c.stored(case);
        self.created_by_case
            .extend(std::iter::repeat_n(new.id, created.len()));
        rows.created.extend(created);
        Ok(loaded)
    }

    /// The conveyance a staged case created with this identifier (`norm`, normalised) of
    /// this kind, if one did.
    pub fn conveyance(&self, kind: Option<&str>, norm: &str) -> Option<Uuid> {
        let key = (kind.unwrap_or_default().to_string(), norm.to_string());
        self.conveyances.get(&key).copied()
    }

    /// Writes the persons and conveyances staged cases created so far (one statement per
    /// table), so that the database finds them.
    pub async fn flush(&mut self, conn: &mut AsyncPgConnection) -> Result<(), Error> {
        let persons = std::mem::take(&mut self.deferred.persons);
        Persons::insert_many(conn, &persons).await?;
        let conveyances = std::mem::take(&mut self.deferred.conveyances);
        Conveyances::insert_many(conn, &conveyances).await?;
        Ok(())
    }

    /// Keeps the history `changes` and the audit `details` of the case staged last.
    pub fn note(&mut self, changes: serde_json::Value, details: serde_json::Value) {
        self.changes.push(changes);
        self.details.push(details);
    }

    /// Writes every staged case, numbered `<country>-<year>-<n>` in the order staged (one
    /// counter update for all), with its history and audit rows (`seizure.create`, the
    /// details noted with the reference added). The ids written, in order.
    pub async fn write(
        mut self,
        conn: &mut AsyncPgConnection,
        actor: &Actor,
        country: &str,
    ) -> Result<Vec<Uuid>, Error> {
        self.flush(conn).await?;
        if self.cases.is_empty() {
            return Ok(Vec::new());
        }
        let year = Utc::now().year();
        let n = i32::try_from(self.cases.len()).map_err(Error::internal)?;
        let first = crate::common::reference::take(
            conn,
            crate::common::reference::Counter::Seizures,
            year,
            n,
        )
        .await?;
        let references: Vec<String> = (first..first + n)
            .map(|k| format!("{country}-{year}-{k:06}"))
            .collect();
        let ids: Vec<Uuid> = self.cases.iter().map(|c| c.0).collect();
        let filters = filter_arrays(conn, self.filters, self.conveyance_types).await?;
        let rows: Vec<_> = self
            .cases
            .into_iter()
            .zip(&references)
            .zip(filters)
            .map(
                |(((id, unit_id, user_id, v), reference), (countries, types))| {
                    (
                        seizure_cases::id.eq(id),
                        seizure_cases::route_countries.eq(countries),
                        seizure_cases::conveyance_types.eq(types),
                        seizure_cases::reference.eq(reference),
                        seizure_cases::status.eq(CaseStatus::Draft),
                        seizure_cases::reporting_unit_id.eq(unit_id),
                        seizure_cases::reporting_officer_id.eq(user_id),
                        v,
                        seizure_cases::created_by.eq(user_id),
                        seizure_cases::updated_by.eq(user_id),
                    )
                },
            )
            .collect();
        // 29 parameters a case: 1 000 stay far under the limit
        for chunk in rows.chunks(1000) {
            diesel::insert_into(seizure_cases::table)
                .values(chunk)
                .execute(conn)
                .await?;
        }
        insert_children(conn, &self.rows).await?;
        record_created(conn, actor, &self.created_by_case, &self.rows.created).await?;
        let history: Vec<_> = ids
            .iter()
            .zip(self.changes)
            .map(|(id, changes)| {
                (
                    seizure_history::case_id.eq(*id),
                    seizure_history::version.eq(1),
                    seizure_history::action.eq("create"),
                    seizure_history::actor_id.eq(actor.id),
                    seizure_history::actor_username.eq(actor.username.as_deref()),
                    seizure_history::changes.eq(changes),
                )
            })
            .collect();
        insert_chunked!(conn, seizure_history::table, history);
        let events: Vec<Event> = ids
            .iter()
            .zip(self.details)
            .zip(&references)
            .map(|((id, mut details), reference)| {
                if let Some(map) = details.as_object_mut() {
                    map.insert("reference".into(), serde_json::json!(reference));
                }
                Event::new("seizure.create")
                    .object("seizure", id)
                    .details(details)
            })
            .collect();
        record_many(conn, actor, &events).await?;
        Ok(ids)
    }
}

/// Each case's filter arrays — its route countries and the types of its conveyances, sorted
/// (byte order, as `COLLATE "C"`) without repeats — from what `stage` kept; the types of
/// conveyances the batch did not create are read with one statement.
async fn filter_arrays(
    conn: &mut AsyncPgConnection,
    cases: Vec<(BTreeSet<String>, Vec<Uuid>)>,
    mut types: HashMap<Uuid, String>,
) -> Result<Vec<(Vec<String>, Vec<String>)>, Error> {
    let unknown: BTreeSet<Uuid> = cases
        .iter()
        .flat_map(|(_, ids)| ids.iter().filter(|id| !types.contains_key(id)).copied())
        .collect();
    if !unknown.is_empty() {
        let ids: Vec<Uuid> = unknown.into_iter().collect();
        let found: Vec<(Uuid, String)> = conveyances::table
            .filter(conveyances::id.eq_any(ids))
            .select((conveyances::id, conveyances::conveyance_type))
            .load(conn)
            .await?;
        types.extend(found);
    }
    Ok(cases
        .into_iter()
        .map(|(countries, ids)| {
            let kinds: BTreeSet<&String> = ids.iter().filter_map(|id| types.get(id)).collect();
            (
                countries.into_iter().collect(),
                kinds.into_iter().cloned().collect(),
            )
        })
        .collect())
}
