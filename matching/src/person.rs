//! Person against person: the best of their names (main, aliases, original script), then every
//! other piece of evidence as a signed adjustment.
//!
//! | evidence | agrees | disagrees |
//! |---|---|---|
//! | date of birth | +0.15 same, +0.08 swapped, +0.05 compatible partial, +0.04 one digit | −0.15 … −0.35 |
//! | identity document number (normalised) | +0.35 | — (people hold several) |
//! | phone (last nine digits) | +0.20 | — |
//! | e-mail | +0.25 | — |
//! | gender (female / male) | — | −0.20 |
//! | nationality | +0.03 | −0.05 |
//! | address (same words) | +0.05 | — |

use crate::dates::{self, PartialDate};
use crate::names::{self, Name};
use crate::text;
use crate::{Feature, Outcome};
use serde::Deserialize;
use std::collections::BTreeSet;

/// An identity document as matching reads it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Document {
    pub number: String,
    #[serde(default)]
    pub country: Option<String>,
}

/// What is known of a person: a register record, a query, a passenger.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PersonFacts {
    pub family_name: Option<String>,
    pub given_names: Option<String>,
    /// A full name in one field, order unknown (a screening query, a passenger list).
    pub name: Option<String>,
    pub aliases: Vec<String>,
    pub original_script_name: Option<String>,
    pub date_of_birth: Option<String>,
    pub gender: Option<String>,
    pub nationalities: Vec<String>,
    pub documents: Vec<Document>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub addresses: Vec<String>,
}

