//! `cargo run --release -p ncen-matching --example evaluate -- tests/data/matching`
//!
//! Precision and recall of the matching engine on the labelled set, at the configured
//! thresholds (`NCEN_MATCH_HIT`, `NCEN_MATCH_REVIEW`, as the server reads them), and every
//! miss with its explanation. Part of `make bench`.

use ncen_matching::evaluation::{evaluate, Kind, Report};
use ncen_matching::Thresholds;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/data/matching".into());
    let t = ncen_matching::thresholds_from_env()?;
    let mut all = Report::default();
    for (file, kind) in [
        ("persons.jsonl", Kind::Person),
        ("companies.jsonl", Kind::Company),
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{file}"))?;
        let mut r = Report::default();
        evaluate(&mut r, kind, &text, t);
        print(file, &r, t);
        evaluate(&mut all, kind, &text, t);
    }
    print("all", &all, t);
    println!("\nmisses at hit ≥ {}:", t.hit);
    for m in &all.misses {
        let why: Vec<String> = m
            .outcome
            .features
            .iter()
            .map(|f| format!("{} {:+.2} ({})", f.feature, f.contribution, f.detail))
            .collect();
        println!(
            "  {} expected {} got {:.3} [{}]: {}",
            m.id,
            if m.expected { "match" } else { "no match" },
            m.outcome.score,
            m.cases.join(","),
            why.join("; ")
        );
    }
    for (line, e) in &all.invalid {
        println!("  invalid line {line}: {e}");
    }
    Ok(())
}

fn print(label: &str, r: &Report, t: Thresholds) {
    println!(
        "{label:16} pairs {:4}  tp {:4} fp {:3} fn {:3} tn {:4}  precision {:.1} %  recall {:.1} %  (hit ≥ {})",
        r.pairs,
        r.true_positives,
        r.false_positives,
        r.false_negatives,
        r.true_negatives,
        r.precision() * 100.0,
        r.recall() * 100.0,
        t.hit
    );
}
