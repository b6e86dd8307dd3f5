//! Conveyance and shipment identifiers: normalisation and check-digit validation.
//!
//! Pure functions, no I/O. `validate(kind, raw)` normalises (spaces, hyphens, dots and
//! slashes removed, upper-cased) and checks the format and check digit of the kind:
//!
//! - `container`: ISO 6346 — 3-letter owner code, category `U`/`J`/`Z`, 6-digit serial and
//!   a check digit (weighted sum mod 11, 10 counting as 0).
//! - `imo`: IMO ship number — 7 digits (an `IMO` prefix is accepted), the last being
//!   `Σ digit(i)·(7−i) mod 10` over the first six.
//! - `mmsi`: Maritime Mobile Service Identity — 9 digits (no check digit exists).
//! - `vin`: vehicle identification number — 17 characters from `0-9A-Z` without `I`, `O`
//!   and `Q`. The position-9 check digit is mandatory only for North-American VINs; others
//!   (most European and Asian makers) fill that position freely. We enforce it when the
//!   world-manufacturer identifier starts with `1`–`5` (North America) and skip it
//!   otherwise, so that genuine non-American VINs are never refused.
//! - `air_waybill`: 11 digits — 3-digit airline prefix, 7-digit serial and a check digit
//!   equal to the serial mod 7.
//! - `aircraft_registration`, `flight_number`, `plate`, `bill_of_lading`,
//!   `tracking_number`, `other`: format only (letters and digits, bounded length).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The kinds of identifier a conveyance (or shipment) can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Container,
    Imo,
    Mmsi,
    Vin,
    AirWaybill,
    AircraftRegistration,
    FlightNumber,
    Plate,
    BillOfLading,
    TrackingNumber,
    Other,
}

impl IdentifierKind {
    pub const ALL: [IdentifierKind; 11] = [
        IdentifierKind::Container,
        IdentifierKind::Imo,
        IdentifierKind::Mmsi,
        IdentifierKind::Vin,
        IdentifierKind::AirWaybill,
        IdentifierKind::AircraftRegistration,
        IdentifierKind::FlightNumber,
        IdentifierKind::Plate,
        IdentifierKind::BillOfLading,
        IdentifierKind::TrackingNumber,
        IdentifierKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdentifierKind::Container => "container",
            IdentifierKind::Imo => "imo",
            IdentifierKind::Mmsi => "mmsi",
            IdentifierKind::Vin => "vin",
            IdentifierKind::AirWaybill => "air_waybill",
            IdentifierKind::AircraftRegistration => "aircraft_registration",
            IdentifierKind::FlightNumber => "flight_number",
            IdentifierKind::Plate => "plate",
            IdentifierKind::BillOfLading => "bill_of_lading",
            IdentifierKind::TrackingNumber => "tracking_number",
            IdentifierKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Why an identifier was refused; `code()` is the stable field-error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentifierError {
    /// Wrong length or characters.
    Format(&'static str),
    /// Well-formed but the check digit does not match.
    CheckDigit,
}

impl IdentifierError {
    pub fn code(&self) -> &'static str {
        match self {
            IdentifierError::Format(_) => "format",
            IdentifierError::CheckDigit => "check_digit",
        }
    }

    pub fn message(&self) -> String {
        match self {
            IdentifierError::Format(expected) => format!("must be {expected}"),
            IdentifierError::CheckDigit => "the check digit does not match".into(),
        }
    }
}

/// Upper-cases and removes spaces, hyphens, dots and slashes.
pub fn normalise(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Normalises `raw` and checks it as an identifier of `kind`; returns the normalised form.
pub fn validate(kind: IdentifierKind, raw: &str) -> Result<String, IdentifierError> {
    let norm = normalise(raw);
    match kind {
        IdentifierKind::Container => container(&norm)?,
        IdentifierKind::Imo => {
            let digits = norm.strip_prefix("IMO").unwrap_or(&norm).to_string();
            imo(&digits)?;
            return Ok(digits);
        }
        IdentifierKind::Mmsi => mmsi(&norm)?,
        IdentifierKind::Vin => vin(&norm)?,
        IdentifierKind::AirWaybill => air_waybill(&norm)?,
        IdentifierKind::AircraftRegistration => {
            alnum(&norm, 2, 10, "2–10 letters and digits, e.g. F-GKXA")?
        }
        IdentifierKind::FlightNumber => flight_number(&norm)?,
        IdentifierKind::Plate => alnum(&norm, 1, 15, "1–15 letters and digits")?,
        IdentifierKind::BillOfLading => alnum(&norm, 4, 35, "4–35 letters and digits")?,
        IdentifierKind::TrackingNumber => alnum(&norm, 6, 40, "6–40 letters and digits")?,
        IdentifierKind::Other => alnum(&norm, 1, 64, "1–64 letters and digits")?,
    }
    Ok(norm)
}

fn alnum(s: &str, min: usize, max: usize, expected: &'static str) -> Result<(), IdentifierError> {
    let ok = (min..=max).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then_some(()).ok_or(IdentifierError::Format(expected))
}

/// A UN/LOCODE: 2 letters (the country), then 3 letters or digits 2–9. Read by characters,
/// never by byte offsets, so any text is safe to check (a byte index inside a multi-byte
/// character would panic).
pub fn unlocode(s: &str) -> bool {
    s.chars().count() == 5
        && s.chars().take(2).all(|c| c.is_ascii_uppercase())
        && s.chars()
            .skip(2)
            .all(|c| c.is_ascii_uppercase() || ('2'..='9').contains(&c))
}

/// An EORI: 2 letters (the country), then 1 to 15 letters or digits; by characters, like
/// `unlocode`.
pub fn eori(s: &str) -> bool {
    (3..=17).contains(&s.chars().count())
        && s.chars().take(2).all(|c| c.is_ascii_uppercase())
        && s.chars().skip(2).all(|c| c.is_ascii_alphanumeric())
}

fn all_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.chars().all(|c| c.is_ascii_digit())
}

fn digit(c: char) -> u32 {
    c.to_digit(10).unwrap_or(0)
}

/// ISO 6346 letter values: A=10 upwards, skipping multiples of 11.
fn iso6346_letter(c: char) -> u32 {
    let mut value = 10;
    for letter in 'A'..='Z' {
        if value % 11 == 0 {
            value += 1;
        }
        if letter == c {
            return value;
        }
        value += 1;
    }
    0
}

pub fn container(s: &str) -> Result<(), IdentifierError> {
    const EXPECTED: &str = "an ISO 6346 container number: 4 letters (the 4th U, J or Z), 7 digits";
    let chars: Vec<char> = s.chars().collect();
    let [owner @ .., category] = chars.get(..4).unwrap_or_default() else {
        return Err(IdentifierError::Format(EXPECTED));
    };
    let serial = chars.get(4..).unwrap_or_default();
    let shape = chars.len() == 11
        && owner.iter().all(|c| c.is_ascii_uppercase())
        && matches!(category, 'U' | 'J' | 'Z')
        && serial.iter().all(|c| c.is_ascii_digit());
    let (Some(check_char), Some(body)) = (chars.last(), chars.get(..10)) else {
        return Err(IdentifierError::Format(EXPECTED));
    };
    if !shape {
        return Err(IdentifierError::Format(EXPECTED));
    }
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let v = if c.is_ascii_digit() {
                digit(*c)
            } else {
                iso6346_letter(*c)
            };
            v << i
        })
        .sum();
    let check = (sum % 11) % 10;
    (check == digit(*check_char))
        .then_some(())
        .ok_or(IdentifierError::CheckDigit)
}

