//! Random draws: ids, uniform and weighted picks, log-uniform and skewed numbers, digit and letter strings.

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;
use uuid::Uuid;

pub(super) fn new_id(rng: &mut StdRng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid()
}

/// A number in [0, 1) read from a case's id: trends the demo draws over time (an emerging
/// route, a spreading concealment) take their share of cases by it, not from the random
/// generator, so the rest of the data stays what the seed gives.
pub(super) fn share_of(id: Uuid) -> f64 {
    (id.as_u128() % 10_000) as f64 / 10_000.0
}

/// How far into a trend of `days` ending at `end` the date `when` is: 0 before it, rising to
/// 1 at `end`.
pub(super) fn trend(
    end: chrono::DateTime<chrono::Utc>,
    when: chrono::DateTime<chrono::Utc>,
    days: i64,
) -> f64 {
    let left = (end - when).num_days();
    if left >= days {
        0.0
    } else {
        (days - left) as f64 / days as f64
    }
}

pub(super) fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    // Every list in the catalogue is non-empty; index 0 is a safe fallback.
    items.choose(rng).unwrap_or(&items[0])
}

pub(super) fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    let total: u32 = items.iter().map(|(_, w)| *w).sum();
    let mut n = rng.random_range(0..total.max(1));
    for (item, w) in items {
        if n < *w {
            return item;
        }
        n -= w;
    }
    &items[0].0
}

/// Log-uniform in [lo, hi]: small seizures are many, large ones few.
pub(super) fn log_uniform(rng: &mut StdRng, lo: f64, hi: f64) -> f64 {
    let (lo, hi) = (lo.max(1e-6), hi.max(lo.max(1e-6)));
    (lo.ln() + rng.random::<f64>() * (hi.ln() - lo.ln())).exp()
}

/// Skewed towards the start of the pool: early records come back again and again.
pub(super) fn skewed(rng: &mut StdRng, len: usize) -> usize {
    let u: f64 = rng.random();
    ((len as f64) * u.powf(2.5)).floor().min(len as f64 - 1.0) as usize
}

pub(super) fn digits(rng: &mut StdRng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

pub(super) fn letters(rng: &mut StdRng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'A' + rng.random_range(0..26u8)))
        .collect()
}
