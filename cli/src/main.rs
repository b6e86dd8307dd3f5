//! `ncen`: the one binary — serve, migrate, create users, demo data, OpenAPI, audit checks.

mod cli;
mod import;
mod telemetry;

fn main() -> std::process::ExitCode {
    cli::main()
}
