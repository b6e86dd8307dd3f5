//! The persons a batch of case lines names, looked for in the registers with one statement
//! instead of one probe (and two reads) per person.
//!
//! Before a batch's lines are written (`Kind::prepare`), its new persons are listed; they
//! are probed for a hundred at a time (`persons_by_line`, with a single screening's bounds),
//! and the records found are read and prepared for the engine once each. A line then scores each of its new
//! persons against what the probe found for it and against the persons the batch's earlier
//! lines created — not yet written: they are at the batch's end — those sharing a selective
//! key or a document number with it: the conditions the probe puts to the indexes. A
//! one-token name is also looked for by spelling (trigrams), which is not repeated in
//! memory: such a person is screened on its own, as before, once the persons the batch
//! created so far are written (`Batch::flush`), so that it finds them all.

use crate::error::Result;
use crate::registers::candidates::{self, LineBounds, LineProbe};
use crate::registers::match_keys::person_facts;
use crate::registers::persons::{self, dto::PersonInput};
use crate::screening::dto::Candidate;
use crate::screening::service::{person_candidate_prepared, result};
use crate::screening::Thresholds;
use diesel_async::AsyncPgConnection;
use ncen_matching::keys::NameKeys;
use ncen_matching::person::Person;
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

/// A person of a batch: its line, and its place among its case's persons.
pub type Slot = (i32, usize);

/// A record, prepared for the engine.
struct Record {
    fields: PersonInput,
    prepared: Person,
}

/// A person an earlier line of the batch created.
struct Created {
    id: Uuid,
    record: Record,
}

/// A new person of the batch as the engine and the indexes read it, prepared once: for its
/// probe, its scoring and — once created — the comparisons of the lines after it.
struct Query {
    prepared: Person,
    /// Every key of its names (`match_keys`, as its record will store them).
    keys: NameKeys,
    documents: Vec<String>,
}

/// Persons probed for together: a batch's lines are probed a chunk at a time, so that the
/// records read for a chunk (a common name finds hundreds) are all that is held.
const CHUNK: usize = 100;

/// A batch's new persons, the probe of the current chunk of them, and the persons its lines
/// created so far.
#[derive(Default)]
pub struct BatchPersons {
    /// The new persons of the batch's lines, in line order; `wanted[..next]` were probed.
    wanted: Vec<(Slot, PersonInput)>,
    next: usize,
    /// The current chunk's persons, prepared (those its probe covers).
    queries: HashMap<Slot, Query>,
    probed: HashMap<Slot, Vec<Uuid>>,
    records: HashMap<Uuid, Record>,
    created: Vec<Created>,
    /// What the indexes would hold of `created`: each name key and document number, and
    /// the persons (their places in `created`) carrying it.
    by_key: HashMap<String, Vec<usize>>,
    by_document: HashMap<String, Vec<usize>>,
}

fn record(fields: PersonInput) -> Record {
    let prepared = Person::prepare(&person_facts(&fields));
    Record { fields, prepared }
}

impl BatchPersons {
    /// The batch's new persons, in line order (probed as the lines come).
    pub fn new(wanted: Vec<(Slot, PersonInput)>) -> Self {
        BatchPersons {
            wanted,
            ..BatchPersons::default()
        }
    }

