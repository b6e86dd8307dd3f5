//! Company against company: the best of their names with legal forms set aside, then the
//! identifiers, which decide when both sides have them.
//!
//! | evidence | agrees | disagrees |
//! |---|---|---|
//! | registration number, tax id, EORI (normalised, letter prefix aside) | +0.50 | −0.30 (same kind, both given) |
//! | country | +0.03 | −0.25 |
//! | phone, e-mail | +0.15 | — |
//! | address (same words) | +0.08 | — |

use crate::names::{self, Name};
use crate::person::address_overlap;
use crate::text;
use crate::{Feature, Outcome};
use serde::Deserialize;
use std::collections::BTreeSet;

/// Legal forms and the words around them (`Co., Ltd.`), in any of the scripts after
/// transliteration (`ООО` → `ooo`, `ТОВ` → `tov`, `A.Ş.` → `a s`).
pub const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "plc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cie",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "ug",
    "ohg",
    "sarl",
    "sa",
    "sas",
    "sasu",
    "sprl",
    "srl",
    "spa",
    "sl",
    "slu",
    "bv",
    "nv",
    "vof",
    "ab",
    "oy",
    "oyj",
    "as",
    "asa",
    "aps",
    "a",
    "s",
    "de",
    "cv",
    "rl",
    "sapi",
    "ltda",
    "eireli",
    "me",
    "epp",
    "eirl",
    "sca",
    "scs",
    "ooo",
    "zao",
    "oao",
    "pao",
    "ao",
    "ip",
    "tov",
    "pp",
    "doo",
    "dd",
    "sp",
    "zoo",
    "z",
    "o",
    "sro",
    "kft",
    "zrt",
    "nyrt",
    "bhd",
    "sdn",
    "pte",
    "pvt",
    "private",
    "pty",
    "fze",
    "fzco",
    "fzc",
    "fz",
    "jsc",
    "cjsc",
    "ojsc",
    "tic",
    "ve",
    "san",
    "sti",
    "wll",
    "spc",
    "est",
    "kk",
    "the",
    "and",
    "et",
    "und",
    "y",
    "e",
    "of",
    "anonim",
    "sirketi",
    "sirket",
    "ve",
    "bhd",
    "tnhh",
    "cong",
    "ty",
    "sal",
    "sae",
    "spa",
    "plc",
    "jusikhoesa",
    "chusikhoesa",
    "bm",
    "shrkh",
    "shrkt",
    "dhmm",
];

/// Words that describe a trade rather than name a company: they count for a third of a name
/// word, so `Global Trading` and `Global Trade Links` differ by what names them.
pub const GENERIC: &[&str] = &[
    "trading",
    "trade",
    "traders",
    "general",
    "international",
    "import",
    "export",
    "imports",
    "exports",
    "group",
    "holding",
    "holdings",
    "services",
    "service",
    "industries",
    "industry",
    "industrial",
    "enterprises",
    "enterprise",
    "commercial",
    "commerce",
    "sanayi",
    "ticaret",
    "global",
    "shipping",
    "logistics",
    "freight",
    "transport",
    "company",
    "manufacturing",
    "przedsiebiorstwo",
    "handlowe",
    "thuong",
    "mai",
    "maoyi",
];

/// Words of a Chinese company name with a usual English rendering, so `华丰贸易` meets
/// `Huafeng Trading`; legal forms (`有限公司`) go.
const HAN_WORDS: &[(&str, &str)] = &[
    ("股份有限公司", " "),
    ("有限责任公司", " "),
    ("有限公司", " "),
    ("公司", " "),
    ("进出口", " import export "),
    ("贸易", " trading "),
    ("物流", " logistics "),
    ("科技", " technology "),
    ("国际", " international "),
    ("集团", " group "),
    ("电子", " electronics "),
    ("实业", " industrial "),
    ("工业", " industry "),
    ("制造", " manufacturing "),
    ("化工", " chemical "),
    ("服装", " garment "),
    ("航运", " shipping "),
    ("运输", " transport "),
    ("供应链", " supply chain "),
    ("医药", " pharmaceutical "),
    ("食品", " food "),
    ("能源", " energy "),
];

/// Abbreviations read as their full word.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("intl", "international"),
    ("int", "international"),
    ("mfg", "manufacturing"),
    ("tech", "technology"),
    ("svcs", "services"),
    ("svc", "services"),
    ("bros", "brothers"),
    ("ind", "industries"),
    ("grp", "group"),
    ("trd", "trading"),
    ("imp", "import"),
    ("exp", "export"),
    ("log", "logistics"),
    ("hldgs", "holdings"),
    ("mgmt", "management"),
];

/// What is known of a company.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CompanyFacts {
    pub name: Option<String>,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub registration_number: Option<String>,
    pub tax_id: Option<String>,
    pub eori: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
    pub addresses: Vec<String>,
}