/// A person prepared once for many comparisons.
#[derive(Debug, Clone)]
pub struct Person {
    /// (which name, the name).
    pub names: Vec<(&'static str, Name)>,
    pub born: Option<PartialDate>,
    pub gender: Option<String>,
    pub nationalities: BTreeSet<String>,
    pub documents: BTreeSet<String>,
    pub phones: BTreeSet<String>,
    pub emails: BTreeSet<String>,
    pub addresses: Vec<BTreeSet<String>>,
}

fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Person {
    pub fn prepare(f: &PersonFacts) -> Person {
        let mut names = Vec::new();
        if let Some(family) = filled(&f.family_name) {
            names.push((
                "name",
                Name::split(family, filled(&f.given_names).unwrap_or(""), &[]),
            ));
        } else if let Some(given) = filled(&f.given_names) {
            names.push(("name", Name::full(given, &[])));
        }
        if let Some(full) = filled(&f.name) {
            names.push(("name", Name::full(full, &[])));
        }
        if let Some(original) = filled(&f.original_script_name) {
            names.push(("original_script_name", Name::full(original, &[])));
        }
        for a in f.aliases.iter().filter(|a| !a.trim().is_empty()).take(20) {
            names.push(("alias", Name::full(a, &[])));
        }
        names.retain(|(_, n)| !n.is_empty());
        Person {
            names,
            born: filled(&f.date_of_birth).and_then(PartialDate::parse),
            gender: filled(&f.gender)
                .map(str::to_lowercase)
                .filter(|g| g == "female" || g == "male"),
            nationalities: f
                .nationalities
                .iter()
                .map(|n| n.trim().to_uppercase())
                .filter(|n| !n.is_empty())
                .collect(),
            documents: f
                .documents
                .iter()
                .map(|d| text::identifier(&d.number))
                .filter(|n| n.len() >= 5)
                .collect(),
            phones: f.phones.iter().filter_map(|p| text::phone(p)).collect(),
            emails: f.emails.iter().filter_map(|e| text::email(e)).collect(),
            addresses: f
                .addresses
                .iter()
                .map(|a| address_words(a))
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }
}

/// The candidate keys of a person's names (main, original script, aliases).
pub fn keys(f: &PersonFacts) -> crate::keys::NameKeys {
    Person::prepare(f).keys()
}

impl Person {
    /// The candidate keys of the prepared names.
    pub fn keys(&self) -> crate::keys::NameKeys {
        let mut k = crate::keys::NameKeys::default();
        for (_, name) in &self.names {
            k.add(name);
        }
        k
    }
}

fn address_words(raw: &str) -> BTreeSet<String> {
    text::tokens(raw, false, &[])
        .into_iter()
        .filter(|t| t.len() > 1)
        .collect()
}

/// How much two addresses share (Jaccard over their words).
pub fn address_overlap(a: &[BTreeSet<String>], b: &[BTreeSet<String>]) -> f64 {
    let mut best: f64 = 0.0;
    for x in a {
        for y in b {
            let shared = x.intersection(y).count() as f64;
            let all = x.union(y).count() as f64;
            if all > 0.0 {
                best = best.max(shared / all);
            }
        }
    }
    best
}

/// Scores `b` against `a`, with the explanation.
pub fn compare(a: &Person, b: &Person) -> Outcome {
    let mut best_name = names::NameMatch {
        score: 0.0,
        features: Vec::new(),
    };
    let mut which = ("name", "name");
    for (la, na) in &a.names {
        for (lb, nb) in &b.names {
            let m = names::compare(na, nb);
            if m.score > best_name.score {
                best_name = m;
                which = (la, lb);
            }
        }
    }
    if a.names.is_empty() || b.names.is_empty() {
        // a document-, phone- or e-mail-only query: the name neither speaks for nor against
        best_name = names::NameMatch {
            score: 0.5,
            features: vec![Feature::new("name_absent", "no name on one side", 0.5)],
        };
    }
    let mut features = best_name.features;
    if which != ("name", "name") {
        for f in &mut features {
            f.detail = format!("{} / {}: {}", which.0, which.1, f.detail);
        }
    }
    if let (Some(x), Some(y)) = (a.born, b.born) {
        features.push(dates::compare(x, y));
    }
    if let Some(n) = a.documents.intersection(&b.documents).next() {
        features.push(Feature::new("document", format!("{n} on both"), 0.35));
    }
    if let Some(p) = a.phones.intersection(&b.phones).next() {
        features.push(Feature::new("phone", format!("…{p} on both"), 0.20));
    }
    if let Some(e) = a.emails.intersection(&b.emails).next() {
        features.push(Feature::new("email", format!("{e} on both"), 0.25));
    }
    if let (Some(x), Some(y)) = (&a.gender, &b.gender) {
        if x != y {
            features.push(Feature::new("gender", format!("{x} / {y}"), -0.20));
        }
    }
    if !a.nationalities.is_empty() && !b.nationalities.is_empty() {
        match a.nationalities.intersection(&b.nationalities).next() {
            Some(n) => features.push(Feature::new("nationality", format!("{n} on both"), 0.03)),
            None => features.push(Feature::new("nationality", "none in common", -0.05)),
        }
    }
    let overlap = address_overlap(&a.addresses, &b.addresses);
    if overlap >= 0.6 {
        features.push(Feature::new(
            "address",
            format!("{:.0} % of words shared", overlap * 100.0),
            0.05,
        ));
    }
    Outcome::from(best_name.score, features)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn person(json: &str) -> Person {
        Person::prepare(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn the_done_when_example_hits() {
        let alert = person(
            r#"{"family_name":"بن صالح","given_names":"عبد القادر","date_of_birth":"1979-11-07"}"#,
        );
        let typed = person(
            r#"{"family_name":"Bensaleh","given_names":"Abdelkader","date_of_birth":"1979"}"#,
        );
        let o = compare(&typed, &alert);
        assert!(o.score >= crate::Thresholds::default().hit, "{o:?}");
        assert!(o
            .features
            .iter()
            .any(|f| f.feature == "date_of_birth" && f.contribution > 0.0));
    }

    #[test]
    fn a_father_is_not_his_son() {
        let father = person(
            r#"{"family_name":"Okafor","given_names":"Chinedu","date_of_birth":"1958-02-03","gender":"male"}"#,
        );
        let son = person(
            r#"{"family_name":"Okafor","given_names":"Chinedu","date_of_birth":"1988-06-21","gender":"male"}"#,
        );
        assert!(compare(&father, &son).score < crate::Thresholds::default().review);
    }

    #[test]
    fn a_document_number_outweighs_a_spelling() {
        let a = person(r#"{"name":"Mokhamed Ivanov","documents":[{"number":"PO 123-456"}]}"#);
        let b = person(
            r#"{"family_name":"Иванов","given_names":"Мухаммад","documents":[{"number":"P0123456"}]}"#,
        );
        let o = compare(&a, &b);
        assert!(o.score >= 0.8, "{o:?}");
    }
}