pub fn imo(s: &str) -> Result<(), IdentifierError> {
    if !all_digits(s, 7) {
        return Err(IdentifierError::Format("an IMO number: 7 digits"));
    }
    let d: Vec<u32> = s.chars().map(digit).collect();
    let sum: u32 = d.iter().zip((2..=7).rev()).map(|(d, w)| d * w).sum();
    (d.get(6) == Some(&(sum % 10)))
        .then_some(())
        .ok_or(IdentifierError::CheckDigit)
}

pub fn mmsi(s: &str) -> Result<(), IdentifierError> {
    all_digits(s, 9)
        .then_some(())
        .ok_or(IdentifierError::Format("an MMSI: 9 digits"))
}

fn vin_value(c: char) -> u32 {
    match c {
        '0'..='9' => digit(c),
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => 0,
    }
}

pub fn vin(s: &str) -> Result<(), IdentifierError> {
    let chars: Vec<char> = s.chars().collect();
    let shape = chars.len() == 17
        && chars.iter().all(|c| {
            c.is_ascii_digit() || (c.is_ascii_uppercase() && !matches!(c, 'I' | 'O' | 'Q'))
        });
    if !shape {
        return Err(IdentifierError::Format(
            "a VIN: 17 letters and digits, without I, O or Q",
        ));
    }
    if !matches!(chars.first(), Some('1'..='5')) {
        return Ok(());
    }
    const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let sum: u32 = chars
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| vin_value(*c) * w)
        .sum();
    let expected = match sum % 11 {
        10 => 'X',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    (chars.get(8) == Some(&expected))
        .then_some(())
        .ok_or(IdentifierError::CheckDigit)
}

