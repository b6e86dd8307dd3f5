//! The keys a register stores beside each name so PostgreSQL finds candidates through an
//! index (no scan), and the same keys computed for a query.
//!
//! - `latin`: the tokens in Latin, space-separated (a trigram index finds spellings);
//! - `keys`: per token its Double Metaphone codes (`m:`) and, for a name of at least two
//!   tokens, the sorted pairs of codes (`p:`), which are selective even for common names;
//!   and the consonant skeleton of the whole name in both orders (`s:`), which is how an
//!   Arabic-script record meets its Latin spellings.

use crate::names::Name;
use crate::text::phonetic;
use std::collections::BTreeSet;

/// Candidate keys of one name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameKeys {
    pub latin: String,
    pub keys: BTreeSet<String>,
}

impl NameKeys {
    /// The keys worth probing an index with: pairs of codes and skeletons for a name of two
    /// tokens or more (a single code matches too many), single codes only for a one-token
    /// name.
    pub fn selective(&self) -> Vec<String> {
        let strong: Vec<String> = self
            .keys
            .iter()
            .filter(|k| k.starts_with("p:") || k.starts_with("s:"))
            .cloned()
            .collect();
        if strong.iter().any(|k| k.starts_with("p:")) {
            strong
        } else {
            self.keys.iter().cloned().collect()
        }
    }

    pub fn add(&mut self, name: &Name) {
        if name.is_empty() {
            return;
        }
        if !self.latin.is_empty() {
            self.latin.push(' ');
        }
        self.latin.push_str(&name.display());
        let codes: Vec<Vec<String>> = name.tokens.iter().map(|t| phonetic(t)).collect();
        for c in codes.iter().flatten() {
            self.keys.insert(format!("m:{c}"));
        }
        for i in 0..codes.len() {
            for j in (i + 1)..codes.len() {
                for x in &codes[i] {
                    for y in &codes[j] {
                        let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
                        self.keys.insert(format!("p:{lo}+{hi}"));
                    }
                }
            }
        }
        for s in name.skeleton_keys() {
            self.keys.insert(format!("s:{s}"));
        }
    }
}
