//! What of a case may leave this node, decided in one place: every field of the case
//! document (`seizures::dto::CaseDto`, as the API renders it) is classified here, and the
//! documents that leave are built from this allow-list, never by removing what looks
//! personal. A field added to the case document and not classified here does not leave (and
//! a test of `ncen-api` that walks the published schema fails until it is classified).
//!
//! - `NonNominal`: identifies no one (what CEN accepts): codes, countries, quantities, dates.
//! - `Nominal`: identifies a person or company, directly or indirectly; free text is nominal
//!   by default (a narrative or a caption may name someone).
//! - `Local`: meaningful on this node only (user ids, download links, edit versions of
//!   register records); never leaves.
//!
//! Attachments leave in the non-nominal scope only when flagged cleared for export.

use super::dto::Scope;
use serde_json::{Map, Value};

crate::text_enum! {
    /// How a field of the case document is classified for exchange.
    pub enum Class {
        NonNominal = "non_nominal",
        Nominal = "nominal",
        Local = "local",
    }
}

use Class::{Local as L, Nominal as N, NonNominal as NN};

/// Every field of the case document: its path (`[]` for a list's items) and its class.
pub const CASE_FIELDS: &[(&str, Class)] = &[
    ("id", NN),
    ("reference", NN),
    ("kind", NN),
    ("status", NN),
    ("version", NN),
    ("created_at", NN),
    ("updated_at", NN),
    ("created_by", L),
    ("updated_by", L),
    ("contributors", L),
    ("reporting_unit_id", L),
    ("reporting_unit_name", NN),
    ("reporting_officer_id", L),
    ("reporting_officer_name", N),
    ("reopened.action", L),
    ("reopened.at", L),
    ("reopened.by_name", L),
    ("reopened.reason", L),
    ("detected_at", NN),
    ("place", N),
    ("location_type", NN),
    ("unlocode", NN),
    ("country", NN),
    ("latitude", N),
    ("longitude", N),
    ("direction", NN),
    ("customs_procedure", NN),
    ("declaration_reference", N),
    ("detection_methods", NN),
    ("concealment_method", NN),
    ("concealment_description", N),
    ("narrative", N),
    ("summary_non_nominal", NN),
    ("offender_nationality", NN),
    ("offender_gender", NN),
    ("offender_age_band", NN),
    ("goods[].id", L),
    ("goods[].position", NN),
    ("goods[].commodity_group", NN),
    ("goods[].commodity_type", NN),
    ("goods[].hs_code", NN),
    ("goods[].description", N),
    ("goods[].quantity", NN),
    ("goods[].unit", NN),
    ("goods[].mass_kg", NN),
    ("goods[].value", NN),
    ("goods[].currency", NN),
    ("goods[].packaging", NN),
    ("goods[].brand", N),
    ("goods[].species", NN),
    ("goods[].cites_appendix", NN),
    ("goods[].purity_percent", NN),
    ("route[].position", NN),
    ("route[].country", NN),
    ("route[].unlocode", NN),
    ("route[].place", N),
    ("route[].role", NN),
    ("route[].departure_date", NN),
    ("route[].arrival_date", NN),
    ("persons[].role", N),
    ("persons[].person.id", N),
    ("persons[].person.family_name", N),
    ("persons[].person.given_names", N),
    ("persons[].person.aliases", N),
    ("persons[].person.original_script_name", N),
    ("persons[].person.date_of_birth", N),
    ("persons[].person.place_of_birth", N),
    ("persons[].person.gender", N),
    ("persons[].person.nationalities", N),
    ("persons[].person.documents[].document_type", N),
    ("persons[].person.documents[].number", N),
    ("persons[].person.documents[].issuing_country", N),
    ("persons[].person.documents[].expires_on", N),
    ("persons[].person.addresses", N),
    ("persons[].person.phones", N),
    ("persons[].person.emails", N),
    ("persons[].person.notes", N),
    ("persons[].person.version", L),
    ("persons[].person.created_at", L),
    ("persons[].person.created_by", L),
    ("persons[].person.updated_at", L),
    ("persons[].person.updated_by", L),
    ("companies[].role", N),
    ("companies[].company.id", N),
    ("companies[].company.name", N),
    ("companies[].company.aliases", N),
    ("companies[].company.former_names[].name", N),
    ("companies[].company.former_names[].from", N),
    ("companies[].company.former_names[].until", N),
    ("companies[].company.registration_number", N),
    ("companies[].company.tax_id", N),
    ("companies[].company.eori", N),
    ("companies[].company.identifiers[].kind", N),
    ("companies[].company.identifiers[].value", N),
    ("companies[].company.identifiers[].country", N),
    ("companies[].company.country", N),
    ("companies[].company.legal_form", N),
    ("companies[].company.incorporated_on", N),
    ("companies[].company.incorporation_country", N),
    ("companies[].company.status", N),
    ("companies[].company.status_since", N),
    ("companies[].company.activities", N),
    ("companies[].company.hs_chapters", N),
    ("companies[].company.trade_countries", N),
    ("companies[].company.addresses[].kind", N),
    ("companies[].company.addresses[].street", N),
    ("companies[].company.addresses[].postcode", N),
    ("companies[].company.addresses[].city", N),
    ("companies[].company.addresses[].country", N),
    ("companies[].company.phones", N),
    ("companies[].company.emails", N),
    ("companies[].company.websites", N),
    ("companies[].company.notes", N),
    ("companies[].company.version", L),
    ("companies[].company.created_at", L),
    ("companies[].company.created_by", L),
    ("companies[].company.updated_at", L),
    ("companies[].company.updated_by", L),
    ("conveyances[].role", NN),
    ("conveyances[].conveyance.conveyance_type", NN),
    ("conveyances[].conveyance.identifier_kind", NN),
    ("conveyances[].conveyance.id", N),
    ("conveyances[].conveyance.identifier", N),
    ("conveyances[].conveyance.identifier_norm", N),
    ("conveyances[].conveyance.country", N),
    ("conveyances[].conveyance.name", N),
    ("conveyances[].conveyance.make", N),
    ("conveyances[].conveyance.model", N),
    ("conveyances[].conveyance.notes", N),
    ("conveyances[].conveyance.version", L),
    ("conveyances[].conveyance.created_at", L),
    ("conveyances[].conveyance.created_by", L),
    ("conveyances[].conveyance.updated_at", L),
    ("conveyances[].conveyance.updated_by", L),
    ("attachments[].id", NN),
    ("attachments[].kind", NN),
    ("attachments[].media_type", NN),
    ("attachments[].size_bytes", NN),
    ("attachments[].sha256", NN),
    ("attachments[].width", NN),
    ("attachments[].height", NN),
    ("attachments[].cleared_for_export", NN),
    ("attachments[].uploaded_at", NN),
    ("attachments[].caption", N),
    ("attachments[].original_filename", N),
    ("attachments[].case_id", L),
    ("attachments[].uploaded_by", L),
    ("attachments[].content_url", L),
    ("attachments[].thumbnail_url", L),
    ("attachments[].has_thumbnail", L),
];

