//! Conveyance identifiers with valid check digits: containers (ISO 6346), IMO numbers, air waybills, UPU S10 items, plates, VINs.

use super::catalog;
use super::random::pick;
use rand::rngs::StdRng;
use rand::Rng;

/// ISO 6346 check digit of the first ten characters.
pub fn container_check_digit(first10: &str) -> u32 {
    let letter_value = |c: char| {
        let mut value = 10;
        for l in 'A'..='Z' {
            if value % 11 == 0 {
                value += 1;
            }
            if l == c {
                return value;
            }
            value += 1;
        }
        0
    };
    let sum: u32 = first10
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let v = c.to_digit(10).unwrap_or_else(|| letter_value(c));
            v << i
        })
        .sum();
    (sum % 11) % 10
}

pub(super) fn imo_number(rng: &mut StdRng) -> String {
    let mut d: Vec<u32> = vec![9];
    d.extend((0..5).map(|_| rng.random_range(0..10)));
    let check: u32 = (0..6).map(|i| d[i] * (7 - i as u32)).sum::<u32>() % 10;
    d.push(check);
    d.iter().map(|x| char::from(b'0' + *x as u8)).collect()
}

pub(super) fn air_waybill(rng: &mut StdRng) -> String {
    let prefix = pick(
        rng,
        &["057", "074", "176", "235", "020", "157", "618", "125"],
    )
    .to_string();
    let serial: u32 = rng.random_range(1_000_000..9_999_999);
    format!("{prefix}-{serial:07}{}", serial % 7)
}

/// UPU S10 item identifier: 2 letters, 8 digits, check digit, country.
pub(super) fn s10(rng: &mut StdRng, country: &str) -> String {
    let d: Vec<u32> = (0..8).map(|_| rng.random_range(0..10)).collect();
    let w = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = d.iter().zip(w).map(|(a, b)| a * b).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    let service = pick(rng, &["RR", "RB", "CP", "EE", "LX", "UA"]).to_string();
    let body: String = d.iter().map(|x| char::from(b'0' + *x as u8)).collect();
    format!("{service}{body}{check}{country}")
}

pub(super) fn plate(rng: &mut StdRng, country: &str) -> String {
    catalog::plate_style(country)
        .chars()
        .map(|c| match c {
            'L' => char::from(b'A' + rng.random_range(0..26u8)),
            'D' => char::from(b'0' + rng.random_range(0..10u8)),
            other => other,
        })
        .collect()
}

pub(super) fn vin(rng: &mut StdRng, wmi: &str) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    let mut s = wmi.to_string();
    while s.len() < 17 {
        s.push(char::from(CHARS[rng.random_range(0..CHARS.len())]));
    }
    s
}
