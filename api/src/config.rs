//! Configuration, read from environment variables (documented in `ncen serve --help` and
//! the README). Secrets are wrapped so they never reach a log line.

use clap::Args;
use ipnetwork::IpNetwork;
use secrecy::SecretString;

/// A CIDR (`10.0.0.0/8`) or a single address; blank entries are skipped.
fn parse_cidr(value: &str) -> Result<Option<IpNetwork>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<IpNetwork>()
        .map(Some)
        .map_err(|e| format!("not a CIDR or an address: {value} ({e})"))
}

#[derive(Args, Debug, Clone)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(long, env = "NCEN_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,

    /// PostgreSQL connection URL (`make run` sets it for its private cluster).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: SecretString,

    /// URL of the role that owns the schema, for migrations at start-up; the server itself
    /// connects as DATABASE_URL's role, which then needs to own nothing (README, "Database
    /// roles"). Without it, DATABASE_URL's role migrates too.
    #[arg(long, env = "DATABASE_OWNER_URL", hide_env_values = true)]
    pub database_owner_url: Option<SecretString>,

    /// Maximum database connections of this instance.
    #[arg(long, env = "NCEN_DB_POOL_SIZE", default_value_t = 16)]
    pub db_pool_size: usize,

    /// Longest a single SQL statement may run, in milliseconds (0: no limit).
    #[arg(long, env = "NCEN_DB_STATEMENT_TIMEOUT_MS", default_value_t = 30_000)]
    pub statement_timeout_ms: u64,

    /// How many password hashes (Argon2, 19 MiB each) may run at once; the rest wait.
    /// 0: half the cores, at least one.
    #[arg(long, env = "NCEN_PASSWORD_HASH_CONCURRENCY", default_value_t = 0)]
    pub password_hash_concurrency: usize,

    /// HMAC key for access tokens (at least 32 bytes). Unset: the key file below.
    #[arg(long, env = "NCEN_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<SecretString>,

    /// The key that signed access tokens before the current `NCEN_JWT_SECRET`: still
    /// accepted until they expire (set it for one token lifetime after a rotation).
    #[arg(long, env = "NCEN_JWT_PREVIOUS_SECRET", hide_env_values = true)]
    pub jwt_previous_secret: Option<SecretString>,

    /// File holding the access-token key when `NCEN_JWT_SECRET` is unset: created on first
    /// start (mode 0600); `ncen rotate-jwt-key` rotates it, keeping `<file>.previous`.
    /// Instances on several hosts share one key: give them the same file or secret.
    #[arg(
        long,
        env = "NCEN_JWT_SECRET_FILE",
        default_value = ".data/keys/jwt.key"
    )]
    pub jwt_secret_file: String,

    /// Access token lifetime in seconds (at most 900).
    #[arg(long, env = "NCEN_ACCESS_TOKEN_TTL", default_value_t = 900, value_parser = clap::value_parser!(i64).range(10..=900))]
    pub access_token_ttl: i64,

    /// Refresh token (session) lifetime in seconds.
    #[arg(long, env = "NCEN_SESSION_TTL", default_value_t = 43_200)]
    pub session_ttl: i64,

    /// Seconds during which a rotated refresh token presented again gets a successor of its
    /// own (another tab refreshing at the same moment, or an answer a reload aborted after
    /// the server rotated); after them, re-use is theft and revokes the session.
    #[arg(long, env = "NCEN_REFRESH_REUSE_GRACE_SECS", default_value_t = 10, value_parser = clap::value_parser!(i64).range(0..))]
    pub refresh_reuse_grace_secs: i64,

    /// Password of the bootstrap `admin` account, created on first start when there are no
    /// users. Unset: a random one is generated and printed once.
    #[arg(long, env = "NCEN_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<SecretString>,

    /// Comma-separated origins allowed to call the API from a browser (CORS). Empty: none.
    #[arg(
        long,
        env = "NCEN_CORS_ORIGINS",
        value_delimiter = ',',
        default_value = ""
    )]
    pub cors_origins: Vec<String>,

    /// Mark the refresh cookie `Secure` (set when serving over HTTPS).
    #[arg(long, env = "NCEN_COOKIE_SECURE", default_value_t = false)]
    pub cookie_secure: bool,

    /// Comma-separated CIDRs of the reverse proxies in front of the server (e.g.
    /// `10.0.0.0/8,127.0.0.1/32`). A request from one of them has its client address taken
    /// from `X-Forwarded-For`: the rightmost entry that is not itself a trusted proxy (the
    /// entries to its left are whatever the client sent). Empty: the header is ignored.
    #[arg(
        long,
        env = "NCEN_TRUSTED_PROXIES",
        value_delimiter = ',',
        default_value = "",
        value_parser = parse_cidr
    )]
    pub trusted_proxies: Vec<Option<IpNetwork>>,

    /// Records of personal data (register records returned by searches, records and cases
    /// read) one user may receive within `NCEN_BULK_READ_WINDOW_SECS` before an
    /// `alert.bulk_read` event is raised in the audit trail (0: never).
    #[arg(long, env = "NCEN_BULK_READ_ALERT_RECORDS", default_value_t = 500)]
    pub bulk_read_alert_records: i64,

    /// The window of `NCEN_BULK_READ_ALERT_RECORDS`, in seconds.
    #[arg(long, env = "NCEN_BULK_READ_WINDOW_SECS", default_value_t = 300, value_parser = clap::value_parser!(i64).range(1..=86_400))]
    pub bulk_read_window_secs: i64,

    /// List and search pages one user may ask for per minute (0: no limit); more is 429.
    #[arg(long, env = "NCEN_LIST_PAGES_PER_MINUTE", default_value_t = 120)]
    pub list_pages_per_minute: i64,

    /// Largest accepted JSON body, in bytes.
    #[arg(long, env = "NCEN_JSON_LIMIT", default_value_t = 1024 * 1024)]
    pub json_limit: usize,

    /// Folder of the built browser app, served at `/` (skipped when missing).
    #[arg(long, env = "NCEN_WEB_DIR", default_value = "web/dist")]
    pub web_dir: String,

    /// Bearer token required by `GET /metrics`. Unset: metrics are open to the network
    /// the server listens on.
    #[arg(long, env = "NCEN_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<SecretString>,

    /// The Ed25519 key that signs audit checkpoints, outside the database: created on
    /// first start (mode 0600; the public half in `<file>.pub`).
    #[arg(
        long,
        env = "NCEN_AUDIT_KEY_FILE",
        default_value = ".data/keys/audit-ed25519.key"
    )]
    pub audit_key_file: String,

    /// Where signed checkpoints of the audit chain head are appended (one JSON line each).
    /// Keep it where the database's administrators cannot rewrite it.
    #[arg(
        long,
        env = "NCEN_AUDIT_CHECKPOINT_FILE",
        default_value = ".data/audit/checkpoints.jsonl"
    )]
    pub audit_checkpoint_file: String,

    /// This node's Icomm exchange key (Ed25519), outside the database: created on first start
    /// (mode 0600; the public half in `<file>.pub`). `ncen exchange key` prints the public key
    /// and its fingerprint for partners.
    #[arg(
        long,
        env = "NCEN_EXCHANGE_KEY_FILE",
        default_value = ".data/keys/exchange-ed25519.key"
    )]
    pub exchange_key_file: String,

    /// The largest package a partner may send to this node's inbox, in bytes.
    #[arg(long, env = "NCEN_EXCHANGE_MAX_PACKAGE_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub exchange_max_package_bytes: usize,

    /// How far a package's `Ncen-Sent-At` may be from this node's clock, in seconds (older or
    /// newer attempts are refused as `stale`: a captured package cannot be replayed later).
    #[arg(long, env = "NCEN_EXCHANGE_MAX_SKEW_SECS", default_value_t = 300)]
    pub exchange_max_skew_secs: u64,

    /// How many refused deliveries one address may make to the inbox in 15 minutes before
    /// every further one is answered 429 `throttled` (with `Retry-After`) unchecked; 0: no limit.
    #[arg(long, env = "NCEN_EXCHANGE_MAX_REFUSALS", default_value_t = 30)]
    pub exchange_max_refusals: i64,

    /// The wait after a package's first failed delivery, in milliseconds; doubled at each
    /// attempt after (at most an hour).
    #[arg(long, env = "NCEN_EXCHANGE_RETRY_BASE_MS", default_value_t = 30_000)]
    pub exchange_retry_base_ms: u64,

    /// Delivery attempts before a package is `failed`.
    #[arg(long, env = "NCEN_EXCHANGE_MAX_ATTEMPTS", default_value_t = 12, value_parser = clap::value_parser!(i32).range(1..=100))]
    pub exchange_max_attempts: i32,

    /// How often the chain head is signed, in seconds (0: never).
    #[arg(long, env = "NCEN_AUDIT_CHECKPOINT_SECS", default_value_t = 60)]
    pub audit_checkpoint_secs: u64,

    /// How often the audit sealer extends the hash chain, in milliseconds.
    #[arg(long, env = "NCEN_AUDIT_SEAL_INTERVAL_MS", default_value_t = 1000)]
    pub audit_seal_interval_ms: u64,

    /// ISO 3166-1 alpha-2 code of this administration; prefixes case references
    /// (`<country>-<year>-<sequence>`).
    #[arg(long, env = "NCEN_COUNTRY", default_value = "XX")]
    pub country: String,

    /// The most rows one export (`…/export/{format}`) writes; more matching rows are refused
    /// (narrow the filters).
    #[arg(long, env = "NCEN_EXPORT_MAX_ROWS", default_value_t = 10_000, value_parser = clap::value_parser!(i64).range(1..=1_000_000))]
    pub export_max_rows: i64,

    /// Matching: the score (0–1) at or above which a candidate is a hit (an alert fires, a
    /// screening shows it as a match). Measured on the labelled set by `make bench`.
    #[arg(long, env = "NCEN_MATCH_HIT", default_value_t = ncen_core::screening::Thresholds::default().hit, value_parser = score)]
    pub match_hit: f64,

    /// Matching: the score at or above which a candidate is listed for review (below the hit
    /// threshold, never acted on alone).
    #[arg(long, env = "NCEN_MATCH_REVIEW", default_value_t = ncen_core::screening::Thresholds::default().review, value_parser = score)]
    pub match_review: f64,

    /// ISO 4217 code of this administration's currency (`EUR`): the default currency of goods
    /// values, listed first. Unset: no default.
    #[arg(long, env = "NCEN_CURRENCY")]
    pub currency: Option<String>,

    /// Where attachments are kept: a folder (default `.data/attachments`), `file:///abs/dir`,
    /// or `s3://bucket/prefix` (credentials, region and endpoint from `AWS_*` variables).
    #[arg(long, env = "NCEN_STORAGE_URL", default_value = ".data/attachments")]
    pub storage_url: String,

    /// How long messages are kept, in days after a thread's last message (0: for ever).
    /// Retention is the only way a message is deleted.
    #[arg(long, env = "NCEN_MESSAGE_RETENTION_DAYS", default_value_t = 3650)]
    pub message_retention_days: u32,

    /// Largest accepted attachment, in bytes (413 above).
    #[arg(long, env = "NCEN_UPLOAD_LIMIT", default_value_t = 25 * 1024 * 1024)]
    pub upload_limit: usize,

    /// Largest import file, in bytes (413 above; streamed to the store, never held).
    #[arg(long, env = "NCEN_IMPORT_LIMIT", default_value_t = 2 * 1024 * 1024 * 1024)]
    pub import_limit: u64,

    /// Largest image accepted, in pixels (422 `image_too_large` above, checked from the
    /// header before decoding). A decoded image may take 4 bytes a pixel (8-bit RGBA; deeper
    /// images are allowed proportionally fewer pixels), so the default, 25 megapixels (a
    /// 6000 × 4000 camera or a 24 MP phone photo), bounds one bitmap to 100 MB and, with the
    /// default concurrency of 2, all bitmaps to 200 MB. With the codecs' working memory, one
    /// 24 MP upload peaks at about 80 MB (a baseline JPEG) and at worst about 225 MB (a
    /// progressive JPEG without chroma subsampling).
    #[arg(long, env = "NCEN_IMAGE_MAX_PIXELS", default_value_t = ncen_core::files::media::DEFAULT_MAX_PIXELS, value_parser = clap::value_parser!(u64).range(1..))]
    pub image_max_pixels: u64,

    /// How many uploads are decoded, cleaned and re-encoded at once (each on a blocking
    /// thread, with a bitmap of up to 4 × NCEN_IMAGE_MAX_PIXELS bytes); the rest wait their
    /// turn. With 1, a 24 MP upload takes about a core and 80–225 MB at a time.
    #[arg(long, env = "NCEN_IMAGE_CONCURRENCY", default_value_t = ncen_core::files::media::DEFAULT_CONCURRENCY, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=64))]
    pub image_concurrency: usize,

    /// The classification printed at the top of every page of a report (`RESTRICTED`,
    /// `DIFFUSION RESTREINTE`…: the deployment's marking for investigation material).
    #[arg(
        long,
        env = "NCEN_REPORT_CLASSIFICATION",
        default_value = "RESTRICTED / DIFFUSION RESTREINTE"
    )]
    pub report_classification: String,

    /// A company's risk score (0–100) from which it is of medium risk.
    #[arg(long, env = "NCEN_RISK_MEDIUM", default_value_t = 30, value_parser = clap::value_parser!(i32).range(1..=100))]
    pub risk_medium: i32,

    /// A company's risk score from which it is of high risk (above NCEN_RISK_MEDIUM).
    #[arg(long, env = "NCEN_RISK_HIGH", default_value_t = 60, value_parser = clap::value_parser!(i32).range(1..=100))]
    pub risk_high: i32,

    /// Worker threads (0: one per core).
    #[arg(long, env = "NCEN_WORKERS", default_value_t = 0)]
    pub workers: usize,
}

