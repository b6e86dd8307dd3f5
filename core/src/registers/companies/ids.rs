//! Trade identifiers of companies: normalised, validated, each with its issuing country.
//!
//! Pure functions, no I/O. [`check`] takes what was typed and answers the stored form and
//! its country, or a stable error code and message:
//!
//! - `eori`: Economic Operators Registration and Identification number — the issuing
//!   country's ISO code (`XI` for Northern Ireland) and a national part of 1–15 letters or
//!   digits. No check digit exists across countries; the prefix fixes the country.
//! - `vat`: VAT number with its country prefix (`EL` for Greece), added from the country when
//!   typed without one. Check digits verified by the `vat_id_validator` crate for every
//!   country it knows — among them FR (key mod 97 of the SIREN), DE (ISO 7064 mod 11,10), IT
//!   (Luhn), ES (NIF/CIF letter or digit), NL (mod 11, or mod 97 for sole traders), BE (mod
//!   97), GB (mod 97 and mod 97−55) and PL (weighted mod 11); a VAT number of another country
//!   is checked for its shape only.
//! - `registration`: national registration number: for France the SIREN (9 digits) or SIRET
//!   (14 digits), both with the Luhn check digit; elsewhere 1–30 letters or digits.
//! - `tax`: national tax identifier other than VAT: 1–30 letters or digits.
//! - `lei`: Legal Entity Identifier (ISO 17442): 20 characters, ISO 7064 mod 97-10 check
//!   digits (the `lei` crate). Global: no country.
//! - `iban`: International Bank Account Number of an account the company uses: the
//!   country's length and format and the mod 97-10 check (the `iban_validate` crate).
//! - `aeo`: Authorised Economic Operator certificate: the issuing country, `AEOC`, `AEOS` or
//!   `AEOF`, and a reference of 1–20 letters or digits (e.g. `FRAEOF000123`).
//!
//! The country of `eori`, `vat` and `iban` is the prefix; `registration`, `tax` and `aeo`
//! need one (the AEO prefix gives it); `lei` has none.

use serde::{Deserialize, Serialize};
use std::str::FromStr;
use utoipa::ToSchema;

/// The kinds of identifier a company carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TradeIdKind {
    Eori,
    Vat,
    Registration,
    Tax,
    Lei,
    Iban,
    Aeo,
}

impl TradeIdKind {
    pub const ALL: [TradeIdKind; 7] = [
        TradeIdKind::Eori,
        TradeIdKind::Vat,
        TradeIdKind::Registration,
        TradeIdKind::Tax,
        TradeIdKind::Lei,
        TradeIdKind::Iban,
        TradeIdKind::Aeo,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TradeIdKind::Eori => "eori",
            TradeIdKind::Vat => "vat",
            TradeIdKind::Registration => "registration",
            TradeIdKind::Tax => "tax",
            TradeIdKind::Lei => "lei",
            TradeIdKind::Iban => "iban",
            TradeIdKind::Aeo => "aeo",
        }
    }

    pub fn parse(s: &str) -> Option<TradeIdKind> {
        TradeIdKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Why an identifier was refused: a stable code (the API's field error code) and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: &'static str,
    pub message: String,
}

fn refuse(code: &'static str, message: impl Into<String>) -> Refusal {
    Refusal {
        code,
        message: message.into(),
    }
}

/// An identifier as stored: normalised value and its country (ISO 3166-1 alpha-2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub value: String,
    pub country: Option<String>,
}

/// Upper case, without spaces, `-`, `.` and `/`.
pub fn normalise(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.' | '/'))
        .flat_map(char::to_uppercase)
        .collect()
}