pub fn air_waybill(s: &str) -> Result<(), IdentifierError> {
    if !all_digits(s, 11) {
        return Err(IdentifierError::Format(
            "an air waybill number: 11 digits (3-digit airline prefix and 8-digit serial)",
        ));
    }
    let serial: u32 = s.get(3..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    (serial % 7 == digit(s.chars().nth(10).unwrap_or('x')))
        .then_some(())
        .ok_or(IdentifierError::CheckDigit)
}

pub fn flight_number(s: &str) -> Result<(), IdentifierError> {
    let chars: Vec<char> = s.chars().collect();
    let number = chars.get(2..).unwrap_or_default();
    let ok = (3..=8).contains(&chars.len())
        && chars.iter().all(|c| c.is_ascii_alphanumeric())
        && number.iter().any(|c| c.is_ascii_digit());
    ok.then_some(())
        .ok_or(IdentifierError::Format("a flight number such as AF1234"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn codes_with_multibyte_characters_are_refused_not_a_panic() {
        // byte offsets 2 and 5 fall inside `Ü` and `é`: slicing there would panic
        for s in ["aÜbc", ")Ü\\X", "FRé", "ÜÜ", "FRPARé"] {
            assert!(!unlocode(s), "{s}");
            assert!(!eori(s), "{s}");
        }
        assert!(unlocode("FRPAR") && unlocode("DEHA2") && !unlocode("FRPA1"));
        assert!(eori("FR123456789") && eori("DEX") && !eori("F1") && !eori("FR1234567890123456"));
    }
    use IdentifierKind as K;

    #[test]
    fn normalises_spaces_hyphens_and_case() {
        assert_eq!(normalise(" csqu 305438-3 "), "CSQU3054383");
        assert_eq!(normalise("020-1234 5675"), "02012345675");
        assert_eq!(normalise("ab.12/cd"), "AB12CD");
    }

    #[test]
    fn containers_are_checked_with_iso_6346() {
        assert_eq!(
            validate(K::Container, "CSQU 305438 3").unwrap(),
            "CSQU3054383"
        );
        assert_eq!(
            validate(K::Container, "MSKU9070323").unwrap(),
            "MSKU9070323"
        );
        assert_eq!(
            validate(K::Container, "csqu3054384"),
            Err(IdentifierError::CheckDigit)
        );
        assert!(matches!(
            validate(K::Container, "CSQX3054383"),
            Err(IdentifierError::Format(_))
        ));
        assert!(matches!(
            validate(K::Container, "CSQU305438"),
            Err(IdentifierError::Format(_))
        ));
        // A remainder of 10 counts as check digit 0.
        assert_eq!(iso6346_letter('A'), 10);
        assert_eq!(iso6346_letter('K'), 21);
        assert_eq!(iso6346_letter('L'), 23);
        assert_eq!(iso6346_letter('V'), 34);
        assert_eq!(iso6346_letter('Z'), 38);
    }

    #[test]
    fn imo_numbers_have_a_weighted_check_digit() {
        assert_eq!(validate(K::Imo, "IMO 9074729").unwrap(), "9074729");
        assert_eq!(validate(K::Imo, "9176187").unwrap(), "9176187");
        assert_eq!(
            validate(K::Imo, "9074728"),
            Err(IdentifierError::CheckDigit)
        );
        assert!(matches!(
            validate(K::Imo, "907472"),
            Err(IdentifierError::Format(_))
        ));
    }

    #[test]
    fn mmsi_is_nine_digits() {
        assert_eq!(validate(K::Mmsi, "227 006 760").unwrap(), "227006760");
        assert!(validate(K::Mmsi, "22700676").is_err());
        assert!(validate(K::Mmsi, "22700676A").is_err());
    }

    #[test]
    fn vins_are_checked_only_when_north_american() {
        assert_eq!(
            validate(K::Vin, "1m8gdm9axkp042788").unwrap(),
            "1M8GDM9AXKP042788"
        );
        assert_eq!(
            validate(K::Vin, "1M8GDM9A1KP042788"),
            Err(IdentifierError::CheckDigit)
        );
        // European VIN: position 9 is not a check digit.
        assert_eq!(
            validate(K::Vin, "WVWZZZ1JZXW000001").unwrap(),
            "WVWZZZ1JZXW000001"
        );
        assert!(matches!(
            validate(K::Vin, "WVWZZZ1JZXW00000I"),
            Err(IdentifierError::Format(_))
        ));
        assert!(matches!(
            validate(K::Vin, "WVWZZZ1JZXW0001"),
            Err(IdentifierError::Format(_))
        ));
    }

    #[test]
    fn air_waybills_use_mod_7() {
        assert_eq!(
            validate(K::AirWaybill, "020-12345675").unwrap(),
            "02012345675"
        );
        assert_eq!(
            validate(K::AirWaybill, "176 0000 0011").unwrap(),
            "17600000011"
        );
        assert_eq!(
            validate(K::AirWaybill, "020-12345676"),
            Err(IdentifierError::CheckDigit)
        );
        assert!(matches!(
            validate(K::AirWaybill, "020-1234567"),
            Err(IdentifierError::Format(_))
        ));
    }

    #[test]
    fn other_kinds_are_checked_for_shape() {
        assert_eq!(
            validate(K::AircraftRegistration, "f-gkxa").unwrap(),
            "FGKXA"
        );
        assert_eq!(validate(K::FlightNumber, "af 1234").unwrap(), "AF1234");
        assert!(validate(K::FlightNumber, "AFX").is_err());
        assert_eq!(validate(K::Plate, "AB-123-CD").unwrap(), "AB123CD");
        assert!(validate(K::Plate, "").is_err());
        assert!(validate(K::Plate, "AB#123").is_err());
        assert!(validate(K::BillOfLading, "MAEU123456789").is_ok());
        assert!(validate(K::TrackingNumber, "RR123456785FR").is_ok());
        for kind in IdentifierKind::ALL {
            assert_eq!(IdentifierKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(IdentifierKind::parse("bogus"), None);
    }
}