/// A matching score threshold: a number in (0, 1].
fn score(raw: &str) -> Result<f64, String> {
    match raw.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 1.0 => Ok(v),
        _ => Err(format!("`{raw}` is not a score between 0 (excluded) and 1")),
    }
}

impl Settings {
    /// The matching thresholds.
    /// How packages are delivered to partners.
    pub fn delivery(&self) -> ncen_core::exchange::delivery::Policy {
        ncen_core::exchange::delivery::Policy {
            retry_base: std::time::Duration::from_millis(self.exchange_retry_base_ms.max(10)),
            max_attempts: self.exchange_max_attempts,
            ..Default::default()
        }
    }

    /// What this node's inbox accepts.
    pub fn inbox_limits(&self) -> ncen_core::exchange::inbox::Limits {
        ncen_core::exchange::inbox::Limits {
            max_bytes: self.exchange_max_package_bytes,
            max_skew: std::time::Duration::from_secs(self.exchange_max_skew_secs),
            max_file_bytes: self.upload_limit,
            max_refusals: self.exchange_max_refusals,
        }
    }

    pub fn thresholds(&self) -> ncen_core::screening::Thresholds {
        ncen_core::screening::Thresholds {
            hit: self.match_hit,
            review: self.match_review,
        }
    }

    /// The read-volume limits.
    pub fn read_watch(&self) -> ncen_core::audit::watch::ReadWatch {
        ncen_core::audit::watch::ReadWatch {
            alert_records: self.bulk_read_alert_records,
            window_secs: self.bulk_read_window_secs,
            pages_per_minute: self.list_pages_per_minute,
        }
    }