fn alnum(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn letters2(s: &str) -> Option<&str> {
    let p = s.get(..2)?;
    p.chars().all(|c| c.is_ascii_uppercase()).then_some(p)
}

/// The Luhn check (SIREN, SIRET).
fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// `country` must agree with a country the value itself carries.
fn agree(carried: &str, given: Option<&str>) -> Result<(), Refusal> {
    match given {
        Some(g) if g != carried => Err(refuse(
            "country_mismatch",
            format!("the identifier is of {carried}, not {g}"),
        )),
        _ => Ok(()),
    }
}

/// Checks `raw` as an identifier of `kind`, issued by `country` when given (upper case).
pub fn check(kind: TradeIdKind, raw: &str, country: Option<&str>) -> Result<Checked, Refusal> {
    let v = normalise(raw);
    if v.is_empty() {
        return Err(refuse("required", "must not be empty"));
    }
    if !alnum(&v) {
        return Err(refuse("format", "only letters and digits"));
    }
    match kind {
        TradeIdKind::Eori => {
            let Some(cc) = letters2(&v) else {
                return Err(refuse(
                    "format",
                    "must start with the issuing country's code",
                ));
            };
            let national = v.get(2..).unwrap_or("");
            if national.is_empty() || national.len() > 15 {
                return Err(refuse(
                    "format",
                    "a country code followed by 1 to 15 letters or digits",
                ));
            }
            let cc = if cc == "XI" { "GB" } else { cc };
            agree(cc, country)?;
            Ok(Checked {
                country: Some(cc.to_string()),
                value: v,
            })
        }
        TradeIdKind::Vat => vat(v, country),
        TradeIdKind::Registration => {
            let Some(cc) = country else {
                return Err(refuse("country_required", "name the issuing country"));
            };
            if v.len() > 30 {
                return Err(refuse("format", "at most 30 letters or digits"));
            }
            if cc == "FR" {
                let digits = v.chars().all(|c| c.is_ascii_digit());
                if !(digits && (v.len() == 9 || v.len() == 14)) {
                    return Err(refuse("format", "a French SIREN has 9 digits, a SIRET 14"));
                }
                if !luhn(&v) {
                    return Err(refuse("check_digit", "the check digit is wrong"));
                }
            }
            Ok(Checked {
                value: v,
                country: Some(cc.to_string()),
            })
        }
        TradeIdKind::Tax => {
            let Some(cc) = country else {
                return Err(refuse("country_required", "name the issuing country"));
            };
            if v.len() > 30 {
                return Err(refuse("format", "at most 30 letters or digits"));
            }
            Ok(Checked {
                value: v,
                country: Some(cc.to_string()),
            })
        }
        TradeIdKind::Lei => {
            if v.len() != 20 {
                return Err(refuse("format", "an LEI has 20 letters or digits"));
            }
            if !lei::validate(&v) {
                return Err(refuse("check_digit", "the check digits are wrong"));
            }
            Ok(Checked {
                value: v,
                country: country.map(str::to_string),
            })
        }
        TradeIdKind::Iban => {
            let Some(cc) = letters2(&v) else {
                return Err(refuse(
                    "format",
                    "must start with the account's country code",
                ));
            };
            agree(cc, country)?;
            match iban::Iban::from_str(&v) {
                Ok(_) => Ok(Checked {
                    country: Some(cc.to_string()),
                    value: v,
                }),
                Err(iban::ParseIbanError::InvalidBaseIban {
                    source: iban::ParseBaseIbanError::InvalidChecksum,
                }) => Err(refuse("check_digit", "the check digits are wrong")),
                Err(_) => Err(refuse(
                    "format",
                    format!("not the length or format of an IBAN of {cc}"),
                )),
            }
        }
        TradeIdKind::Aeo => {
            let Some(cc) = letters2(&v) else {
                return Err(refuse(
                    "format",
                    "must start with the issuing country's code",
                ));
            };
            let kind = v.get(2..6).unwrap_or("");
            let reference = v.get(6..).unwrap_or("");
            if !matches!(kind, "AEOC" | "AEOS" | "AEOF")
                || reference.is_empty()
                || reference.len() > 20
            {
                return Err(refuse(
                    "format",
                    "a country code, AEOC, AEOS or AEOF, then the certificate's reference",
                ));
            }
            agree(cc, country)?;
            Ok(Checked {
                country: Some(cc.to_string()),
                value: v,
            })
        }
    }
}

fn vat(v: String, country: Option<&str>) -> Result<Checked, Refusal> {
    // Greece's VAT prefix is EL; everything else uses the ISO code.
    let prefix_of = |cc: &str| {
        if cc == "GR" {
            "EL".to_string()
        } else {
            cc.to_string()
        }
    };
    let country_of = |p: &str| {
        if p == "EL" {
            "GR".to_string()
        } else {
            p.to_string()
        }
    };
    let v = match (letters2(&v), country) {
        (Some(_), _) => v,
        (_, Some(cc)) => format!("{}{v}", prefix_of(cc)),
        _ => {
            return Err(refuse(
                "country_required",
                "start with the country prefix or name the country",
            ))
        }
    };
    let prefix = v.get(..2).unwrap_or("");
    let cc = country_of(prefix);
    agree(&cc, country)?;
    let national = v.get(2..).unwrap_or("");
    if national.len() < 2 || national.len() > 13 {
        return Err(refuse(
            "format",
            "a country prefix and 2 to 13 letters or digits",
        ));
    }
    let result = vat_id_validator::check_vat_by_country(&v, prefix);
    if result.is_supported_country {
        if !result.is_valid_format {
            return Err(refuse(
                "format",
                format!("not the format of a VAT number of {cc}"),
            ));
        }
        if !result.is_valid {
            return Err(refuse("check_digit", "the check digits are wrong"));
        }
    }
    Ok(Checked {
        value: v,
        country: Some(cc),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ok(kind: TradeIdKind, raw: &str, country: Option<&str>) -> Checked {
        check(kind, raw, country).unwrap_or_else(|e| panic!("{raw}: {e:?}"))
    }
    fn code(kind: TradeIdKind, raw: &str, country: Option<&str>) -> &'static str {
        check(kind, raw, country).unwrap_err().code
    }

    /// Valid numbers from the national specifications' and python-stdnum's published
    /// examples; each made invalid by changing one digit.
    #[test]
    fn vat_numbers_of_eight_countries() {
        let valid = [
            ("FR", "FR 40 303 265 045"),
            ("DE", "DE 136,695 976"),
            ("IT", "IT 00743110157"),
            ("ES", "ES B-58378431"),
            ("NL", "NL 004495445B01"),
            ("BE", "BE 0403019261"),
            ("GB", "GB 980 7806 84"),
            ("PL", "PL 8567346215"),
        ];
        for (cc, raw) in valid {
            let raw = raw.replace(',', "");
            let c = ok(TradeIdKind::Vat, &raw, Some(cc));
            assert_eq!(c.country.as_deref(), Some(cc));
            assert!(c.value.starts_with(cc));
        }
        let wrong = [
            ("FR", "FR41303265045"),
            ("DE", "DE136695977"),
            ("IT", "IT00743110158"),
            ("ES", "ESB58378432"),
            ("NL", "NL004495446B01"),
            ("BE", "BE0403019262"),
            ("GB", "GB980780685"),
            ("PL", "PL8567346216"),
        ];
        for (cc, raw) in wrong {
            assert_eq!(
                code(TradeIdKind::Vat, raw, Some(cc)),
                "check_digit",
                "{raw}"
            );
        }
        // typed without its prefix: the country supplies it
        assert_eq!(
            ok(TradeIdKind::Vat, "40303265045", Some("FR")).value,
            "FR40303265045"
        );
        assert_eq!(
            code(TradeIdKind::Vat, "FR40303265045", Some("DE")),
            "country_mismatch"
        );
        assert_eq!(code(TradeIdKind::Vat, "FR4030", None), "format");
        // a country without an algorithm here: shape only
        assert_eq!(
            ok(TradeIdKind::Vat, "MA12345678", None).country.as_deref(),
            Some("MA")
        );
    }

    #[test]
    fn lei_iban_eori_aeo_and_registration() {
        // ISO 17442 annex example and a GLEIF record
        ok(TradeIdKind::Lei, "YZ83GD8L7GG84979J516", None);
        ok(TradeIdKind::Lei, "2594007XIACKNMUAW223", None);
        assert_eq!(
            code(TradeIdKind::Lei, "2594007XIACKNMUAW222", None),
            "check_digit"
        );
        assert_eq!(code(TradeIdKind::Lei, "2594007XIACKNMUAW2", None), "format");
        // ECBS / SWIFT registry examples
        for raw in [
            "DE89 3704 0044 0532 0130 00",
            "GB82 WEST 1234 5698 7654 32",
            "FR14 2004 1010 0505 0001 3M02 606",
        ] {
            ok(TradeIdKind::Iban, raw, None);
        }
        assert_eq!(
            code(TradeIdKind::Iban, "DE88370400440532013000", None),
            "check_digit"
        );
        // one digit short: refused (the check digits no longer hold either)
        assert!(check(TradeIdKind::Iban, "DE8937040044053201300", None).is_err());
        assert_eq!(code(TradeIdKind::Iban, "1234", None), "format");
        assert_eq!(
            code(TradeIdKind::Iban, "DE89370400440532013000", Some("FR")),
            "country_mismatch"
        );
        let e = ok(TradeIdKind::Eori, "fr 123-456-789-00012", None);
        assert_eq!(
            (e.value.as_str(), e.country.as_deref()),
            ("FR12345678900012", Some("FR"))
        );
        assert_eq!(
            code(TradeIdKind::Eori, "FR1234567890123456", None),
            "format"
        );
        assert_eq!(code(TradeIdKind::Eori, "12345", None), "format");
        assert_eq!(
            ok(TradeIdKind::Aeo, "FR AEOF 000123", None).value,
            "FRAEOF000123"
        );
        assert_eq!(code(TradeIdKind::Aeo, "FRAEOX000123", None), "format");
        // SIREN of La Poste (public register) and a SIRET of it; one digit changed
        ok(TradeIdKind::Registration, "356 000 000", Some("FR"));
        ok(TradeIdKind::Registration, "356 000 000 00048", Some("FR"));
        assert_eq!(
            code(TradeIdKind::Registration, "356000001", Some("FR")),
            "check_digit"
        );
        assert_eq!(
            code(TradeIdKind::Registration, "HRB 86891", None),
            "country_required"
        );
        ok(TradeIdKind::Registration, "HRB 86891", Some("DE"));
        assert_eq!(code(TradeIdKind::Tax, "12$345", Some("MA")), "format");
    }
}
