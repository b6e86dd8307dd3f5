//! The texts of a case: the non-nominal summary and the officer's narrative.

use super::cases::Facts;
use super::catalog::HOME;
use super::detection::Detection;
use super::goods::Item;
use super::parties::Parties;
use super::persons::PersonInfo;
use super::route::Route;
use super::state::Gen;

fn fmt_qty(q: f64, unit: &str) -> String {
    let n = if q.fract() == 0.0 {
        format!("{q:.0}")
    } else {
        format!("{q:.2}")
    };
    let unit = match unit {
        "pcs" => "pieces",
        "m3" => "m³",
        u => u,
    };
    format!("{n} {unit}")
}

impl Gen<'_> {
    /// The summary and the narrative of a case.
    pub(super) fn texts(
        &self,
        c: &Facts,
        items: &[(Item, Vec<String>)],
        route: &Route,
        d: &Detection,
        parties: &Parties,
        main_person: Option<&PersonInfo>,
    ) -> (String, String) {
        let Facts {
            when,
            office,
            offence,
            ..
        } = *c;
        let (main_type, officer_name, supervisor_name) =
            (&c.main_type, &c.officer_name, &c.supervisor_name);
        let Route {
            origin,
            ref countries,
            direction,
            ..
        } = *route;
        let Detection {
            ref detection,
            concealment,
            concealment_description,
        } = *d;
        let Parties {
            ref company_links,
            ref carrier_text,
            ..
        } = *parties;
        let goods_text = if items.is_empty() {
            format!(
                "{} irregularities found in the declarations",
                self.lists
                    .label("commodity_types", main_type)
                    .to_lowercase()
            )
        } else {
            items
                .iter()
                .map(|(i, _)| {
                    format!(
                        "{} of {}",
                        fmt_qty(i.quantity, i.unit),
                        i.description.to_lowercase()
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let origin_name = self.lists.label("countries", origin);
        // Transit countries other than this administration's own (it is named as the place).
        let transit: Vec<String> = countries
            .get(1..countries.len().saturating_sub(1))
            .unwrap_or_default()
            .iter()
            .filter(|c| **c != HOME)
            .map(|c| self.lists.label("countries", c))
            .collect();
        let via = if transit.is_empty() {
            String::new()
        } else {
            format!(" via {}", transit.join(", "))
        };
        let detection_text = detection
            .iter()
            .map(|d| self.lists.label("detection_methods", d).to_lowercase())
            .collect::<Vec<_>>()
            .join(" and ");
        let summary =
            format!(
            "{}{} at {} ({}): {}. Goods from {origin_name}{via}; {}. Detected by {detection_text}.",
            if offence { "Offence found" } else { "Seizure" },
            if direction == "export" { " on export" } else { "" },
            self.lists.label("location_types", office.location_type).to_lowercase(),
            office.unlocode,
            goods_text,
            self.lists.label("concealment_methods", concealment).to_lowercase(),
        );
        let declared_by = <[_]>::first(company_links)
            .map(|(i, role)| {
                format!(
                    " Goods declared with {} as {role}.",
                    self.companies[*i].name
                )
            })
            .unwrap_or_default();
        let narrative = match &main_person {
            Some(p) => format!(
                "On {} at {}, officers of the unit examined {carrier_text}.{declared_by} {} ({}, born {}) was questioned. {} Found: {goods_text}. {} The case was reported by {officer_name} and reviewed by {supervisor_name}.",
                when.format("%d/%m/%Y %H:%M"),
                office.name,
                p.name,
                self.lists.label("countries", &p.nationality),
                p.birth_year,
                concealment_description,
                if offence { "A customs debt was notified and the file passed to the post-clearance audit team." } else { "The goods were seized and the persons concerned handed over to the public prosecutor." },
            ),
            None => format!(
                "On {} at {}, officers of the unit examined {carrier_text}.{declared_by} {concealment_description} Found: {goods_text}. The case was reported by {officer_name}.",
                when.format("%d/%m/%Y %H:%M"),
                office.name,
            ),
        };
        (summary, narrative)
    }
}
