//! The targets of issue 13 on the labelled set (`tests/data/matching`), at the default
//! thresholds: recall ≥ 95 % with precision ≥ 90 %. `make bench` prints the same figures
//! with every miss.

use ncen_matching::evaluation::{evaluate, Kind, Report};
use ncen_matching::Thresholds;

#[test]
fn the_labelled_set_meets_the_targets() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/matching");
    let mut report = Report::default();
    for (file, kind) in [
        ("persons.jsonl", Kind::Person),
        ("companies.jsonl", Kind::Company),
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap_or_default();
        evaluate(&mut report, kind, &text, Thresholds::default());
    }
    assert!(
        report.invalid.is_empty(),
        "unreadable lines: {:?}",
        report.invalid
    );
    assert!(report.pairs >= 400, "the set has {} pairs", report.pairs);
    assert!(report.recall() >= 0.95, "recall {:.3}", report.recall());
    assert!(
        report.precision() >= 0.90,
        "precision {:.3}",
        report.precision()
    );
}
