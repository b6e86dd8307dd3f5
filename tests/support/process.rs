//! Servers in processes of their own and private PostgreSQL clusters, for the fault tests
//! (`tests/suite/faults`): a server that can be killed with SIGKILL, two servers on one
//! database, and a database that can be stopped and started again without touching the
//! cluster every other test shares.
//!
//! A child server is this test binary again, running only an `#[ignore]`d entry test that
//! calls [`serve_from_env`]: it reads its settings from the `NCEN_FAULT_*` variables set by
//! [`ChildServer::spawn`], prints the port it listens on, and serves until it is killed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use diesel_async::{AsyncConnection, AsyncPgConnection, SimpleAsyncConnection};
use ncen_api::config::Settings;
use ncen_api::startup::Application;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

const DATABASE_URL: &str = "NCEN_FAULT_DATABASE_URL";
const JWT_SECRET: &str = "NCEN_FAULT_JWT_SECRET";
const FILES_DIR: &str = "NCEN_FAULT_FILES_DIR";
const POOL_SIZE: &str = "NCEN_FAULT_POOL_SIZE";
const SEAL_MS: &str = "NCEN_FAULT_SEAL_MS";
const REFRESH_GRACE: &str = "NCEN_FAULT_REFRESH_GRACE_SECS";
const COUNTRY: &str = "NCEN_FAULT_COUNTRY";
const BIND: &str = "NCEN_FAULT_BIND";
const RETRY_BASE_MS: &str = "NCEN_FAULT_EXCHANGE_RETRY_BASE_MS";
/// What the child prints, followed by its port, once it listens.
const LISTENING: &str = "NCEN_FAULT_LISTENING port=";

/// The access-token key every child of one test shares (instances must agree on it).
pub const SHARED_JWT_SECRET: &str = "fault-tests-shared-access-token-key-0123456789";

/// The body of the child entry test: serves the database named by `NCEN_FAULT_DATABASE_URL`
/// until the process is killed. Without that variable (someone ran the ignored tests), it
/// returns at once.
pub async fn serve_from_env() {
    let Ok(url) = std::env::var(DATABASE_URL) else {
        return;
    };
    let env = |name: &str| std::env::var(name).ok();
    let dir = PathBuf::from(env(FILES_DIR).expect("NCEN_FAULT_FILES_DIR"));
    let mut settings = Settings::for_database(&url);
    settings.workers = 2;
    settings.db_pool_size = env(POOL_SIZE).map_or(4, |v| v.parse().unwrap());
    settings.audit_seal_interval_ms = env(SEAL_MS).map_or(200, |v| v.parse().unwrap());
    if let Some(grace) = env(REFRESH_GRACE) {
        settings.refresh_reuse_grace_secs = grace.parse().unwrap();
    }
    if let Some(country) = env(COUNTRY) {
        settings.country = country;
    }
    if let Some(bind) = env(BIND) {
        settings.bind = bind;
    }
    if let Some(ms) = env(RETRY_BASE_MS) {
        settings.exchange_retry_base_ms = ms.parse().unwrap();
    }
    settings.jwt_secret = env(JWT_SECRET).map(secrecy::SecretString::from);
    settings.web_dir = "/nonexistent".into();
    let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
    settings.jwt_secret_file = file("jwt.key");
    settings.audit_key_file = file("audit-ed25519.key");
    settings.audit_checkpoint_file = file("checkpoints.jsonl");
    settings.storage_url = file("attachments");
    settings.exchange_key_file = file("exchange-ed25519.key");
    let app = Application::build(settings).await.unwrap();
    println!("{LISTENING}{}", app.port());
    use std::io::Write;
    std::io::stdout().flush().unwrap();
    app.run().await.unwrap();
}

/// How a child server is started.
pub struct ChildConfig {
    /// The entry test to run (`faults::serve_child`).
    pub entry: &'static str,
    pub database_url: String,
    pub pool_size: usize,
    pub seal_interval_ms: u64,
    pub refresh_grace_secs: Option<i64>,
    /// `NCEN_COUNTRY` (default `XX`).
    pub country: Option<String>,
    /// A fixed port (a server restarted on the same address); default: any free port.
    pub port: Option<u16>,
    /// The folder of its keys and files, kept across a restart (the caller removes it);
    /// default: a new temporary folder removed with the server.
    pub dir: Option<PathBuf>,
    /// `NCEN_EXCHANGE_RETRY_BASE_MS`.
    pub exchange_retry_base_ms: Option<u64>,
}