/// A company prepared once for many comparisons.
#[derive(Debug, Clone)]
pub struct Company {
    pub names: Vec<(&'static str, Name)>,
    pub country: Option<String>,
    /// (kind, normalised value).
    pub identifiers: Vec<(&'static str, String)>,
    pub phones: BTreeSet<String>,
    pub emails: BTreeSet<String>,
    pub addresses: Vec<BTreeSet<String>>,
}

/// A company name as compared: Chinese words rendered, legal forms dropped, abbreviations
/// expanded.
pub fn name(raw: &str) -> Name {
    let mut s = raw.to_string();
    for (han, en) in HAN_WORDS {
        s = s.replace(han, en);
    }
    let s = s.replace(['&', '+'], " and ");
    Name::words(&s, LEGAL_FORMS)
        .map_tokens(|t| {
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == t)
                .map(|(_, full)| full.to_string())
                .unwrap_or_else(|| t.to_string())
        })
        .weigh(GENERIC, 0.35)
}

impl Company {
    pub fn prepare(f: &CompanyFacts) -> Company {
        let mut names = Vec::new();
        if let Some(n) = f.name.as_deref().filter(|n| !n.trim().is_empty()) {
            names.push(("name", name(n)));
        }
        for a in f.aliases.iter().filter(|a| !a.trim().is_empty()).take(20) {
            names.push(("alias", name(a)));
        }
        names.retain(|(_, n)| !n.is_empty());
        let mut identifiers = Vec::new();
        for (kind, v) in [
            ("registration_number", &f.registration_number),
            ("tax_id", &f.tax_id),
            ("eori", &f.eori),
        ] {
            if let Some(v) = v.as_deref().map(text::identifier).filter(|v| v.len() >= 4) {
                identifiers.push((kind, v));
            }
        }
        Company {
            names,
            country: f
                .country
                .as_deref()
                .map(|c| c.trim().to_uppercase())
                .filter(|c| !c.is_empty()),
            identifiers,
            phones: f.phones.iter().filter_map(|p| text::phone(p)).collect(),
            emails: f.emails.iter().filter_map(|e| text::email(e)).collect(),
            addresses: f
                .addresses
                .iter()
                .map(|a| {
                    text::tokens(a, false, &[])
                        .into_iter()
                        .filter(|t| t.len() > 1)
                        .collect::<BTreeSet<_>>()
                })
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }
}

/// The candidate keys of a company's names (legal forms set aside).
pub fn keys(f: &CompanyFacts) -> crate::keys::NameKeys {
    Company::prepare(f).keys()
}

impl Company {
    /// The candidate keys of the prepared names.
    pub fn keys(&self) -> crate::keys::NameKeys {
        let mut k = crate::keys::NameKeys::default();
        for (_, name) in &self.names {
            k.add(name);
        }
        k
    }
}

/// Two normalised identifiers name the same registration when equal, or when one is the
/// other with a leading letter prefix (a country code or a registry's: `IT01234567890` and
/// `01234567890`, `RC123456` and `123456`).
fn same_identifier(x: &str, y: &str) -> bool {
    let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
    long == short
        || (short.len() >= 6
            && long.ends_with(short)
            && long[..long.len() - short.len()]
                .bytes()
                .all(|c| c.is_ascii_alphabetic()))
}

/// Scores `b` against `a`, with the explanation.
pub fn compare(a: &Company, b: &Company) -> Outcome {
    let mut best = names::NameMatch {
        score: 0.0,
        features: Vec::new(),
    };
    for (_, na) in &a.names {
        for (_, nb) in &b.names {
            let m = names::compare_with(na, nb, names::COMPANY);
            if m.score > best.score {
                best = m;
            }
        }
    }
    if a.names.is_empty() || b.names.is_empty() {
        // an identifier-only query: the name neither speaks for nor against
        best = names::NameMatch {
            score: 0.5,
            features: vec![Feature::new("name_absent", "no name on one side", 0.5)],
        };
    }
    let mut features = best.features;
    for (kind, x) in &a.identifiers {
        let same_kind: Vec<&String> = b
            .identifiers
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, v)| v)
            .collect();
        if let Some(y) = same_kind.iter().find(|y| same_identifier(x, y)) {
            features.push(Feature::new(kind, format!("{x} / {y}: same"), 0.50));
        } else if let Some(y) = same_kind.first() {
            features.push(Feature::new(kind, format!("{x} / {y}"), -0.30));
        }
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        if x == y {
            features.push(Feature::new("country", format!("{x} on both"), 0.03));
        } else {
            features.push(Feature::new("country", format!("{x} / {y}"), -0.25));
        }
    }
    if let Some(p) = a.phones.intersection(&b.phones).next() {
        features.push(Feature::new("phone", format!("…{p} on both"), 0.15));
    }
    if let Some(e) = a.emails.intersection(&b.emails).next() {
        features.push(Feature::new("email", format!("{e} on both"), 0.15));
    }
    let overlap = address_overlap(&a.addresses, &b.addresses);
    if overlap >= 0.6 {
        features.push(Feature::new(
            "address",
            format!("{:.0} % of words shared", overlap * 100.0),
            0.08,
        ));
    }
    Outcome::from(best.score, features)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn c(a: &str, b: &str) -> f64 {
        let p = |n: &str| {
            Company::prepare(&CompanyFacts {
                name: Some(n.into()),
                ..Default::default()
            })
        };
        compare(&p(a), &p(b)).score
    }

    #[test]
    fn legal_forms_scripts_and_abbreviations() {
        assert!(c("ACME Trading Ltd.", "Acme Trading Limited") > 0.99);
        assert!(c("深圳华丰贸易有限公司", "Shenzhen Huafeng Trading Co., Ltd.") > 0.9);
        assert!(c("ООО «Северный Путь»", "Severny Put LLC") > 0.85);
        assert!(c("Delta Intl Freight GmbH", "Delta International Freight") > 0.99);
        assert!(c("Maersk Line", "Maersk Logistics") < 0.8);
    }
}
