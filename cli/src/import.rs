//! `ncen import FILE`: a bulk import through a running server's API (`/api/v1/imports`), as
//! a script runs it: the file streamed up (never read whole), the job followed to its end
//! with a progress line on a terminal, a summary and the first problems, and an exit code a
//! script can test.

use anyhow::{bail, Context};
use futures_util::StreamExt;
use serde_json::Value;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The exit codes besides 0 (done, every line accepted) and 1 (could not run: server,
/// network, refusal of the upload).
pub const EXIT_REJECTED: u8 = 3;
pub const EXIT_FAILED: u8 = 4;
pub const EXIT_CANCELLED: u8 = 5;

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The file: NDJSON, one record per line (the create endpoint's body plus `external_id`),
    /// or CSV (or an XLSX workbook) with a header of field paths (docs/imports.md).
    file: std::path::PathBuf,
    /// What the file holds: cases, persons, companies or conveyances.
    #[arg(long = "type")]
    record_type: String,
    /// ndjson, csv or xlsx (by default from the file's extension: `.csv`, `.xlsx`).
    #[arg(long)]
    format: Option<String>,
    /// Check and report only (the default).
    #[arg(long, conflicts_with = "commit")]
    dry_run: bool,
    /// Write the records.
    #[arg(long)]
    commit: bool,
    /// valid_rows (bad lines skipped and reported) or all_or_nothing.
    #[arg(long, default_value = "valid_rows")]
    mode: String,
    /// The system the records come from (with each line's external_id it names a record
    /// across imports).
    #[arg(long, env = "NCEN_SOURCE_SYSTEM")]
    source_system: String,
    /// The server (e.g. https://ncen.example).
    #[arg(long, env = "NCEN_URL")]
    url: String,
    /// An access token of a supervisor.
    #[arg(long, env = "NCEN_TOKEN", hide_env_values = true)]
    token: secrecy::SecretString,
    /// Makes a retry of the same upload answer the first job.
    #[arg(long)]
    idempotency_key: Option<String>,
    /// How many problems the summary lists.
    #[arg(long, default_value_t = 20)]
    show_problems: usize,
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn problem(res: reqwest::Response) -> anyhow::Error {
    let status = res.status();
    let body: Value = res.json().await.unwrap_or_default();
    let mut text = format!(
        "{status}: {}",
        body["detail"]
            .as_str()
            .or(body["title"].as_str())
            .unwrap_or("refused")
    );
    for e in body["errors"].as_array().into_iter().flatten() {
        text.push_str(&format!(
            "\n  {} ({}): {}",
            e["field"].as_str().unwrap_or(""),
            e["code"].as_str().unwrap_or(""),
            e["message"].as_str().unwrap_or("")
        ));
    }
    anyhow::anyhow!(text)
}

pub async fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    use secrecy::ExposeSecret;
    let base = args.url.trim_end_matches('/').to_string();
    let token = args.token.expose_secret().to_string();
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()?;
    let file = tokio::fs::File::open(&args.file)
        .await
        .with_context(|| format!("cannot open {}", args.file.display()))?;
    let size = file.metadata().await?.len();
    let filename = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let terminal = std::io::stderr().is_terminal();
    let sent = Arc::new(AtomicU64::new(0));
    let counted = sent.clone();
    let stream = tokio_util::io::ReaderStream::with_capacity(file, 1 << 16).inspect(move |chunk| {
        if let Ok(c) = chunk {
            let total = counted.fetch_add(c.len() as u64, Ordering::Relaxed) + c.len() as u64;
            if terminal {
                eprint!("\ruploading {} / {} bytes", total, size);
            }
        }
    });
    let format = args.format.clone().unwrap_or_else(|| {
        let name = filename.to_ascii_lowercase();
        if name.ends_with(".csv") {
            "csv"
        } else if name.ends_with(".xlsx") {
            "xlsx"
        } else {
            "ndjson"
        }
        .to_string()
    });
    let query = format!(
        "record_type={}&format={}&mode={}&dry_run={}&source_system={}&filename={}",
        encode(&args.record_type),
        encode(&format),
        encode(&args.mode),
        !args.commit,
        encode(&args.source_system),
        encode(&filename)
    );
    let mut req = client
        .post(format!("{base}/api/v1/imports?{query}"))
        .bearer_auth(&token)
        .header(
            "content-type",
            match format.as_str() {
                "csv" => "text/csv",
                "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => "application/x-ndjson",
            },
        )
        .header("content-length", size)
        .body(reqwest::Body::wrap_stream(stream));
    if let Some(key) = &args.idempotency_key {
        req = req.header("Idempotency-Key", key);
    }
    let res = req.send().await.context("the upload failed")?;
    if terminal {
        eprintln!();
    }
    if res.status().as_u16() != 202 {
        return Err(problem(res).await);
    }
    let job: Value = res.json().await?;
    let id = job["id"].as_str().context("no job id")?.to_string();
    eprintln!(
        "import {id}: {} {} ({}), {} bytes",
        if args.commit { "commit" } else { "dry run" },
        args.record_type,
        args.mode,
        sent.load(Ordering::Relaxed)
    );
    let job = loop {
        let res = client
            .get(format!("{base}/api/v1/imports/{id}"))
            .bearer_auth(&token)
            .send()
            .await?;
        if !res.status().is_success() {
            return Err(problem(res).await);
        }
        let job: Value = res.json().await?;
        let status = job["status"].as_str().unwrap_or_default().to_string();
        if terminal {
            let read = job["bytes_done"].as_f64().unwrap_or_default();
            let size = job["size_bytes"].as_f64().unwrap_or(1.0).max(1.0);
            eprint!(
                "\r{status}: {:>3.0}% of the file, {} lines — created {}, updated {}, unchanged {}, rejected {}   ",
                100.0 * read / size,
                job["rows_done"], job["created"], job["updated"], job["unchanged"], job["rejected"]
            );
        }
        if !["queued", "running"].contains(&status.as_str()) {
            if terminal {
                eprintln!();
            }
            break job;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    let status = job["status"].as_str().unwrap_or_default();
    let verb = if job["dry_run"].as_bool() == Some(true) {
        "would be "
    } else {
        ""
    };
    println!(
        "{status}: {} lines; {verb}created {}, {verb}updated {}, unchanged {}, rejected {}",
        job["rows_done"], job["created"], job["updated"], job["unchanged"], job["rejected"]
    );
    if args.record_type == "cases" && job["dry_run"].as_bool() != Some(true) {
        println!(
            "parties linked to register records {}, proposals to review {}",
            job["matched"], job["proposals"]
        );
    }
    if let Some(f) = job["failure"].as_str() {
        println!("{f}");
    }
    let rejected = job["rejected"].as_i64().unwrap_or_default();
    if rejected > 0 && args.show_problems > 0 {
        let res = client
            .get(format!("{base}/api/v1/imports/{id}/problems"))
            .bearer_auth(&token)
            .send()
            .await?;
        let page: Value = res.json().await.unwrap_or_default();
        for p in page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .take(args.show_problems)
        {
            println!(
                "line {}: {} {}: {}",
                p["line"],
                p["field"].as_str().unwrap_or(""),
                p["code"].as_str().unwrap_or(""),
                p["message"].as_str().unwrap_or("")
            );
        }
        println!("every problem: {base}/api/v1/imports/{id}/problems.csv");
    }
    Ok(match status {
        "succeeded" if rejected == 0 => ExitCode::SUCCESS,
        "succeeded" => ExitCode::from(EXIT_REJECTED),
        "cancelled" => ExitCode::from(EXIT_CANCELLED),
        "failed" => ExitCode::from(EXIT_FAILED),
        other => bail!("the import ended as {other}"),
    })
}