impl ChildConfig {
    pub fn new(entry: &'static str, database_url: &str) -> Self {
        ChildConfig {
            entry,
            database_url: database_url.to_string(),
            pool_size: 4,
            seal_interval_ms: 200,
            refresh_grace_secs: None,
            country: None,
            port: None,
            dir: None,
            exchange_retry_base_ms: None,
        }
    }
}

/// A server running in a child process; killed (SIGKILL) when dropped.
pub struct ChildServer {
    pub base: String,
    pub pid: u32,
    child: Option<Child>,
    dir: PathBuf,
    /// Whether `dir` is this server's own (removed when dropped).
    owns_dir: bool,
    log: Arc<Mutex<String>>,
}

impl ChildServer {
    pub async fn spawn(config: ChildConfig) -> Self {
        let owns_dir = config.dir.is_none();
        let dir = config.dir.clone().unwrap_or_else(|| {
            std::env::temp_dir().join(format!("ncen-fault-{}", uuid::Uuid::new_v4().simple()))
        });
        std::fs::create_dir_all(&dir).unwrap();
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .args([
                "--exact",
                config.entry,
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DATABASE_URL, &config.database_url)
            .env(JWT_SECRET, SHARED_JWT_SECRET)
            .env(FILES_DIR, &dir)
            .env(POOL_SIZE, config.pool_size.to_string())
            .env(SEAL_MS, config.seal_interval_ms.to_string())
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(grace) = config.refresh_grace_secs {
            command.env(REFRESH_GRACE, grace.to_string());
        }
        if let Some(country) = &config.country {
            command.env(COUNTRY, country);
        }
        if let Some(port) = config.port {
            command.env(BIND, format!("127.0.0.1:{port}"));
        }
        if let Some(ms) = config.exchange_retry_base_ms {
            command.env(RETRY_BASE_MS, ms.to_string());
        }
        {
            use std::os::unix::process::CommandExt;
            // SAFETY: prctl is async-signal-safe and touches no memory of the parent. The
            // child dies with the thread that started it, so a test run that is itself
            // killed leaves no server behind.
            unsafe {
                command.pre_exec(|| {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    Ok(())
                });
            }
        }
        let mut child = command.spawn().unwrap();
        let pid = child.id();
        let log = Arc::new(Mutex::new(String::new()));
        let (port_tx, port_rx) = mpsc::channel::<u16>();
        let stdout = child.stdout.take().unwrap();
        let out_log = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                // (After libtest's `test … ... ` on the same line.)
                if let Some((_, port)) = line.split_once(LISTENING) {
                    let _ = port_tx.send(port.trim().parse().unwrap_or(0));
                }
                out_log.lock().unwrap().push_str(&format!("{line}\n"));
            }
        });
        let mut stderr = child.stderr.take().unwrap();
        let err_log = log.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    return;
                }
                let text = String::from_utf8_lossy(&buf[..n]).into_owned();
                err_log.lock().unwrap().push_str(&text);
            }
        });
        let port =
            tokio::task::spawn_blocking(move || port_rx.recv_timeout(Duration::from_secs(60)))
                .await
                .unwrap();
        let mut server = ChildServer {
            base: String::new(),
            pid,
            child: Some(child),
            dir,
            owns_dir,
            log,
        };
        match port {
            Ok(port) if port > 0 => server.base = format!("http://127.0.0.1:{port}"),
            _ => {
                server.kill9();
                panic!("the child server did not start:\n{}", server.log());
            }
        }
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// What the child printed (stdout and stderr).
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// `kill -9`: the process ends at once, without closing anything itself.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            // `Child::kill` is SIGKILL on Unix; reap the process so that it is gone when
            // this returns.
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        self.kill9();
        if self.owns_dir && self.dir.starts_with(std::env::temp_dir()) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// The `bin` folder of the PostgreSQL that `scripts/db.sh` uses (`PG_BIN`, else the newest
