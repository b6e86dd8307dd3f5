//! Precision and recall on a labelled set of pairs (`tests/data/matching/*.jsonl`, described
//! in its README): each line a query, a record, and whether a careful analyst says they are
//! the same. Used by `make bench` (the report) and by a test (the targets).

use crate::company::{self, Company, CompanyFacts};
use crate::person::{self, Person, PersonFacts};
use crate::{Outcome, Thresholds};
use serde::Deserialize;

#[derive(Deserialize)]
struct Pair {
    id: String,
    #[serde(default)]
    cases: Vec<String>,
    #[serde(rename = "match")]
    same: bool,
    query: serde_json::Value,
    record: serde_json::Value,
}

/// A pair the engine got wrong at the hit threshold.
#[derive(Debug, Clone)]
pub struct Miss {
    pub id: String,
    pub expected: bool,
    pub cases: Vec<String>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pairs: usize,
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
    pub misses: Vec<Miss>,
    /// Lines that did not parse (line number, error).
    pub invalid: Vec<(usize, String)>,
}

impl Report {
    pub fn precision(&self) -> f64 {
        let found = self.true_positives + self.false_positives;
        if found == 0 {
            1.0
        } else {
            self.true_positives as f64 / found as f64
        }
    }

    pub fn recall(&self) -> f64 {
        let all = self.true_positives + self.false_negatives;
        if all == 0 {
            1.0
        } else {
            self.true_positives as f64 / all as f64
        }
    }

    fn add(
        &mut self,
        id: String,
        cases: Vec<String>,
        expected: bool,
        outcome: Outcome,
        t: Thresholds,
    ) {
        self.pairs += 1;
        let hit = outcome.is_hit(t);
        match (expected, hit) {
            (true, true) => self.true_positives += 1,
            (false, false) => self.true_negatives += 1,
            (true, false) => self.false_negatives += 1,
            (false, true) => self.false_positives += 1,
        }
        if expected != hit {
            self.misses.push(Miss {
                id,
                expected,
                cases,
                outcome,
            });
        }
    }
}

/// What kind of record a file's lines hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Company,
}

/// Scores every line of `jsonl` (one labelled pair each) into `report`.
pub fn evaluate(report: &mut Report, kind: Kind, jsonl: &str, t: Thresholds) {
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let pair: Pair = match serde_json::from_str(line) {
            Ok(p) => p,
            Err(e) => {
                report.invalid.push((n + 1, e.to_string()));
                continue;
            }
        };
        let outcome = match kind {
            Kind::Person => {
                let parse = |v: serde_json::Value| serde_json::from_value::<PersonFacts>(v);
                match (parse(pair.query), parse(pair.record)) {
                    (Ok(q), Ok(r)) => person::compare(&Person::prepare(&q), &Person::prepare(&r)),
                    (Err(e), _) | (_, Err(e)) => {
                        report.invalid.push((n + 1, e.to_string()));
                        continue;
                    }
                }
            }
            Kind::Company => {
                let parse = |v: serde_json::Value| serde_json::from_value::<CompanyFacts>(v);
                match (parse(pair.query), parse(pair.record)) {
                    (Ok(q), Ok(r)) => {
                        company::compare(&Company::prepare(&q), &Company::prepare(&r))
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        report.invalid.push((n + 1, e.to_string()));
                        continue;
                    }
                }
            }
        };
        report.add(pair.id, pair.cases, pair.same, outcome, t);
    }
}
