//! The seeded code lists the generator draws from, and the check that every code it uses exists.

use super::catalog::{self, OFFICES};
use anyhow::bail;
use diesel::sql_types::{Nullable, Text};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;

#[derive(QueryableByName)]
struct EntryRow {
    #[diesel(sql_type = Text)]
    list_name: String,
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Nullable<Text>)]
    parent_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    label: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    kg_factor: Option<String>,
}

/// Parent code, English label and kg factor of a code-list entry.
type Entry = (Option<String>, String, Option<f64>);

pub(super) struct Lists {
    entries: HashMap<(String, String), Entry>,
    pub(super) types_by_group: HashMap<String, Vec<String>>,
}

impl Lists {
    pub(super) async fn load(conn: &mut AsyncPgConnection) -> anyhow::Result<Self> {
        let rows: Vec<EntryRow> = diesel::sql_query(
            "SELECT list_name, code, parent_code, labels->>'en' AS label, attributes->>'kg_factor' AS kg_factor \
             FROM codelist_entries WHERE retired_at IS NULL ORDER BY list_name, sort_order, code",
        )
        .load(conn)
        .await?;
        let mut entries = HashMap::new();
        let mut types_by_group: HashMap<String, Vec<String>> = HashMap::new();
        for r in rows {
            if r.list_name == "commodity_types" {
                if let Some(g) = &r.parent_code {
                    types_by_group
                        .entry(g.clone())
                        .or_default()
                        .push(r.code.clone());
                }
            }
            let kg = r.kg_factor.and_then(|k| k.parse().ok());
            entries.insert(
                (r.list_name, r.code.clone()),
                (r.parent_code, r.label.unwrap_or(r.code), kg),
            );
        }
        Ok(Lists {
            entries,
            types_by_group,
        })
    }

    pub(super) fn knows(&self, list: &str, code: &str) -> bool {
        self.entries
            .contains_key(&(list.to_string(), code.to_string()))
    }

    pub(super) fn label(&self, list: &str, code: &str) -> String {
        self.entries
            .get(&(list.to_string(), code.to_string()))
            .map(|e| e.1.clone())
            .unwrap_or_else(|| code.to_string())
    }

    pub(super) fn parent(&self, list: &str, code: &str) -> Option<&str> {
        self.entries
            .get(&(list.to_string(), code.to_string()))
            .and_then(|e| e.0.as_deref())
    }

    pub(super) fn kg_factor(&self, unit: &str) -> Option<f64> {
        self.entries
            .get(&("units_of_measure".to_string(), unit.to_string()))
            .and_then(|e| e.2)
    }

    /// Every code the catalogue uses must be in the seeded lists (a renamed code would
    /// otherwise produce data the API refuses).
    pub(super) fn verify(&self) -> anyhow::Result<()> {
        let mut missing = Vec::new();
        let mut need = |list: &str, code: &str| {
            if !self.knows(list, code) {
                missing.push(format!("{list}:{code}"));
            }
        };
        for (g, _) in catalog::GROUP_WEIGHTS {
            need("commodity_groups", g);
            need("units_of_measure", catalog::group_default(g).0);
            let r = catalog::routes(g, "");
            for c in r.origins.iter().chain(r.hubs).chain(r.destinations) {
                need("countries", c);
            }
        }
        for p in catalog::PROFILES {
            need("commodity_types", p.code);
            need("units_of_measure", p.unit);
            let r = catalog::routes(self.parent("commodity_types", p.code).unwrap_or(""), p.code);
            for c in r.origins.iter().chain(r.hubs).chain(r.destinations) {
                need("countries", c);
            }
        }
        for o in OFFICES {
            need("location_types", o.location_type);
        }
        for c in catalog::COMPANY_COUNTRIES.iter().chain(catalog::EU) {
            need("countries", c);
        }
        for list in [
            "detection_methods",
            "concealment_methods",
            "conveyance_types",
            "person_roles",
            "company_roles",
            "directions",
            "route_leg_roles",
            "document_types",
            "currencies",
        ] {
            for code in codes_used(list) {
                need(list, code);
            }
        }
        if !missing.is_empty() {
            bail!(
                "the code lists lack codes the demo uses: {}",
                missing.join(", ")
            );
        }
        Ok(())
    }
}

fn codes_used(list: &str) -> &'static [&'static str] {
    match list {
        "detection_methods" => &[
            "risk_profiling",
            "intelligence",
            "watch_list_hit",
            "routine_control",
            "random_selection",
            "document_check",
            "physical_examination",
            "xray_nii",
            "detector_dog",
            "post_clearance_audit",
            "joint_operation",
        ],
        "concealment_methods" => &[
            "none",
            "in_luggage",
            "false_compartment",
            "on_body",
            "inside_body",
            "in_clothing",
            "mixed_with_cargo",
            "conveyance_structure",
            "container_structure",
            "postal_express",
            "in_goods",
            "misdeclared",
        ],
        "conveyance_types" => &[
            "private_car",
            "truck",
            "bus",
            "container_vessel",
            "ferry",
            "passenger_aircraft",
            "cargo_aircraft",
            "postal_item",
            "express_parcel",
            "container",
        ],
        "person_roles" => &[
            "offender",
            "suspect",
            "courier",
            "driver",
            "passenger",
            "consignor",
            "consignee",
            "owner",
        ],
        "company_roles" => &[
            "importer",
            "exporter",
            "consignor",
            "consignee",
            "carrier",
            "forwarder",
            "broker",
            "manufacturer",
        ],
        "directions" => &["import", "export", "transit", "transhipment"],
        "route_leg_roles" => &["origin", "departure", "transit", "destination"],
        "document_types" => &["passport", "national_id_card", "driving_licence"],
        "currencies" => &["EUR", "USD", "GBP", "CHF", "AED"],
        _ => &[],
    }
}