/// `/usr/lib/postgresql/<version>/bin`, else the `PATH`).
fn pg_bin() -> PathBuf {
    if let Ok(bin) = std::env::var("PG_BIN") {
        return PathBuf::from(bin);
    }
    let newest = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let version: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            (version >= 15 && bin.join("pg_ctl").is_file()).then_some((version, bin))
        })
        .max_by_key(|(version, _)| *version);
    newest.map_or_else(PathBuf::new, |(_, bin)| bin)
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn db_sh(args: &[&str]) -> std::process::Output {
    Command::new(repo_root().join("scripts/db.sh"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A PostgreSQL cluster of this test alone (`scripts/db.sh start`, under `.data/`), on a
/// port of its own from 55440 up, that the test may stop and start. Dropping it stops the
/// cluster and deletes its files, on failure too.
pub struct Cluster {
    pub name: String,
    pub port: u16,
    dir: PathBuf,
}

impl Cluster {
    pub async fn start() -> Self {
        let name = format!(
            "faults-{}-{}",
            std::process::id(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let dir = PathBuf::from(
            String::from_utf8(db_sh(&["dir", &name]).stdout)
                .unwrap()
                .trim(),
        );
        let mut cluster = Cluster { name, port: 0, dir };
        let mut last_error = String::new();
        for port in 55440..55500 {
            if std::net::TcpListener::bind(("127.0.0.1", port)).is_err() {
                continue;
            }
            cluster.port = port;
            let out = db_sh(&["start", &cluster.name, &port.to_string()]);
            if out.status.success() {
                break;
            }
            // Taken in between, most likely: try the next one.
            last_error = String::from_utf8_lossy(&out.stderr).into_owned();
            cluster.port = 0;
        }
        assert!(
            cluster.port > 0,
            "no private cluster could start: {last_error}"
        );
        // Throwaway data: no fsync (a crash of PostgreSQL alone still loses nothing that
        // was committed, as commits stay synchronous).
        let mut conn = AsyncPgConnection::establish(&cluster.url("postgres"))
            .await
            .unwrap();
        // (One statement at a time: ALTER SYSTEM cannot run in a transaction block.)
        conn.batch_execute("ALTER SYSTEM SET fsync = off")
            .await
            .unwrap();
        conn.batch_execute("SELECT pg_reload_conf()").await.unwrap();
        cluster
    }

    /// The server URL as the superuser, e.g. `postgres://postgres@127.0.0.1:55440`.
    pub fn server_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}", self.port)
    }

    pub fn url(&self, database: &str) -> String {
        format!("{}/{database}", self.server_url())
    }

    /// `database` as the runtime role the servers under test connect as.
    pub fn runtime_url(&self, database: &str) -> String {
        format!(
            "postgres://{}@127.0.0.1:{}/{database}",
            crate::RUNTIME_ROLE,
            self.port
        )
    }

    /// Stops the cluster (`pg_ctl stop -m fast|immediate`), waiting until it is down.
    pub fn stop(&self, mode: &str) {
        let out = as_postgres(
            &pg_bin().join("pg_ctl"),
            &[
                "-D",
                self.dir.to_str().unwrap(),
                "-m",
                mode,
                "-w",
                "-t",
                "60",
                "stop",
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl stop: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Starts it again on its port, waiting until it accepts connections.
    pub fn start_again(&self) {
        let out = db_sh(&["start", &self.name, &self.port.to_string()]);
        assert!(
            out.status.success(),
            "db.sh start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A migrated database `name` with the runtime role granted and the bootstrap admin
    /// (password `ADMIN_PASSWORD`), as `TestDb` makes them on the shared cluster.
    pub async fn database(&self, name: &str) {
        let mut conn = AsyncPgConnection::establish(&self.url("postgres"))
            .await
            .unwrap();
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        let role = crate::RUNTIME_ROLE;
        conn.batch_execute(&format!(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') \
             THEN CREATE ROLE {role} LOGIN; END IF; END $$; \
             GRANT pg_read_all_stats TO {role}"
        ))
        .await
        .unwrap();
        ncen_core::db::migrate(&self.url(name)).await.unwrap();
        let mut db = AsyncPgConnection::establish(&self.url(name)).await.unwrap();
        db.batch_execute(&format!("SELECT ncen_grant_runtime('{role}')"))
            .await
            .unwrap();
        ncen_core::users::bootstrap::ensure_admin(&mut db, Some(crate::ADMIN_PASSWORD))
            .await
            .unwrap();
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_postgres(
            &pg_bin().join("pg_ctl"),
            &[
                "-D",
                self.dir.to_str().unwrap(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
        // Only ever the folder `db.sh dir` named for this cluster's own name.
        if self.dir.ends_with(&self.name) && self.dir.join("PG_VERSION").is_file() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Runs a PostgreSQL tool as `postgres` when this is root (as `scripts/db.sh` does).
fn as_postgres(program: &Path, args: &[&str]) -> std::process::Output {
    // SAFETY: getuid has no precondition.
    let root = unsafe { libc::getuid() } == 0;
    let mut command = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    command
        .args(args)
        .current_dir("/")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}
