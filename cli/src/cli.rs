//! The `ncen` command line: thin wrappers over the library.

use anyhow::Context;
use clap::{Parser, Subcommand};
use ncen_api::config::Settings;
use ncen_api::startup::{self, Application};
use ncen_core::audit::chain;
use ncen_core::auth::{password, Role};
use ncen_core::db;
use ncen_core::users::bootstrap::{self, Bootstrap};

use diesel_async::{AsyncConnection, AsyncPgConnection};
use secrecy::{ExposeSecret, SecretString};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "ncen",
    version,
    about = "nCEN — national Customs Enforcement Network server"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct DbArgs {
    /// PostgreSQL connection URL (the server's runtime role).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: SecretString,
    /// URL of the role that owns the schema: migrations and demo data run as it, and
    /// `migrate` then grants DATABASE_URL's role what the server needs. Default: DATABASE_URL.
    #[arg(long, env = "DATABASE_OWNER_URL", hide_env_values = true)]
    database_owner_url: Option<SecretString>,
}

impl DbArgs {
    /// The owner's URL, when one is given.
    fn owner(&self) -> Option<&str> {
        self.database_owner_url.as_ref().map(|u| u.expose_secret())
    }
}

#[derive(Subcommand)]
enum Command {
    /// Migrate the database, create the bootstrap admin if there are no users, and serve
    /// the API and the browser app.
    Serve(Box<Settings>),
    /// Apply pending database migrations, then compute the matching keys of register records
    /// that lack them (see `reindex-names`).
    Migrate(DbArgs),
    /// Compute the matching keys of every person and company whose keys are missing or were
    /// written by an older matching engine (after a bulk load by SQL, or an upgrade).
    ReindexNames(DbArgs),
    /// Create a user (the password is read from NCEN_NEW_USER_PASSWORD or prompted on stdin).
    CreateUser {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// Unit code (e.g. HQ).
        #[arg(long)]
        unit: String,
        /// Comma-separated roles: officer, investigator, analyst, supervisor, liaison, auditor, admin.
        #[arg(long, value_delimiter = ',')]
        roles: Vec<String>,
        #[arg(long, env = "NCEN_NEW_USER_PASSWORD", hide_env_values = true)]
        password: Option<SecretString>,
    },
    /// Audit log tools.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Fill the database with realistic synthetic data (units, users of every role, cases
    /// across every commodity group, registers, pictures). Refuses a database it already ran on.
    Demo(DemoArgs),
    /// Icomm exchange tools.
    Exchange {
        #[command(subcommand)]
        command: ExchangeCommand,
    },
    /// Make a CEN export batch of every validated case not yet exported at its current
    /// version (non-nominal form, kept for audit) and write it as JSON or CSV; for scheduled
    /// runs. Prints nothing to do (exit 0) when there is no new or changed case.
    CenExport(CenExportArgs),
    /// Import a file of register records through a running server (NCEN_URL, NCEN_TOKEN of a
    /// supervisor): a dry run by default, `--commit` to write. Exit 0: done, every line
    /// accepted; 3: done with rejected lines; 4: failed (an all_or_nothing import with bad
    /// lines writes nothing); 5: cancelled; 1: could not run.
    Import(crate::import::ImportArgs),
    /// Print the OpenAPI document (YAML) of this build.
    Openapi,
    /// Rotate the access-token signing key kept in NCEN_JWT_SECRET_FILE: the current key
    /// moves to `<file>.previous` and a new one is written. Then restart every instance
    /// (they sign with the new key and still accept tokens of the previous one); tokens of
    /// the key before that stop working. Wait one token lifetime (NCEN_ACCESS_TOKEN_TTL,
    /// 15 minutes at most) before rotating again, or some users sign in again. With
    /// NCEN_JWT_SECRET instead of a file: put the old value in NCEN_JWT_PREVIOUS_SECRET,
    /// the new one in NCEN_JWT_SECRET, restart, and drop the previous one after a lifetime.
    RotateJwtKey {
        #[arg(
            long,
            env = "NCEN_JWT_SECRET_FILE",
            default_value = ".data/keys/jwt.key"
        )]
        file: std::path::PathBuf,
    },
}

/// `BE=<hex>`.
fn partner_key(s: &str) -> Result<(String, String), String> {
    let (country, key) = s
        .split_once('=')
        .ok_or_else(|| "expected COUNTRY=PUBLIC_KEY".to_string())?;
    if ncen_core::exchange::keys::parse_public_key(key).is_none() {
        return Err("the public key must be 64 hex digits of an Ed25519 key".into());
    }
    Ok((country.to_ascii_uppercase(), key.to_ascii_lowercase()))
}