/// Whether a field of class `class` leaves in `scope`.
pub fn sent(class: Class, scope: Scope) -> bool {
    match (class, scope) {
        (Class::Local, _) => false,
        (Class::NonNominal, _) => true,
        (Class::Nominal, Scope::Nominal) => true,
        (Class::Nominal, Scope::NonNominal) => false,
    }
}

/// The allowed paths of a scope, as a tree of keys (`[]` stands for a list's items).
#[derive(Default, Debug)]
struct Tree {
    leaf: bool,
    children: Vec<(&'static str, Tree)>,
}

impl Tree {
    fn of(scope: Scope) -> Tree {
        let mut root = Tree::default();
        for (path, class) in CASE_FIELDS {
            if !sent(*class, scope) {
                continue;
            }
            let mut node = &mut root;
            for part in split(path) {
                let at = match node.children.iter().position(|(k, _)| *k == part) {
                    Some(i) => i,
                    None => {
                        node.children.push((part, Tree::default()));
                        node.children.len() - 1
                    }
                };
                node = match node.children.get_mut(at) {
                    Some((_, child)) => child,
                    None => return root,
                };
            }
            node.leaf = true;
        }
        root
    }

    /// The part of `value` this tree allows.
    fn project(&self, value: &Value) -> Value {
        if self.leaf {
            return value.clone();
        }
        match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (key, child) in &self.children {
                    if let Some(v) = map.get(*key) {
                        out.insert((*key).to_string(), child.project(v));
                    }
                }
                Value::Object(out)
            }
            Value::Array(items) => match self.children.iter().find(|(k, _)| *k == "[]") {
                Some((_, child)) => Value::Array(items.iter().map(|v| child.project(v)).collect()),
                None => Value::Array(Vec::new()),
            },
            _ => Value::Null,
        }
    }
}

