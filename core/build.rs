//! Rebuilds the crate when a migration changes: `db::MIGRATIONS` embeds `../migrations`, and
//! the embedding macro does not tell cargo which files it read.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