    /// The trusted proxies, blank entries dropped.
    pub fn proxies(&self) -> Vec<IpNetwork> {
        self.trusted_proxies.iter().flatten().copied().collect()
    }

    /// Settings for a given database with every other value at its default (tests, tools).
    pub fn for_database(url: &str) -> Self {
        let temp = |name: &str| {
            std::env::temp_dir()
                .join(format!("{name}-{}", uuid::Uuid::new_v4().simple()))
                .to_string_lossy()
                .into_owned()
        };
        Settings {
            bind: "127.0.0.1:0".into(),
            database_url: SecretString::from(url.to_string()),
            database_owner_url: None,
            db_pool_size: 8,
            statement_timeout_ms: 30_000,
            password_hash_concurrency: 0,
            jwt_secret: None,
            jwt_previous_secret: None,
            jwt_secret_file: std::env::temp_dir()
                .join(format!("ncen-jwt-{}.key", uuid::Uuid::new_v4().simple()))
                .to_string_lossy()
                .into_owned(),
            access_token_ttl: 900,
            session_ttl: 43_200,
            refresh_reuse_grace_secs: 10,
            admin_password: None,
            cors_origins: Vec::new(),
            cookie_secure: false,
            trusted_proxies: Vec::new(),
            json_limit: 1024 * 1024,
            bulk_read_alert_records: 500,
            bulk_read_window_secs: 300,
            list_pages_per_minute: 120,
            web_dir: "web/dist".into(),
            metrics_token: None,
            audit_seal_interval_ms: 1000,
            audit_key_file: temp("ncen-audit-key"),
            audit_checkpoint_file: temp("ncen-checkpoints"),
            audit_checkpoint_secs: 0,
            exchange_key_file: temp("ncen-exchange-key"),
            exchange_max_package_bytes: 64 * 1024 * 1024,
            exchange_max_skew_secs: 300,
            exchange_max_refusals: 30,
            exchange_retry_base_ms: 30_000,
            exchange_max_attempts: 12,
            country: "XX".into(),
            currency: None,
            export_max_rows: 10_000,
            match_hit: ncen_core::screening::Thresholds::default().hit,
            match_review: ncen_core::screening::Thresholds::default().review,
            storage_url: std::env::temp_dir()
                .join(format!(
                    "ncen-attachments-{}",
                    uuid::Uuid::new_v4().simple()
                ))
                .to_string_lossy()
                .into_owned(),
            upload_limit: 25 * 1024 * 1024,
            import_limit: 2 * 1024 * 1024 * 1024,
            message_retention_days: 3650,
            image_max_pixels: ncen_core::files::media::DEFAULT_MAX_PIXELS,
            image_concurrency: ncen_core::files::media::DEFAULT_CONCURRENCY,
            workers: 2,
            report_classification: "RESTRICTED / DIFFUSION RESTREINTE".into(),
            risk_medium: 30,
            risk_high: 60,
        }
    }
}