#[derive(clap::Args)]
struct DemoArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Number of seizure and offence cases (≈ 3 goods items, 1.5 new persons and 0.5 new
    /// companies each).
    #[arg(long, default_value_t = 600)]
    cases: usize,
    /// Seed of the random generator: the same seed, cases and date give the same data.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Last day of the demo period (YYYY-MM-DD; default today, UTC); cases are spread over
    /// the three years before it.
    #[arg(long)]
    as_of: Option<chrono::NaiveDate>,
    /// Most cases that get placeholder pictures (default: one case in eight, at most 250).
    #[arg(long)]
    pictures: Option<usize>,
    /// Register persons known from other sources than the cases (a national register's size
    /// for the benchmark: `bench/scale.sh`).
    #[arg(long, default_value_t = 0)]
    register_persons: usize,
    /// Register companies known from other sources than the cases.
    #[arg(long, default_value_t = 0)]
    register_companies: usize,
    /// The public key of a real partner node, `BE=<64 hex digits>` (repeatable): the demo
    /// registers that partner with it instead of a key derived from the seed
    /// (`make two-nodes`).
    #[arg(long = "partner-key", value_parser = partner_key)]
    partner_keys: Vec<(String, String)>,
    /// Password of every demo user.
    #[arg(long, env = "NCEN_DEMO_PASSWORD", hide_env_values = true, default_value = ncen_demo::DEFAULT_PASSWORD)]
    password: SecretString,
    /// Reference prefix, as `ncen serve` uses it.
    #[arg(long, env = "NCEN_COUNTRY", default_value = "XX")]
    country: String,
    /// Attachment store, as `ncen serve` uses it.
    #[arg(long, env = "NCEN_STORAGE_URL", default_value = ".data/attachments")]
    storage_url: String,
}

#[derive(clap::Args)]
struct CenExportArgs {
    #[command(flatten)]
    db: DbArgs,
    /// `json` or `csv`.
    #[arg(long, default_value = "json")]
    format: String,
    /// The file to write (default: standard output).
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// The most cases in the batch.
    #[arg(long, default_value_t = 1_000_000)]
    max: i64,
}

#[derive(Subcommand)]
enum ExchangeCommand {
    /// Print this node's exchange public key and its fingerprint (creating the key on first
    /// use), to give a partner administration out of band.
    Key {
        #[arg(
            long,
            env = "NCEN_EXCHANGE_KEY_FILE",
            default_value = ".data/keys/exchange-ed25519.key"
        )]
        key_file: std::path::PathBuf,
        /// ISO 3166-1 alpha-2 code of this administration.
        #[arg(long, env = "NCEN_COUNTRY", default_value = "XX")]
        country: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain, check it against the signed checkpoints kept outside the
    /// database, and report the first broken position (exit code 1 if any).
    Verify(VerifyArgs),
}

