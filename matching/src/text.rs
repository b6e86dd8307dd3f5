//! From any script to comparable Latin tokens, and the keys derived from them.
//!
//! - Transliteration: `any_ascii` (Cyrillic, Greek, Arabic, Persian, Hebrew, Han as pinyin
//!   without tones, Hangul, Vietnamese and Latin diacritics…), one character at a time so a
//!   run of Han characters can be grouped the way Chinese names are written in Latin.
//! - Tokens: lower case, letters and digits only; apostrophes vanish (`O'Brien` → `obrien`,
//!   the Arabic ʿayn too), every other punctuation separates; honorifics are dropped.
//! - Skeleton: the consonants of a token, for names from a script that writes no short vowels
//!   (Arabic, Persian, Hebrew): `Abdelkader` and `عبد القادر` both give `bdlkdr`.
//! - Phonetic codes: Double Metaphone (primary and alternate) from `rphonetic`.

use rphonetic::{DoubleMetaphone, Encoder};
use std::sync::OnceLock;

/// Titles and honorifics that are not part of a name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mister",
    "mme",
    "mlle",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sheikh",
    "shaikh",
    "sheik",
    "cheikh",
    "haji",
    "hajji",
    "hadj",
    "hajj",
    "alhaji",
    "alhaja",
    "alhadji",
    "chief",
    "engr",
    "eng",
    "sir",
    "madam",
    "madame",
    "dame",
    "herr",
    "frau",
    "sr",
    "sra",
    "srta",
    "sheikha",
    "monsieur",
    "gen",
    "col",
    "capt",
    "hon",
    "rev",
    "imam",
    "mallam",
];

/// What a name was written in, as far as matching cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scripts {
    /// Arabic, Persian, Hebrew, Syriac or Thaana: short vowels are not written.
    pub abjad: bool,
    /// Han characters (Chinese, Japanese kanji).
    pub han: bool,
    /// Anything that is not Latin.
    pub non_latin: bool,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