/// `goods[].unit` → `goods`, `[]`, `unit`.
fn split(path: &'static str) -> impl Iterator<Item = &'static str> {
    path.split('.')
        .flat_map(|part| match part.strip_suffix("[]") {
            Some(name) => vec![name, "[]"],
            None => vec![part],
        })
}

/// The case document (`CaseDto` as JSON) as it may leave in `scope`: only the fields the
/// allow-list sends in it; in the non-nominal scope, only attachments cleared for export.
pub fn view(document: &Value, scope: Scope) -> Value {
    let mut document = document.clone();
    if scope == Scope::NonNominal {
        if let Some(Value::Array(items)) = document.get_mut("attachments") {
            items.retain(|a| a.get("cleared_for_export") == Some(&Value::Bool(true)));
        }
    }
    Tree::of(scope).project(&document)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn case() -> Value {
        json!({
            "id": "c1", "reference": "XX-2026-000001", "narrative": "Mr Smith said…",
            "place": "Terminal 2", "country": "FR", "created_by": "u1",
            "goods": [{"id": "g1", "commodity_group": "drugs", "description": "in a bag",
                       "quantity": 2.0, "unit": "kg"}],
            "persons": [{"role": "courier", "person": {"id": "p1", "family_name": "SMITH"}}],
            "conveyances": [{"role": "carrier", "conveyance": {"conveyance_type": "truck",
                             "identifier": "AB-123-CD"}}],
            "attachments": [{"id": "a1", "cleared_for_export": false, "caption": "face"},
                            {"id": "a2", "cleared_for_export": true, "caption": "bag"}],
            "unknown_new_field": "never leaves"
        })
    }

    #[test]
    fn the_non_nominal_view_keeps_only_the_allow_list() {
        let v = view(&case(), Scope::NonNominal);
        assert_eq!(
            v,
            json!({
                "id": "c1", "reference": "XX-2026-000001", "country": "FR",
                "goods": [{"commodity_group": "drugs", "quantity": 2.0, "unit": "kg"}],
                "conveyances": [{"role": "carrier", "conveyance": {"conveyance_type": "truck"}}],
                "attachments": [{"id": "a2", "cleared_for_export": true}],
            })
        );
    }

    #[test]
    fn the_nominal_view_adds_nominal_fields_but_nothing_local_or_unclassified() {
        let v = view(&case(), Scope::Nominal);
        assert_eq!(v["narrative"], json!("Mr Smith said…"));
        assert_eq!(v["persons"][0]["person"]["family_name"], json!("SMITH"));
        assert_eq!(v["attachments"].as_array().unwrap().len(), 2);
        assert!(v.get("created_by").is_none());
        assert!(v.get("unknown_new_field").is_none());
        assert!(v["goods"][0].get("id").is_none());
    }

    #[test]
    fn every_path_is_classified_once() {
        let mut seen = std::collections::HashSet::new();
        for (path, _) in CASE_FIELDS {
            assert!(seen.insert(*path), "{path} twice");
        }
    }
}
