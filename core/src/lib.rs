//! nCEN's domain and persistence: the database schema (generated), row models, queries,
//! domain rules and errors, and the audit log. Nothing here knows HTTP: `ncen-api` calls
//! these functions and renders what they return. See `ARCHITECTURE.md`.

// A slice at a byte offset, or an index, panics on bad input; server code must not.
#![deny(clippy::string_slice, clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::string_slice, clippy::indexing_slicing))]

pub mod alerts;
pub mod analysis;
pub mod audit;
pub mod auth;
pub mod codelists;
pub mod common;
pub mod companies;
pub mod db;
pub mod error;
pub mod events;
pub mod exchange;
pub mod export;
pub mod files;
pub mod identifiers;
pub mod imports;
pub mod investigations;
pub mod messaging;
pub mod notifications;
pub mod registers;
pub mod screening;
pub mod searches;
pub mod seizures;
pub mod stats;
pub mod units;
pub mod users;

pub use error::{Duty, Error, FieldError, Result};

/// The domain modules depend on each other one way only (ARCHITECTURE.md): a test reads the
/// `crate::<module>` paths of every source file and fails on a cycle.
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod layering {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    fn edges() -> BTreeMap<String, BTreeSet<String>> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let relative = path.strip_prefix(&src).unwrap();
                let first = relative.components().next().unwrap().as_os_str();
                let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, _) in text.match_indices("crate::") {
                    let name: String = text[i + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != module && name != "text_enum" {
                        edges.entry(module.clone()).or_default().insert(name);
                    }
                }
            }
        }
        edges
    }

    #[test]
    fn domain_modules_have_no_import_cycle() {
        let edges = edges();
        assert!(edges.contains_key("seizures"), "no edges read: {edges:?}");
        // Depth-first search for a back edge.
        fn visit<'a>(
            node: &'a str,
            edges: &'a BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) {
            if let Some(at) = path.iter().position(|n| *n == node) {
                panic!("import cycle: {}", path[at..].join(" → ") + " → " + node);
            }
            if done.contains(node) {
                return;
            }
            path.push(node);
            for next in edges.get(node).into_iter().flatten() {
                visit(next, edges, path, done);
            }
            path.pop();
            done.insert(node);
        }
        let mut done = BTreeSet::new();
        for node in edges.keys() {
            visit(node, &edges, &mut Vec::new(), &mut done);
        }
    }
}
