//! The keys a register stores beside each name so PostgreSQL finds candidates through an
//! index (no scan), and the same keys computed for a query.
//!
//! - `latin`: the tokens in Latin, space-separated (a trigram index finds spellings);
//! - `keys`: per token its Double Metaphone codes (`m:`) and, for a name of at least two
//!   tokens, the sorted pairs of codes (`p:`), which are selective even for common names
//!   (except two given names of a record, see `given_pair`);
//!   the consonant skeleton of the whole name in both orders (`s:`), which is how an
//!   Arabic-script record meets its Latin spellings; and, for a name of two tokens or more,
//!   the **deletion neighbourhood** of a token paired with the primary code of another
//!   (`d:`): the token and every spelling of it with one letter left out. Two spellings one
//!   typo apart (a letter wrong, missing, added, two swapped) share one of them, so a typo
//!   that changes a token's sound is still found through the index (the symmetric-deletion
//!   idea of SymSpell), and the pairing keeps the key as selective as a pair of codes. A
//!   register record pairs its first family-name token with its first given name (both
//!   ways); a name typed in one field, order unknown, pairs its first token with each of the
//!   next three, both ways — whichever of given or family name comes first, the record's pair
//!   is among them (and two names keyed this way share the pair of their first tokens); a
//!   company name its first two words.

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
            .filter(|k| k.starts_with("p:") || k.starts_with("s:") || k.starts_with("d:"))
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
                if given_pair(name, i, j) {
                    continue;
                }
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
        for (i, j) in typo_pairs(name) {
            let (Some(token), Some(code)) = (name.tokens.get(i), codes[j].first()) else {
                continue;
            };
            for v in deletions(token) {
                self.keys.insert(format!("d:{v}|{code}"));
            }
        }
    }

    /// What the spelling (trigram) probe of a register looks for: nothing for a name of two
    /// tokens or more, whose pairs and deletion keys find its spellings through the keys
    /// index (a trigram probe over a million names costs 100–200 ms); the name for a
    /// one-token name of three letters or more (two letters are too short to be spelt
    /// otherwise: their trigrams are in half the register).
    pub fn spelling_probe(&self) -> &str {
        if self.keys.iter().any(|k| k.starts_with("p:")) || self.latin.chars().count() < 3 {
            ""
        } else {
            &self.latin
        }
    }
}

/// Two given names of a record that has a family name (`Cédric Yannick` of `ROBCIER Cédric
/// Yannick`): their pair of codes is not written. It would propose every "Cédric Yannick"
/// whatever the family name (on a million persons, hundreds of rows for one key, read from the
/// heap to test the year of birth); a query's pairs meet the record through a given name and
/// the family name instead, whatever the order typed.
fn given_pair(name: &Name, i: usize, j: usize) -> bool {
    matches!(name.family, Some(f) if f > 0 && !name.fixed_order && i >= f && j >= f)
}

/// Tokens shorter than this have no deletion variants (only themselves): a two- or
/// three-letter token less one letter names too many.
const MIN_DELETED: usize = 4;
/// Of a name typed in one field, the first tokens paired.
const MAX_TYPO_TOKENS: usize = 4;

/// The ordered pairs of token positions whose deletion keys are written (see the module).
fn typo_pairs(name: &Name) -> Vec<(usize, usize)> {
    let n = name.tokens.len();
    if n < 2 {
        return Vec::new();
    }
    match name.family {
        Some(f) if !name.fixed_order && f > 0 && f < n => vec![(0, f), (f, 0)],
        _ if name.fixed_order => vec![(0, 1), (1, 0)],
        _ => (1..n.min(MAX_TYPO_TOKENS))
            .flat_map(|j| [(0, j), (j, 0)])
            .collect(),
    }
}

/// The token and, when long enough, each spelling of it with one letter left out.
fn deletions(token: &str) -> BTreeSet<String> {
    let chars: Vec<char> = token.chars().collect();
    let mut out = BTreeSet::from([token.to_string()]);
    if chars.len() >= MIN_DELETED {
        for skip in 0..chars.len() {
            out.insert(
                chars
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != skip)
                    .map(|(_, c)| c)
                    .collect(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(name: Name) -> BTreeSet<String> {
        let mut k = NameKeys::default();
        k.add(&name);
        k.selective().into_iter().collect()
    }

    #[test]
    fn one_typo_in_a_token_still_shares_a_key_with_the_record() {
        let record = keys_of(Name::split("Okonkwo", "Chinedu", &[]));
        for typed in [
            "chinedu okonkow",  // two letters swapped
            "chinedu okonko",   // one missing
            "chinedu okonkwoo", // one added
            "chinedu okonkvo",  // one wrong
            "chinedo okonkwo",  // in the given name
            "okonkwo chinedu",
        ] {
            let query = keys_of(Name::full(typed, &[]));
            assert!(
                record.intersection(&query).next().is_some(),
                "{typed} shares no key with OKONKWO Chinedu"
            );
        }
    }

    #[test]
    fn a_name_typed_in_any_order_shares_a_deletion_key_with_the_record() {
        let record = keys_of(Name::split("Ben Srissi", "Karim Mehdi", &[]));
        for typed in [
            "kxrim mehdi ben srissi",
            "ben srissi kxrim mehdi",
            "karim mehdi ben srisi",
            "ben srissi karim mehdy",
        ] {
            let query = keys_of(Name::full(typed, &[]));
            assert!(
                record.intersection(&query).any(|k| k.starts_with("d:")),
                "{typed} shares no deletion key with BEN SRISSI Karim Mehdi"
            );
        }
        // four tokens: the first with each other one, both ways (6 pairs, not 12)
        let pairs = typo_pairs(&Name::full("a b c d", &[]));
        assert_eq!(pairs, vec![(0, 1), (1, 0), (0, 2), (2, 0), (0, 3), (3, 0)]);
    }

    #[test]
    fn a_record_does_not_pair_its_given_names() {
        let record = keys_of(Name::split("Robcier", "Cédric Yannick", &[]));
        let namesake = keys_of(Name::full("cedric yannick dupont", &[]));
        assert!(
            record.intersection(&namesake).next().is_none(),
            "{:?}",
            record.intersection(&namesake).collect::<Vec<_>>()
        );
        for typed in [
            "cedric yannick robcier",
            "robcier cedric yannick",
            "yannick robcier",
        ] {
            let query = keys_of(Name::full(typed, &[]));
            assert!(
                record.intersection(&query).any(|k| k.starts_with("p:")),
                "{typed}"
            );
        }
        // a family name of two tokens keeps its pair (a record may have no given name)
        let family = keys_of(Name::split("Ben Srissi", "", &[]));
        assert!(family.iter().any(|k| k.starts_with("p:")));
    }

    #[test]
    fn deletion_keys_stay_paired_and_bounded() {
        let record = keys_of(Name::split("Okonkwo", "Chinedu", &[]));
        let other = keys_of(Name::full("chinedu adeyemi", &[]));
        assert!(
            record.intersection(&other).all(|k| !k.starts_with("d:")),
            "a shared given name alone is no deletion key"
        );
        assert!(record
            .iter()
            .all(|k| !k.starts_with("d:") || k.contains('|')));
        // the family token and the given name, both ways: (7 + 1) + (7 + 1) keys
        assert_eq!(record.iter().filter(|k| k.starts_with("d:")).count(), 16);
        assert!(keys_of(Name::full("madonna", &[]))
            .iter()
            .all(|k| !k.starts_with("d:")));
    }
}