    /// Probes the registers for `wanted[from..]`'s next chunk (one statement) and reads the
    /// records found (one read), in place of the chunk before. A person with a spelling
    /// probe is left out (to `screen_person`).
    async fn probe(&mut self, conn: &mut AsyncPgConnection, from: usize) -> Result<()> {
        let to = (from + CHUNK).min(self.wanted.len());
        let mut slots = Vec::new();
        let mut probes = Vec::new();
        let mut queries = HashMap::new();
        for (slot, input) in self.wanted.get(from..to).unwrap_or(&[]) {
            let facts = person_facts(input);
            let prepared = Person::prepare(&facts);
            let keys = prepared.keys();
            if !keys.spelling_probe().is_empty() {
                continue;
            }
            let documents = candidates::documents(&facts);
            probes.push(LineProbe {
                line: i32::try_from(slots.len()).unwrap_or(i32::MAX),
                keys: keys.selective(),
                latin: String::new(),
                birth_year: candidates::birth_year(&facts),
                documents: documents.clone(),
            });
            slots.push(*slot);
            let query = Query {
                prepared,
                keys,
                documents,
            };
            queries.insert(*slot, query);
        }
        self.next = to;
        self.queries = queries;
        self.probed = slots.iter().map(|s| (*s, Vec::new())).collect();
        self.records = HashMap::new();
        if probes.is_empty() {
            return Ok(());
        }
        let pairs = candidates::persons_by_line(conn, &probes, LineBounds::SINGLE).await?;
        let mut ids = BTreeSet::new();
        for (at, id) in pairs {
            let slot = usize::try_from(at).ok().and_then(|i| slots.get(i));
            if let Some(found) = slot.and_then(|s| self.probed.get_mut(s)) {
                found.push(id);
                ids.insert(id);
            }
        }
        let ids: Vec<Uuid> = ids.into_iter().collect();
        self.records = persons::repo::load_many(conn, &ids)
            .await?
            .into_iter()
            .map(|r| (r.id, record(r.fields)))
            .collect();
        Ok(())
    }

    /// The best `limit` candidates for the new person at `slot`, probing its chunk first if
    /// it was not; `None` when the probe leaves it out (it is screened on its own).
    pub async fn candidates(
        &mut self,
        conn: &mut AsyncPgConnection,
        t: Thresholds,
        slot: Slot,
        limit: i64,
    ) -> Result<Option<Vec<Candidate>>> {
        if !self.probed.contains_key(&slot) {
            let ahead = self.wanted.get(self.next..).unwrap_or(&[]);
            if let Some(at) = ahead.iter().position(|(s, _)| *s == slot) {
                self.probe(conn, self.next + at).await?;
            }
        }
        let (Some(ids), Some(q)) = (self.probed.get(&slot), self.queries.get(&slot)) else {
            return Ok(None);
        };
        let query = &q.prepared;
        // the persons created before, sharing a selective key or a document number with it
        let mut earlier: BTreeSet<usize> = BTreeSet::new();
        for k in q.keys.selective() {
            earlier.extend(self.by_key.get(&k).into_iter().flatten());
        }
        for d in &q.documents {
            earlier.extend(self.by_document.get(d).into_iter().flatten());
        }
        let mut scored = Vec::new();
        for id in ids {
            if let Some(r) = self.records.get(id) {
                scored.push(person_candidate_prepared(
                    query,
                    *id,
                    &r.fields,
                    &r.prepared,
                ));
            }
        }
        for c in earlier.into_iter().filter_map(|i| self.created.get(i)) {
            if ids.contains(&c.id) {
                // written (`Batch::flush`) before this chunk's probe found it
                continue;
            }
            let r = &c.record;
            scored.push(person_candidate_prepared(
                query,
                c.id,
                &r.fields,
                &r.prepared,
            ));
        }
        let n = scored.len();
        Ok(Some(result(scored, t, limit, n).candidates))
    }

    /// Remembers the person a line created for its new person at `slot` (`fields`), for the
    /// lines after it — as prepared for its probe, when it had one.
    pub fn created(&mut self, slot: Slot, id: Uuid, fields: PersonInput) {
        let q = match self.queries.remove(&slot) {
            Some(q) => q,
            None => {
                let facts = person_facts(&fields);
                let prepared = Person::prepare(&facts);
                Query {
                    keys: prepared.keys(),
                    prepared,
                    documents: candidates::documents(&facts),
                }
            }
        };
        let at = self.created.len();
        for k in q.keys.keys {
            self.by_key.entry(k).or_default().push(at);
        }
        for d in q.documents {
            self.by_document.entry(d).or_default().push(at);
        }
        self.created.push(Created {
            id,
            record: Record {
                fields,
                prepared: q.prepared,
            },
        });
    }
}