fn is_abjad(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x05FF | 0x0600..=0x06FF | 0x0700..=0x074F | 0x0750..=0x077F
        | 0x0780..=0x07BF | 0x08A0..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// The scripts `raw` uses.
pub fn scripts(raw: &str) -> Scripts {
    let mut s = Scripts::default();
    for c in raw.chars() {
        if is_han(c) {
            s.han = true;
        }
        if is_abjad(c) {
            s.abjad = true;
        }
        if c.is_alphabetic() && !c.is_ascii() && !is_latin_letter(c) {
            s.non_latin = true;
        }
    }
    s
}

fn is_latin_letter(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

/// `raw` in lower-case ASCII, Han characters separated by spaces (one syllable each).
pub fn latin(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    let mut buf = [0u8; 4];
    for c in raw.chars() {
        if is_han(c) {
            out.push(' ');
            out.push_str(&any_ascii::any_ascii(c.encode_utf8(&mut buf)).to_ascii_lowercase());
            out.push(' ');
        } else if matches!(
            c,
            '\'' | '`' | '’' | 'ʼ' | 'ʻ' | 'ʿ' | 'ʾ' | '´' | 'ʹ' | 'ʺ'
        ) {
            // apostrophes and the signs transliterating ʿayn, hamza, soft and hard signs
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for t in any_ascii::any_ascii(c.encode_utf8(&mut buf)).chars() {
                if t.is_ascii_alphanumeric() {
                    out.push(t.to_ascii_lowercase());
                } else if !matches!(t, '\'' | '`') {
                    out.push(' ');
                }
            }
        }
    }
    out
}

/// The tokens of a name: transliterated, lower case, honorifics and `drop` words removed.
/// In a run of Han characters written as one field, the first syllable is the family name and
/// the rest the given name (`王小明` → `wang`, `xiaoming`) when `split_han` is set; otherwise
/// the run is one token (a family or a given name on its own).
pub fn tokens(raw: &str, split_han: bool, drop: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in raw.split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == ',') {
        if word.is_empty() {
            continue;
        }
        if word.chars().any(is_han) {
            han_word(word, split_han, &mut out);
            continue;
        }
        for t in latin(word).split(|c: char| !c.is_ascii_alphanumeric()) {
            if !t.is_empty() && !HONORIFICS.contains(&t) && !drop.contains(&t) {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn han_word(word: &str, split_han: bool, out: &mut Vec<String>) {
    let syllables: Vec<String> = latin(word).split_whitespace().map(str::to_string).collect();
    match syllables.len() {
        0 => {}
        2 | 3 if split_han => {
            out.push(syllables[0].clone());
            out.push(syllables[1..].concat());
        }
        _ => out.push(syllables.concat()),
    }
}

/// The consonant skeleton of a Latin token, for comparing with names transliterated from a
/// script without short vowels: digraphs folded (`sh`/`ch` → `s`, `kh` → `k`, `th` → `t`,
/// `ph` → `f`…), `q`/`c` → `k`, `p` → `b`, `v` → `w`, vowels and semivowels dropped, doubles
/// collapsed.
pub fn skeleton(token: &str) -> String {
    let b = token.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let two = if i + 1 < b.len() {
            Some((b[i], b[i + 1]))
        } else {
            None
        };
        let (c, step) = match two {
            Some((b's', b'h')) | Some((b'c', b'h')) => (b's', 2),
            Some((b'k', b'h')) => (b'k', 2),
            Some((b'g', b'h')) => (b'g', 2),
            Some((b't', b'h')) => (b't', 2),
            Some((b'd', b'h')) => (b'd', 2),
            Some((b'p', b'h')) => (b'f', 2),
            _ => (b[i], 1),
        };
        i += step;
        let c = match c {
            b'q' | b'c' => b'k',
            b'p' => b'b',
            b'v' => b'w',
            b'x' => b'k',
            c => c,
        };
        if matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'y') {
            continue;
        }
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn metaphone() -> &'static DoubleMetaphone {
    static DM: OnceLock<DoubleMetaphone> = OnceLock::new();
    DM.get_or_init(|| DoubleMetaphone::new(Some(8)))
}

/// Double Metaphone codes of a token (primary, then the alternate when it differs).
pub fn phonetic(token: &str) -> Vec<String> {
    if token.len() < 2 || token.bytes().all(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let dm = metaphone();
    let primary = dm.encode(token);
    let alternate = dm.encode_alternate(token);
    let mut codes = Vec::with_capacity(2);
    if !primary.is_empty() {
        codes.push(primary.clone());
    }
    if !alternate.is_empty() && alternate != primary {
        codes.push(alternate);
    }
    codes
}

/// A document, registration or tax number as compared: letters and digits only, upper case,
/// the letter `O` read as zero (`PO123456` and `P0 123-456` compare equal).
pub fn identifier(raw: &str) -> String {
    latin(raw)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            c => c,
        })
        .collect()
}

/// The digits of a phone number that identify it wherever it was written: the last nine
/// (national prefixes, `00` and `+` country codes vary; the subscriber number does not).
pub fn phone(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then(|| digits[digits.len().saturating_sub(9)..].to_string())
}

/// An e-mail address as compared: trimmed, lower case.
pub fn email(raw: &str) -> Option<String> {
    let e = raw.trim().to_lowercase();
    e.contains('@').then_some(e)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn scripts_become_latin_tokens() {
        assert_eq!(
            tokens("Dr. Jean-Pierre O'Brien", false, &[]),
            ["jean", "pierre", "obrien"]
        );
        assert_eq!(tokens("Иванов Сергей", false, &[]), ["ivanov", "sergey"]);
        assert_eq!(tokens("王小明", true, &[]), ["wang", "xiaoming"]);
        assert_eq!(tokens("小明", false, &[]), ["xiaoming"]);
        assert_eq!(
            tokens("Nguyễn Văn Thành", false, &[]),
            ["nguyen", "van", "thanh"]
        );
        assert_eq!(tokens("Öztürk Çağlar", false, &[]), ["ozturk", "caglar"]);
    }

    #[test]
    fn arabic_and_latin_share_a_skeleton() {
        let ar: String = tokens("عبد القادر", false, &[])
            .iter()
            .map(|t| skeleton(t))
            .collect();
        let la: String = tokens("Abdelkader", false, &[])
            .iter()
            .map(|t| skeleton(t))
            .collect();
        assert_eq!(ar, la);
        assert_eq!(
            skeleton("youssef"),
            skeleton(&tokens("يوسف", false, &[])[0])
        );
        assert_eq!(skeleton("cohen"), skeleton(&tokens("כהן", false, &[])[0]));
    }

    #[test]
    fn identifiers_phones_and_emails_fold() {
        assert_eq!(identifier("po 123-456"), identifier("P0123456"));
        assert_eq!(phone("+254 712 345 678"), phone("0712345678"));
        assert_eq!(
            email(" A.B@Example.org "),
            Some("a.b@example.org".to_string())
        );
        assert_eq!(phonetic("schmidt"), ["XMT", "SMT"]);
    }
}
