//! The nCEN matching engine: do two records name the same person or company?
//!
//! Pure functions, no I/O, so the same code scores a screening, an alert check, a duplicate
//! suggestion and the labelled evaluation set (`tests/data/matching`, `make bench`).
//!
//! - [`text`]: transliteration, tokens, consonant skeletons, phonetic codes, identifiers.
//! - [`names`]: name against name, in any order, script or spelling.
//! - [`person`] and [`company`]: every piece of evidence weighed, each with its
//!   contribution ([`Feature`]), into a score in `[0, 1]`.
//! - [`keys`]: the precomputed keys PostgreSQL indexes to find candidates without a scan.
//!
//! Thresholds are configuration ([`Thresholds`]), never constants in the callers.

pub mod company;
pub mod dates;
pub mod evaluation;
pub mod keys;
pub mod names;
pub mod person;
pub mod text;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The version of the keys ([`keys`]) this engine writes; stored beside them, so a row
/// written by an older engine is computed again (`ncen reindex names`).
pub const KEYS_VERSION: i16 = 3;

/// One piece of evidence and what it did to the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Feature {
    /// What was compared: `name_tokens`, `name_joined`, `name_consonants`, `date_of_birth`,
    /// `gender`, `nationality`, `document`, `phone`, `email`, `address`, `country`,
    /// `registration_number`, `tax_id`, `eori`.
    pub feature: String,
    /// How it compared, in words (`abdelkader=abdelkader (same)`, `1979-11-07 / 1979`).
    pub detail: String,
    /// Its part of the score: the name's similarity for a name feature, a signed adjustment
    /// for every other.
    pub contribution: f64,
}

impl Feature {
    pub fn new(feature: &str, detail: impl Into<String>, contribution: f64) -> Feature {
        Feature {
            feature: feature.to_string(),
            detail: detail.into(),
            contribution: round(contribution),
        }
    }
}

/// A score and its explanation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Outcome {
    /// From 0 (nothing alike) to 1 (the same).
    pub score: f64,
    pub features: Vec<Feature>,
}

/// Features that are an exact identifier shared by both records: a hit whatever the names say
/// (an alias, a transliteration the engine does not know, a data-entry error worth a look).
/// Phones and e-mails are not among them: families and colleagues share them.
pub const EXACT_IDENTIFIERS: &[&str] = &["document", "registration_number", "tax_id", "eori"];

impl Outcome {
    /// Whether this is a hit at `t`: the score reaches the hit threshold, or an exact
    /// identifier is shared.
    pub fn is_hit(&self, t: Thresholds) -> bool {
        self.score >= t.hit || self.exact_identifier()
    }

    /// Whether an exact identifier is shared ([`EXACT_IDENTIFIERS`]).
    pub fn exact_identifier(&self) -> bool {
        self.features
            .iter()
            .any(|f| f.contribution > 0.0 && EXACT_IDENTIFIERS.contains(&f.feature.as_str()))
    }

    fn from(name: f64, features: Vec<Feature>) -> Outcome {
        let adjustments: f64 = features
            .iter()
            .filter(|f| !f.feature.starts_with("name"))
            .map(|f| f.contribution)
            .sum();
        Outcome {
            score: round((name + adjustments).clamp(0.0, 1.0)),
            features,
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Where a score becomes a match.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Thresholds {
    /// At or above: a hit (an alert fires, a screening lists it as a match).
    pub hit: f64,
    /// At or above (and under `hit`): a candidate worth a look, never acted on alone.
    pub review: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            hit: 0.80,
            review: 0.65,
        }
    }
}

/// The thresholds from `NCEN_MATCH_HIT` and `NCEN_MATCH_REVIEW` (defaults when unset), checked:
/// each in `(0, 1]`, review not above hit.
pub fn thresholds_from_env() -> Result<Thresholds, String> {
    let read = |name: &str, default: f64| -> Result<f64, String> {
        match std::env::var(name) {
            Ok(v) => v
                .trim()
                .parse::<f64>()
                .map_err(|_| format!("{name} must be a number, got `{v}`")),
            Err(_) => Ok(default),
        }
    };
    let d = Thresholds::default();
    let t = Thresholds {
        hit: read("NCEN_MATCH_HIT", d.hit)?,
        review: read("NCEN_MATCH_REVIEW", d.review)?,
    };
    if !(t.hit > 0.0 && t.hit <= 1.0 && t.review > 0.0 && t.review <= t.hit) {
        return Err(format!(
            "NCEN_MATCH_REVIEW ({}) and NCEN_MATCH_HIT ({}) must satisfy 0 < review ≤ hit ≤ 1",
            t.review, t.hit
        ));
    }
    Ok(t)
}
