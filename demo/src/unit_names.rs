//! The demo units' names in French and Arabic (`units.name_translations`): the names are
//! kept in English in the catalogue, as every deployment names its units in its own
//! language, and the browser app shows a unit's translation in the language chosen.

/// (unit code, French, Arabic).
const NAMES: &[(&str, &str, &str)] = &[
    ("HQ", "Siège", "المقر الرئيسي"),
    (
        "NCU",
        "Unité nationale de renseignement et de ciblage",
        "الوحدة الوطنية للاستخبارات والاستهداف",
    ),
    (
        "DR-PARIS",
        "Direction régionale Paris–Roissy",
        "المديرية الجهوية باريس–رواسي",
    ),
    (
        "DR-NORD",
        "Direction régionale Nord (Lille)",
        "المديرية الجهوية الشمال (ليل)",
    ),
    (
        "DR-NORMANDIE",
        "Direction régionale Normandie (Le Havre)",
        "المديرية الجهوية نورماندي (لوهافر)",
    ),
    (
        "DR-SUD",
        "Direction régionale Sud (Marseille)",
        "المديرية الجهوية الجنوب (مرسيليا)",
    ),
    (
        "DR-EST",
        "Direction régionale Est (Strasbourg)",
        "المديرية الجهوية الشرق (ستراسبورغ)",
    ),
    (
        "DR-SUDOUEST",
        "Direction régionale Sud-Ouest (Bordeaux)",
        "المديرية الجهوية الجنوب الغربي (بوردو)",
    ),
    (
        "CDG-PAX",
        "Aéroport Paris-Charles de Gaulle, terminaux passagers",
        "مطار باريس شارل ديغول، محطات المسافرين",
    ),
    (
        "CDG-FRET",
        "Aéroport Paris-Charles de Gaulle, zone fret",
        "مطار باريس شارل ديغول، منطقة الشحن",
    ),
    ("ORY", "Aéroport de Paris-Orly", "مطار باريس أورلي"),
    (
        "ROISSY-EXPRESS",
        "Plateforme de fret express de Roissy",
        "مركز البريد السريع في رواسي",
    ),
    (
        "ROISSY-POST",
        "Centre de tri postal international de Roissy",
        "مركز البريد الدولي في رواسي",
    ),
    (
        "LEH-PORT",
        "Port du Havre, terminaux à conteneurs",
        "ميناء لوهافر، محطات الحاويات",
    ),
    ("DKK-PORT", "Port de Dunkerque", "ميناء دونكيرك"),
    (
        "CQF-PORT",
        "Port de Calais, terminal transmanche",
        "ميناء كاليه، محطة العبّارات",
    ),
    (
        "CQF-TUNNEL",
        "Terminal Eurotunnel de Coquelles",
        "محطة نفق المانش في كوكيل",
    ),
    (
        "LIL-ROAD",
        "Poste frontière autoroutier de Lille–Rekkem",
        "مركز الحدود على الطريق السريع ليل–ريكم",
    ),
    ("MRS-PORT", "Port de Marseille-Fos", "ميناء مرسيليا–فوس"),
    ("NCE-AIR", "Aéroport Nice Côte d'Azur", "مطار نيس كوت دازور"),
    (
        "PGF-ROAD",
        "Poste frontière autoroutier du Perthus (A9)",
        "مركز الحدود على الطريق السريع لو بيرتوس (A9)",
    ),
    (
        "SXB-ROAD",
        "Pont de l'Europe Strasbourg–Kehl",
        "جسر أوروبا ستراسبورغ–كيل",
    ),
    (
        "MLH-AIR",
        "EuroAirport Bâle-Mulhouse",
        "المطار الأوروبي بازل–ميلوز",
    ),
    (
        "HEN-ROAD",
        "Poste frontière autoroutier de Biriatou–Hendaye (A63)",
        "مركز الحدود على الطريق السريع بيرياتو–هانداي (A63)",
    ),
    (
        "TLS-AIR",
        "Aéroport de Toulouse-Blagnac",
        "مطار تولوز بلانياك",
    ),
    ("BOD-PORT", "Port de Bordeaux", "ميناء بوردو"),
];

/// A unit's translations as stored (`{}` for a code without one).
pub fn translations(code: &str) -> serde_json::Value {
    NAMES.iter().find(|(c, _, _)| *c == code).map_or_else(
        || serde_json::json!({}),
        |(_, fr, ar)| serde_json::json!({ "fr": fr, "ar": ar }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn every_demo_unit_has_its_translations() {
        let mut codes = vec!["HQ", catalog::NATIONAL_UNIT.0];
        codes.extend(catalog::DIRECTORATES.iter().map(|(c, _, _)| *c));
        codes.extend(catalog::OFFICES.iter().map(|o| o.code));
        let missing: Vec<&str> = codes
            .into_iter()
            .filter(|c| translations(c).as_object().is_none_or(|m| m.is_empty()))
            .collect();
        assert!(missing.is_empty(), "no translation for {missing:?}");
    }
}