#[derive(clap::Args)]
struct VerifyArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The checkpoint key (its public half, `<file>.pub`, is enough).
    #[arg(
        long,
        env = "NCEN_AUDIT_KEY_FILE",
        default_value = ".data/keys/audit-ed25519.key"
    )]
    key_file: std::path::PathBuf,
    /// The signed checkpoints.
    #[arg(
        long,
        env = "NCEN_AUDIT_CHECKPOINT_FILE",
        default_value = ".data/audit/checkpoints.jsonl"
    )]
    checkpoint_file: std::path::PathBuf,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::telemetry::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve(settings) => serve(*settings).await,
        Command::Migrate(args) => {
            let runtime = args.database_url.expose_secret();
            let applied = db::roles::migrate_for(args.owner(), runtime).await?;
            println!("{} migration(s) applied", applied.len());
            reindex_names(args.owner().unwrap_or(runtime)).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CreateUser {
            db,
            username,
            display_name,
            unit,
            roles,
            password,
        } => create_user(db, username, display_name, unit, roles, password).await,
        Command::Audit {
            command: AuditCommand::Verify(args),
        } => {
            let mut conn =
                AsyncPgConnection::establish(args.db.database_url.expose_secret()).await?;
            let report = match ncen_core::audit::anchor::verifying_key_of(&args.key_file)? {
                Some(key) => chain::verify_anchored(&mut conn, &args.checkpoint_file, &key).await?,
                None => {
                    eprintln!(
                        "no checkpoint key at {}: checking the chain alone",
                        args.key_file.display()
                    );
                    chain::verify(&mut conn).await?
                }
            };
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::ReindexNames(args) => {
            reindex_names(args.owner().unwrap_or(args.database_url.expose_secret())).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(args) => demo(args).await,
        Command::Exchange {
            command: ExchangeCommand::Key { key_file, country },
        } => {
            let key = ncen_core::exchange::keys::load_or_create(&key_file)?;
            let id = ncen_core::exchange::service::identity(&country, &key.verifying_key());
            println!("country      {}", id.country);
            println!("public key   {}", id.public_key);
            println!("fingerprint  {}", id.fingerprint);
            Ok(ExitCode::SUCCESS)
        }
        Command::CenExport(args) => cen_export(args).await,
        Command::Import(args) => crate::import::run(args).await,
        Command::Openapi => {
            print!("{}", ncen_api::openapi::to_yaml(&startup::openapi())?);
            Ok(ExitCode::SUCCESS)
        }
        Command::RotateJwtKey { file } => {
            let (previous, current) = ncen_core::auth::keys::rotate(&file)?;
            match previous {
                Some(previous) => println!(
                    "new key {current} in {}; the previous key {previous} is kept in {} \
                     until the next rotation. Restart every instance now.",
                    file.display(),
                    ncen_core::auth::keys::previous_path(&file).display()
                ),
                None => println!("new key {current} in {}", file.display()),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `ncen cen-export`: one batch, written page by page.
async fn cen_export(args: CenExportArgs) -> anyhow::Result<ExitCode> {
    use ncen_core::exchange::cen::{self, CenFormat};
    use std::io::Write;
    let format = CenFormat::parse(&args.format).context("--format must be json or csv")?;
    let mut conn = AsyncPgConnection::establish(args.db.database_url.expose_secret())
        .await
        .context("cannot connect to the database")?;
    let started = std::time::Instant::now();
    let Some(batch) = cen::export(&mut conn, &ncen_core::audit::Actor::system(), args.max).await?
    else {
        eprintln!("nothing to export: every validated case was exported at its current version");
        return Ok(ExitCode::SUCCESS);
    };
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut csv_out = None;
    match format {
        CenFormat::Json => write!(
            out,
            "{{\"format\":\"ncen-cen-export/1\",\"batch\":{},\"records\":[",
            serde_json::to_string(&batch)?
        )?,
        CenFormat::Csv => {
            out.write_all(&[0xEF, 0xBB, 0xBF])?;
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(cen::CSV_COLUMNS)?;
            out.write_all(&w.into_inner()?)?;
            csv_out = Some(());
        }
    }
    let (mut after, mut first) = (0, true);
    loop {
        let page = cen::records(&mut conn, batch.id, after, 1000).await?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        for (_, rec) in &page {
            if csv_out.is_some() {
                let mut w = csv::Writer::from_writer(Vec::new());
                for row in cen::csv_rows(rec) {
                    w.write_record(row)?;
                }
                out.write_all(&w.into_inner()?)?;
            } else {
                if !first {
                    out.write_all(b",")?;
                }
                serde_json::to_writer(&mut out, rec)?;
            }
            first = false;
        }
    }
    if csv_out.is_none() {
        out.write_all(b"]}\n")?;
    }
    out.flush()?;
    eprintln!(
        "batch {}: {} cases, sha256 {}, in {:.1} s",
        batch.id,
        batch.cases,
        batch.content_sha256,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Computes the matching keys that are missing or stale, and says how many and how fast.
async fn reindex_names(url: &str) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(url)
        .await
        .context("cannot connect to the database")?;
    let done = ncen_core::registers::match_keys::reindex(&mut conn).await?;
    if done.persons + done.companies > 0 {
        println!(
            "matching keys computed for {} persons and {} companies in {:.1} s",
            done.persons, done.companies, done.seconds
        );
    }
    Ok(())
}

async fn serve(settings: Settings) -> anyhow::Result<ExitCode> {
    // Before the first hash (the bootstrap below may make one): the pool's size is fixed by
    // whichever comes first.
    ncen_core::auth::password::limit_concurrency(settings.password_hash_concurrency);
    let url = settings.database_url.expose_secret().to_string();
    let owner = settings
        .database_owner_url
        .as_ref()
        .map(|u| u.expose_secret());
    let applied = db::roles::migrate_for(owner, &url).await?;
    if !applied.is_empty() {
        tracing::info!(count = applied.len(), "migrations applied");
    }
    reindex_names(owner.unwrap_or(&url)).await?;
    let mut conn = AsyncPgConnection::establish(&url)
        .await
        .context("cannot connect to the database")?;
    let configured = settings
        .admin_password
        .as_ref()
        .map(|p| p.expose_secret().to_string());
    if let Bootstrap::Created { generated_password } =
        bootstrap::ensure_admin(&mut conn, configured.as_deref()).await?
    {
        match generated_password {
            Some(p) => println!(
                "\n  Created the administrator account.\n  username: admin\n  password: {p}\n  (shown once; change it after signing in)\n"
            ),
            None => println!("\n  Created the administrator account `admin` with the password in NCEN_ADMIN_PASSWORD.\n"),
        }
    }
    drop(conn);
    let bind = settings.bind.clone();
    let app = Application::build(settings).await?;
    println!("nCEN is listening on http://{bind} (API under /api/v1, reference at /api/docs/)");
    app.run().await?;
    Ok(ExitCode::SUCCESS)
}

async fn create_user(
    db: DbArgs,
    username: String,
    display_name: String,
    unit: String,
    roles: Vec<String>,
    password: Option<SecretString>,
) -> anyhow::Result<ExitCode> {
    use ncen_core::users::{self, repo};
    for role in &roles {
        anyhow::ensure!(Role::parse(role).is_some(), "unknown role `{role}`");
    }
    anyhow::ensure!(!roles.is_empty(), "at least one role is required");
    anyhow::ensure!(repo::valid_username(&username), "invalid username");
    let password = match password {
        Some(p) => p.expose_secret().to_string(),
        None => {
            eprint!("password for {username}: ");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    if let Some((_, message)) = password::policy_violation(&password, Some(&username)) {
        anyhow::bail!("the password {message}");
    }
    let hash = password::hash_blocking(password).await?;
    let mut conn = AsyncPgConnection::establish(db.database_url.expose_secret()).await?;
    let (id, username) = match users::service::create_by_system(
        &mut conn,
        &unit,
        username,
        display_name,
        roles,
        hash,
    )
    .await
    {
        Err(ncen_core::Error::NotFound) => anyhow::bail!("no unit with code {unit}"),
        other => other.map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    println!("created user {username} ({id})");
    Ok(ExitCode::SUCCESS)
}

async fn demo(args: DemoArgs) -> anyhow::Result<ExitCode> {
    let runtime = args.db.database_url.expose_secret();
    let applied = db::roles::migrate_for(args.db.owner(), runtime).await?;
    if !applied.is_empty() {
        println!("{} migration(s) applied", applied.len());
    }
    // demo data is loaded in bulk and analysed (ANALYZE), which only the owner may do
    let url = args.db.owner().unwrap_or(runtime).to_string();
    let storage = ncen_core::files::storage::Storage::from_url(&args.storage_url)?;
    let options = ncen_demo::Options {
        cases: args.cases,
        seed: args.seed,
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Utc::now().date_naive()),
        country: args.country,
        password: args.password.expose_secret().to_string(),
        max_pictured_cases: args.pictures.unwrap_or((args.cases / 8).min(250)),
        register_persons: args.register_persons,
        register_companies: args.register_companies,
        partner_keys: args.partner_keys,
    };
    println!(
        "Generating {} demo cases (seed {})…",
        options.cases, options.seed
    );
    let r = ncen_demo::generate(&url, &storage, &options).await?;
    println!(
        "Done in {:.1} s: {} cases, {} goods items, {} route legs, {} persons, {} companies, {} conveyances, {} pictures; {} units, {} users; {} message threads, {} messages; {} alerts, {} hits; {} investigations; {} exchange partners; {} bulk imports.",
        r.seconds, r.cases, r.goods, r.route_legs, r.persons, r.companies, r.conveyances, r.attachments, r.units, r.users, r.threads, r.messages, r.alerts, r.alert_hits, r.investigations, r.partners, r.imports
    );
    println!("\nSign in with any demo user; the password of all of them is NCEN_DEMO_PASSWORD (default `{}`):", ncen_demo::DEFAULT_PASSWORD);
    for (user, what) in &r.sample_users {
        println!("  {user:<22} {what}");
    }
    println!("  (every office has <office>.officer1…, <office>.supervisor; every directorate <dr>.supervisor, .investigator, .analyst)");
    Ok(ExitCode::SUCCESS)
}
