//! How alike two names are, whatever their order, script or spelling, and why.
//!
//! Three readings, the best one wins:
//! - **tokens**: each token paired with its best counterpart in the other name, in any order
//!   (same, initial, sounds alike by Double Metaphone, same consonants, or Jaro–Winkler for a
//!   typo); tokens left unpaired (a middle name, a second surname) cost a little;
//! - **joined**: the tokens run together in every order (so `Abdul Rahman` meets
//!   `Abdulrahman`, `Wang Xiao Ming` meets `Xiaoming Wang`), compared by Damerau–Levenshtein;
//! - **consonants**: the same, on consonant skeletons, only when one side was written in a
//!   script without short vowels (Arabic, Persian, Hebrew).

use crate::text::{phonetic, skeleton, tokens, Scripts};
use crate::Feature;
use strsim::{jaro_winkler, osa_distance};

/// At most this many tokens are permuted for the joined readings (5! = 120 orders).
const MAX_PERMUTED: usize = 5;

/// A name ready to compare: its tokens and, when known, where the family name ends.
#[derive(Debug, Clone)]
pub struct Name {
    pub tokens: Vec<String>,
    /// The first `family` tokens are the family name (a register record); `None` for a
    /// name typed in one field, order unknown.
    pub family: Option<usize>,
    pub scripts: Scripts,
    /// The words keep their order (a company name): joined only as written.
    pub fixed_order: bool,
    /// How much each token counts (1 for a name; less for a generic word of a company name
    /// such as `trading`).
    pub weights: Vec<f64>,
    phonetic: Vec<Vec<String>>,
    skeletons: Vec<String>,
}

impl Name {
    /// A family name and given names held apart.
    pub fn split(family: &str, given: &str, drop: &[&str]) -> Name {
        let mut t = tokens(family, false, drop);
        let n = t.len();
        t.extend(tokens(given, false, drop));
        let scripts = crate::text::scripts(&format!("{family} {given}"));
        Name::build(t, (n > 0).then_some(n), scripts)
    }

    /// A full name in one field, in an unknown order.
    pub fn full(raw: &str, drop: &[&str]) -> Name {
        Name::build(tokens(raw, true, drop), None, crate::text::scripts(raw))
    }

    /// Words in a fixed order that is not a person's (a company name).
    pub fn words(raw: &str, drop: &[&str]) -> Name {
        let mut n = Name::build(tokens(raw, false, drop), None, crate::text::scripts(raw));
        n.fixed_order = true;
        n
    }

    fn build(tokens: Vec<String>, family: Option<usize>, scripts: Scripts) -> Name {
        let phonetic = tokens.iter().map(|t| phonetic(t)).collect();
        let skeletons = tokens.iter().map(|t| skeleton(t)).collect();
        let weights = vec![1.0; tokens.len()];
        Name {
            tokens,
            family,
            scripts,
            fixed_order: false,
            weights,
            phonetic,
            skeletons,
        }
    }

    /// The consonant skeleton of the whole name, tokens joined, in its orders (a full name:
    /// as written and reversed), at least three consonants.
    pub fn skeleton_keys(&self) -> Vec<String> {
        let forward: String = self.skeletons.concat();
        let backward: String = self.skeletons.iter().rev().map(String::as_str).collect();
        let mut keys = vec![forward];
        if keys[0] != backward {
            keys.push(backward);
        }
        if let Some(f) = self.family.filter(|&f| f > 0 && f < self.tokens.len()) {
            let rotated: String = self.skeletons[f..]
                .iter()
                .chain(&self.skeletons[..f])
                .map(String::as_str)
                .collect();
            if !keys.contains(&rotated) {
                keys.push(rotated);
            }
        }
        keys.retain(|k| k.len() >= 3);
        keys
    }

    /// The same name with each token rewritten (abbreviations expanded).
    pub fn map_tokens(self, f: impl Fn(&str) -> String) -> Name {
        let tokens = self
            .tokens
            .iter()
            .map(|t| f(t))
            .filter(|t| !t.is_empty())
            .collect();
        let mut n = Name::build(tokens, self.family, self.scripts);
        n.fixed_order = self.fixed_order;
        n
    }

