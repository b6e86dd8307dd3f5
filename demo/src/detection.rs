//! How a case was detected and how the goods were concealed.

use super::cases::Facts;
use super::catalog::Mode;
use super::random::{pick, share_of, trend};
use super::state::Gen;
use rand::Rng;

pub(super) struct Detection {
    pub(super) detection: Vec<&'static str>,
    pub(super) concealment: &'static str,
    pub(super) concealment_description: &'static str,
}

impl Gen<'_> {
    pub(super) fn detection(&mut self, c: &Facts) -> Detection {
        let Facts {
            case_id,
            when,
            mode,
            group,
            offence,
            ..
        } = *c;
        // Detection and concealment.
        let methods: &[&str] = match mode {
            Mode::AirPassenger | Mode::Rail => &[
                "risk_profiling",
                "routine_control",
                "detector_dog",
                "xray_nii",
                "intelligence",
                "watch_list_hit",
                "random_selection",
                "physical_examination",
            ],
            Mode::SeaContainer | Mode::AirCargo => &[
                "risk_profiling",
                "xray_nii",
                "document_check",
                "physical_examination",
                "intelligence",
                "joint_operation",
            ],
            Mode::Road | Mode::SeaRoRo => &[
                "routine_control",
                "detector_dog",
                "xray_nii",
                "random_selection",
                "intelligence",
                "risk_profiling",
                "watch_list_hit",
            ],
            Mode::Express | Mode::Postal => &[
                "risk_profiling",
                "xray_nii",
                "detector_dog",
                "routine_control",
                "document_check",
            ],
        };
        let mut detection: Vec<&str> = if offence {
            vec!["post_clearance_audit"]
        } else {
            vec![*pick(&mut self.rng, methods)]
        };
        if self.rng.random_bool(0.4) {
            let m = *pick(&mut self.rng, methods);
            if !detection.contains(&m) {
                detection.push(m);
            }
        }
        let concealment = if offence
            || matches!(
                group,
                "other_fraud" | "strategic_goods" | "hazardous_waste" | "timber"
            ) {
            *pick(
                &mut self.rng,
                &["misdeclared", "misdeclared", "mixed_with_cargo"],
            )
        } else {
            match mode {
                Mode::AirPassenger | Mode::Rail => {
                    if group == "drugs" {
                        *pick(
                            &mut self.rng,
                            &[
                                "in_luggage",
                                "in_luggage",
                                "false_compartment",
                                "on_body",
                                "inside_body",
                                "in_clothing",
                            ],
                        )
                    } else {
                        *pick(
                            &mut self.rng,
                            &["in_luggage", "in_luggage", "none", "in_clothing", "on_body"],
                        )
                    }
                }
                Mode::SeaContainer | Mode::AirCargo => {
                    let drawn = *pick(
                        &mut self.rng,
                        &[
                            "mixed_with_cargo",
                            "mixed_with_cargo",
                            "container_structure",
                            "in_goods",
                            "misdeclared",
                        ],
                    );
                    // A concealment spreading over the last year: drugs in the structure of
                    // sea containers (refrigeration units, floors), from one case in five to
                    // three in five.
                    if mode == Mode::SeaContainer
                        && group == "drugs"
                        && share_of(case_id) < 0.5 * trend(self.end, when, 365)
                    {
                        "container_structure"
                    } else {
                        drawn
                    }
                }
                Mode::Road | Mode::SeaRoRo => *pick(
                    &mut self.rng,
                    &[
                        "conveyance_structure",
                        "false_compartment",
                        "mixed_with_cargo",
                        "in_luggage",
                        "none",
                    ],
                ),
                Mode::Express | Mode::Postal => *pick(
                    &mut self.rng,
                    &[
                        "postal_express",
                        "postal_express",
                        "in_goods",
                        "misdeclared",
                    ],
                ),
            }
        };
        let concealment_description = match concealment {
            "in_luggage" => "In two suitcases, under clothing, wrapped in carbon paper.",
            "false_compartment" => "In a false bottom built into the suitcase / a compartment welded behind the panels.",
            "on_body" => "Strapped to the body under loose clothing.",
            "inside_body" => "Ingested capsules, confirmed by a body scan at the hospital.",
            "in_clothing" => "Sewn into the lining of a jacket and in the soles of shoes.",
            "mixed_with_cargo" => "Mixed with the declared cargo, in cartons at the back of the load.",
            "container_structure" => "In the floor and the roof of the container, behind welded plates.",
            "conveyance_structure" => "In the fuel tank and behind the dashboard of the vehicle.",
            "postal_express" => "In parcels declared as gifts or samples.",
            "in_goods" => "Inside hollowed-out goods (machine parts, statues, food tins).",
            "misdeclared" => "Declared under a different description and tariff code.",
            _ => "Carried openly.",
        };
        Detection {
            detection,
            concealment,
            concealment_description,
        }
    }
}