    /// The same name with `generic` words counting for `weight` each.
    pub fn weigh(mut self, generic: &[&str], weight: f64) -> Name {
        for (t, w) in self.tokens.iter().zip(self.weights.iter_mut()) {
            if generic.contains(&t.as_str()) {
                *w = weight;
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The name as compared (tokens in order).
    pub fn display(&self) -> String {
        self.tokens.join(" ")
    }

    /// The orders worth joining: family first and given first for a split name, every order
    /// (up to five tokens) for a full name.
    fn orders(&self) -> Vec<Vec<usize>> {
        let n = self.tokens.len();
        let identity: Vec<usize> = (0..n).collect();
        if self.fixed_order {
            return vec![identity];
        }
        match self.family {
            Some(f) if f < n => {
                let given_first: Vec<usize> = (f..n).chain(0..f).collect();
                vec![identity, given_first]
            }
            Some(_) => vec![identity],
            None if n <= MAX_PERMUTED => permutations(n),
            None => vec![identity.clone(), identity.into_iter().rev().collect()],
        }
    }
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut current: Vec<usize> = Vec::with_capacity(n);
    let mut used = vec![false; n];
    fn go(n: usize, current: &mut Vec<usize>, used: &mut [bool], out: &mut Vec<Vec<usize>>) {
        if current.len() == n {
            out.push(current.clone());
            return;
        }
        for i in 0..n {
            if !used[i] {
                used[i] = true;
                current.push(i);
                go(n, current, used, out);
                current.pop();
                used[i] = false;
            }
        }
    }
    go(n, &mut current, &mut used, &mut out);
    out
}

/// How two tokens compare, and why.
fn token_similarity(
    a: &Name,
    i: usize,
    b: &Name,
    j: usize,
    abjad: bool,
    spelling: f64,
) -> (f64, &'static str) {
    let (x, y) = (&a.tokens[i], &b.tokens[j]);
    if x == y {
        return (1.0, "same");
    }
    if (x.len() == 1 && y.starts_with(x.as_str())) || (y.len() == 1 && x.starts_with(y.as_str())) {
        return (0.8, "initial");
    }
    if x.len() == 1 || y.len() == 1 {
        return (0.0, "");
    }
    let jw = jaro_winkler(x, y);
    let sounds =
        x.len() >= 3 && y.len() >= 3 && a.phonetic[i].iter().any(|c| b.phonetic[j].contains(c));
    if sounds && jw >= 0.7 {
        return (jw.max(0.92), "sounds_alike");
    }
    if abjad && a.skeletons[i].len() >= 2 && a.skeletons[i] == b.skeletons[j] {
        return (jw.max(0.92), "consonants");
    }
    if jw >= spelling {
        return (jw, "spelling");
    }
    (0.0, "")
}

/// How forgiving a comparison is: persons' names vary more in spelling than companies'.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Weight of an unpaired token against a paired one (a middle name costs less than a
    /// word of a company name).
    pub unpaired: f64,
    /// Weight of unpaired tokens when both names have some (they disagree).
    pub conflict: f64,
    /// The lowest Jaro–Winkler similarity still read as a misspelling.
    pub spelling: f64,
    /// The lowest Jaro–Winkler similarity for partial credit between tokens left over on
    /// both sides (above 1: never).
    pub loose: f64,
}

pub const PERSON: Style = Style {
    unpaired: 0.45,
    conflict: 1.0,
    spelling: 0.86,
    loose: 0.72,
};
pub const COMPANY: Style = Style {
    unpaired: 1.0,
    conflict: 1.5,
    spelling: 0.9,
    loose: 2.0,
};

/// The result of comparing two names.
#[derive(Debug, Clone)]
pub struct NameMatch {
    pub score: f64,
    pub features: Vec<Feature>,
}

/// Compares two persons' names (see the module documentation).
pub fn compare(a: &Name, b: &Name) -> NameMatch {
    compare_with(a, b, PERSON)
}

/// Compares two names in the given style.
pub fn compare_with(a: &Name, b: &Name, style: Style) -> NameMatch {
    if a.is_empty() || b.is_empty() {
        return NameMatch {
            score: 0.0,
            features: Vec::new(),
        };
    }
    let abjad = a.scripts.abjad || b.scripts.abjad;
    let aligned = align(a, b, abjad, style);
    let joined = joined(a, b, |n, i| n.tokens[i].clone(), aligned.0);
    let mut best = NameMatch {
        score: aligned.0,
        features: vec![Feature::new("name_tokens", aligned.1, aligned.0)],
    };
    if joined > best.score {
        best = NameMatch {
            score: joined,
            features: vec![Feature::new(
                "name_joined",
                format!("{} ≈ {}", a.tokens.concat(), b.tokens.concat()),
                joined,
            )],
        };
    }
    if abjad {
        let consonants = joined_skeleton(a, b, best.score / 0.96) * 0.96;
        if consonants > best.score {
            best = NameMatch {
                score: consonants,
                features: vec![Feature::new(
                    "name_consonants",
                    format!("{} ≈ {}", a.skeletons.concat(), b.skeletons.concat()),
                    consonants,
                )],
            };
        }
    }
    best
}

/// Pairs tokens greedily by similarity; returns the score and the pairs as text.
fn align(a: &Name, b: &Name, abjad: bool, style: Style) -> (f64, String) {
    let mut pairs: Vec<(f64, usize, usize, &'static str)> = Vec::new();
    for i in 0..a.tokens.len() {
        for j in 0..b.tokens.len() {
            let (s, how) = token_similarity(a, i, b, j, abjad, style.spelling);
            if s > 0.0 {
                pairs.push((s, i, j, how));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut used_a = vec![false; a.tokens.len()];
    let mut used_b = vec![false; b.tokens.len()];
    let weight = |n: &Name, i: usize| {
        let t = &n.tokens[i];
        n.weights[i]
            * if t.len() == 1 {
                1.5
            } else {
                t.len().max(2) as f64
            }
    };
    let (mut matched, mut total) = (0.0, 0.0);
    let mut explained = Vec::new();
    for (s, i, j, how) in pairs {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let w = weight(a, i) + weight(b, j);
        matched += s * w;
        total += w;
        explained.push(format!("{}={} ({how})", a.tokens[i], b.tokens[j]));
    }
    if explained.is_empty() {
        return (0.0, "no token in common".into());
    }
    // tokens left on both sides that still look alike (`Gaye`/`Gueye`, `Economou`/
    // `Oikonomou`) are a transliteration more often than two different names: partial credit
    let mut loose: Vec<(f64, usize, usize)> = Vec::new();
    for i in (0..a.tokens.len()).filter(|&i| !used_a[i] && a.tokens[i].len() > 1) {
        for j in (0..b.tokens.len()).filter(|&j| !used_b[j] && b.tokens[j].len() > 1) {
            let jw = jaro_winkler(&a.tokens[i], &b.tokens[j]);
            if jw >= style.loose {
                loose.push((jw, i, j));
            }
        }
    }
    loose.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (jw, i, j) in loose {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let w = weight(a, i) + weight(b, j);
        matched += 0.8 * jw * w;
        total += w;
        explained.push(format!("{}≈{} (alike)", a.tokens[i], b.tokens[j]));
    }
    let spare = |name: &Name, used: &[bool]| -> f64 {
        used.iter()
            .enumerate()
            .filter(|(_, u)| !**u)
            .map(|(i, _)| weight(name, i))
            .sum()
    };
    let unpaired_a = spare(a, &used_a);
    let unpaired_b = spare(b, &used_b);
    for (t, u) in a
        .tokens
        .iter()
        .zip(&used_a)
        .chain(b.tokens.iter().zip(&used_b))
    {
        if !u {
            explained.push(format!("{t} unpaired"));
        }
    }
    // a token left over on one side is a middle name or a second surname one record lacks;
    // tokens left over on both sides are names that disagree, and count in full
    let spare_weight = if unpaired_a > 0.0 && unpaired_b > 0.0 {
        style.conflict
    } else {
        style.unpaired
    };
    let score = matched / (total + spare_weight * (unpaired_a + unpaired_b));
    (score, explained.join(", "))
}

/// The best similarity of the two names joined in their orders, when it can exceed `floor`
/// (0 when it cannot: the caller keeps a better reading). Every order of a name has the same
/// letters, so one bound serves them all: an edit turns at most one letter of one side into
/// one of the other, hence at least as many edits as letters one side has in excess —
/// most candidates are ruled out without a single edit distance (at four or five tokens, 24
/// or 120 orders each).
fn best_joined(a: &Name, b: &Name, piece: impl Fn(&Name, usize) -> String, floor: f64) -> f64 {
    let join = |n: &Name, order: &[usize]| order.iter().map(|&i| piece(n, i)).collect::<String>();
    let whole = |n: &Name| join(n, &(0..n.tokens.len()).collect::<Vec<_>>());
    let bound = letters_bound(&whole(a), &whole(b));
    if bound <= floor {
        return 0.0;
    }
    let (left, right) = readings(a, b, &join);
    let mut best: f64 = 0.0;
    for x in &left {
        for y in &right {
            if x.len() >= 2 && y.len() >= 2 {
                best = best.max(normalized_osa(x, y));
            }
            if best >= bound {
                return best;
            }
        }
    }
    best
}

/// Edit similarity by optimal string alignment (Damerau–Levenshtein where a transposed pair
/// is not edited again — all a typo needs), normalised by the longer length. `strsim`'s
/// unrestricted Damerau–Levenshtein keeps a map of the alphabet and a full matrix per call:
/// several times slower, and a four-token name is joined in 24 orders per candidate.
fn normalized_osa(x: &str, y: &str) -> f64 {
    let longest = x.chars().count().max(y.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - osa_distance(x, y) as f64 / longest as f64
}

/// The highest normalised edit similarity two strings with these letters can have, in any
/// order: 1 − (letters one side has in excess) / (the longer length).
fn letters_bound(x: &str, y: &str) -> f64 {
    let mut count: std::collections::HashMap<char, i32> = std::collections::HashMap::new();
    for c in x.chars() {
        *count.entry(c).or_default() += 1;
    }
    for c in y.chars() {
        *count.entry(c).or_default() -= 1;
    }
    let (extra_x, extra_y) =
        count.values().fold(
            (0, 0),
            |(p, q), &d| {
                if d > 0 {
                    (p + d, q)
                } else {
                    (p, q - d)
                }
            },
        );
    let longest = x.chars().count().max(y.chars().count());
    if longest == 0 {
        return 0.0;
    }
    1.0 - extra_x.max(extra_y) as f64 / longest as f64
}

/// The joined readings of both names. When one side is a full name read in every order
/// (order unknown, at most five tokens), the other side as written is enough: every order
/// of the first against it covers every relative order (a record's given-first reading is
/// one of the permutations against its family-first one).
fn readings(
    a: &Name,
    b: &Name,
    join: &impl Fn(&Name, &[usize]) -> String,
) -> (Vec<String>, Vec<String>) {
    let permuted =
        |n: &Name| n.family.is_none() && !n.fixed_order && n.tokens.len() <= MAX_PERMUTED;
    let written = |n: &Name| vec![join(n, &(0..n.tokens.len()).collect::<Vec<_>>())];
    let all = |n: &Name| {
        n.orders()
            .iter()
            .map(|o| join(n, o))
            .collect::<Vec<String>>()
    };
    if permuted(a) {
        (all(a), written(b))
    } else if permuted(b) {
        (written(a), all(b))
    } else {
        (all(a), all(b))
    }
}

fn joined(a: &Name, b: &Name, piece: impl Fn(&Name, usize) -> String, floor: f64) -> f64 {
    // names cut into the same number of tokens are read token by token; joining them would
    // only blur two different given names into one near-equal string, unless the joined
    // names are the same (`Abdul Rahman Alshammari` / `Abdulrahman Al Shammari`): only
    // equality is looked for then
    if a.tokens.len() == b.tokens.len() {
        let join =
            |n: &Name, order: &[usize]| order.iter().map(|&i| piece(n, i)).collect::<String>();
        let whole = |n: &Name| join(n, &(0..n.tokens.len()).collect::<Vec<_>>());
        if floor >= 1.0 || letters_bound(&whole(a), &whole(b)) < 1.0 {
            return 0.0; // not the same letters: no order makes them equal
        }
        let (left, right) = readings(a, b, &join);
        let left: std::collections::HashSet<&String> = left.iter().collect();
        return if right.iter().any(|r| left.contains(r)) {
            1.0
        } else {
            0.0
        };
    }
    best_joined(a, b, piece, floor)
}

fn joined_skeleton(a: &Name, b: &Name, floor: f64) -> f64 {
    best_joined(a, b, |n, i| n.skeletons[i].clone(), floor)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn score(a: &Name, b: &Name) -> f64 {
        compare(a, b).score
    }

    #[test]
    fn arabic_script_meets_its_latin_spellings() {
        let record = Name::split("بن صالح", "عبد القادر", &[]);
        for q in [
            "Abdelkader Bensaleh",
            "Bensaleh Abdelkader",
            "Abd al-Qadir Ben Saleh",
        ] {
            assert!(
                score(&Name::full(q, &[]), &record) > 0.9,
                "{q}: {}",
                score(&Name::full(q, &[]), &record)
            );
        }
    }

    #[test]
    fn order_initials_and_typos() {
        let record = Name::split("Restrepo Gómez", "Juan Carlos", &[]);
        assert!(score(&Name::full("J. C. Restrepo", &[]), &record) > 0.75);
        assert!(score(&Name::full("Juan Carlos Restrepo Gomez", &[]), &record) > 0.99);
        assert!(score(&Name::full("Juan Carlos Restrepo Gomes", &[]), &record) > 0.9);
        assert!(score(&Name::full("Maria Fernanda Lopez", &[]), &record) < 0.3);
    }

    #[test]
    fn chinese_and_joined_names() {
        let record = Name::split("王", "小明", &[]);
        assert!(score(&Name::full("Wang Xiao Ming", &[]), &record) > 0.95);
        assert!(score(&Name::full("Xiaoming Wang", &[]), &record) > 0.99);
        assert!(
            score(
                &Name::full("Abdulrahman Hassan", &[]),
                &Name::split("Hassan", "Abdul Rahman", &[])
            ) > 0.95
        );
    }
}
