//! Black-box test support: a database per test (cloned from a migrated template) and the
//! real application on a free port, spoken to over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod process;
pub mod proxy;
pub mod sse;

use diesel::sql_types::Bool;
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl, SimpleAsyncConnection};
use ncen_api::config::Settings;
use ncen_api::startup::Application;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::path::Path;

pub const ADMIN_PASSWORD: &str = "bootstrap-secret-for-tests";

/// The server (not database) URL of the test cluster, e.g. `postgres://postgres@127.0.0.1:55433`.
pub fn server_url() -> String {
    std::env::var("TEST_DATABASE_SERVER")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:55433".into())
}

pub fn db_url(name: &str) -> String {
    format!("{}/{}", server_url(), name)
}

/// The runtime role the servers under test connect as: it owns nothing, and on the audit
/// tables may only INSERT and SELECT (`ncen_grant_runtime`), as in `make run`.
pub const RUNTIME_ROLE: &str = "ncen_test_runtime";

/// `server_url()`'s address with another user (trust authentication in the test cluster).
pub fn db_url_as(role: &str, name: &str) -> String {
    let server = server_url();
    let (scheme, rest) = server.split_once("://").unwrap_or(("postgres", &server));
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{role}@{host}/{name}")
}

fn migrations_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations")
}

/// Name of the template for the current migrations (changes when a migration changes).
fn template_name() -> String {
    let mut files: Vec<_> = walkdir::WalkDir::new(migrations_dir())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    let mut hasher = Sha256::new();
    for f in files {
        hasher.update(f.to_string_lossy().as_bytes());
        hasher.update(std::fs::read(&f).unwrap());
    }
    format!("ncen_tpl_{}", &hex_string(&hasher.finalize())[..16])
}

fn hex_string(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

async fn admin_conn() -> AsyncPgConnection {
    AsyncPgConnection::establish(&db_url("postgres"))
        .await
        .expect("test PostgreSQL is not reachable; run `make test`")
}

/// Creates the migrated template once (across processes: guarded by an advisory lock).
async fn ensure_template() -> String {
    let name = template_name();
    let mut conn = admin_conn().await;
    conn.batch_execute("SELECT pg_advisory_lock(4242)")
        .await
        .unwrap();
    let exists: Exists = diesel::sql_query(format!(
        "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}') AS exists"
    ))
    .get_result(&mut conn)
    .await
    .unwrap();
    if !exists.exists {
        let building = format!("{name}_building");
        conn.batch_execute(&format!("DROP DATABASE IF EXISTS {building}"))
            .await
            .unwrap();
        conn.batch_execute(&format!("CREATE DATABASE {building}"))
            .await
            .unwrap();
        ncen_core::db::migrate(&db_url(&building)).await.unwrap();
        conn.batch_execute(&format!(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{RUNTIME_ROLE}') \
             THEN CREATE ROLE {RUNTIME_ROLE} LOGIN; END IF; END $$; \
             GRANT pg_read_all_stats TO {RUNTIME_ROLE}"
        ))
        .await
        .unwrap();
        AsyncPgConnection::establish(&db_url(&building))
            .await
            .unwrap()
            .batch_execute(&format!("SELECT ncen_grant_runtime('{RUNTIME_ROLE}')"))
            .await
            .unwrap();
        conn.batch_execute(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .await
            .unwrap();
    }
    conn.batch_execute("SELECT pg_advisory_unlock(4242)")
        .await
        .unwrap();
    name
}

/// A database of its own, dropped when this value is dropped.
pub struct TestDb {
    pub name: String,
}

impl TestDb {
    pub async fn new() -> Self {
        let template = ensure_template().await;
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let mut conn = admin_conn().await;
        // Cloning needs the template to have no other connections; retry briefly.
        let mut attempt = 0;
        loop {
            match conn
                .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .await
            {
                Ok(()) => break,
                Err(e) if attempt < 50 => {
                    attempt += 1;
                    let _ = e;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                Err(e) => panic!("cannot create test database: {e}"),
            }
        }
        TestDb { name }
    }

    /// An empty database (no migrations), for migration tests.
    pub async fn empty() -> Self {
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        admin_conn()
            .await
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        TestDb { name }
    }

    /// The database as its owner (the cluster's superuser): for setting up and inspecting.
    pub fn url(&self) -> String {
        db_url(&self.name)
    }

    /// The database as the runtime role, as the server connects to it.
    pub fn runtime_url(&self) -> String {
        db_url_as(RUNTIME_ROLE, &self.name)
    }

    pub async fn conn(&self) -> AsyncPgConnection {
        AsyncPgConnection::establish(&self.url()).await.unwrap()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async context; use a private runtime on a helper thread.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                if let Ok(mut conn) = AsyncPgConnection::establish(&db_url("postgres")).await {
                    let _ = conn
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            });
        })
        .join();
    }
}

/// The application running on a free port against its own database.
pub struct TestApp {
    pub db: TestDb,
    pub base: String,
    pub client: reqwest::Client,
    pub storage_dir: std::path::PathBuf,
    /// The access-token key file of this server (created on its start).
    pub jwt_key_file: std::path::PathBuf,
    /// The audit checkpoint key and file of this server (`audit::anchor`).
    pub audit_key_file: std::path::PathBuf,
    pub audit_checkpoint_file: std::path::PathBuf,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if self.jwt_key_file.starts_with(std::env::temp_dir()) {
            let _ = std::fs::remove_file(&self.jwt_key_file);
            let _ = std::fs::remove_file(ncen_core::auth::keys::previous_path(&self.jwt_key_file));
        }
        for file in [&self.audit_key_file, &self.audit_checkpoint_file] {
            if file.starts_with(std::env::temp_dir()) {
                let _ = std::fs::remove_file(file);
            }
        }
        if self.audit_key_file.starts_with(std::env::temp_dir()) {
            let _ =
                std::fs::remove_file(ncen_core::audit::anchor::public_path(&self.audit_key_file));
        }
        // Only ever remove the private temporary folder this test's settings named.
        if self.storage_dir.starts_with(std::env::temp_dir()) {
            let _ = std::fs::remove_dir_all(&self.storage_dir);
        }
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(customise: impl FnOnce(&mut Settings)) -> Self {
        let db = TestDb::new().await;
        let mut settings = Settings::for_database(&db.runtime_url());
        settings.workers = 1;
        settings.db_pool_size = 4;
        settings.web_dir = "/nonexistent".into();
        settings.audit_seal_interval_ms = 200;
        customise(&mut settings);
        Self::start(db, settings).await
    }

    pub async fn start(db: TestDb, settings: Settings) -> Self {
        let mut conn = db.conn().await;
        ncen_core::users::bootstrap::ensure_admin(&mut conn, Some(ADMIN_PASSWORD))
            .await
            .unwrap();
        drop(conn);
        let storage_dir = std::path::PathBuf::from(&settings.storage_url);
        let jwt_key_file = std::path::PathBuf::from(&settings.jwt_secret_file);
        let audit_key_file = std::path::PathBuf::from(&settings.audit_key_file);
        let audit_checkpoint_file = std::path::PathBuf::from(&settings.audit_checkpoint_file);
        let app = Application::build(settings).await.unwrap();
        let base = format!("http://127.0.0.1:{}", app.port());
        tokio::spawn(app.run());
        TestApp {
            db,
            base,
            client: client(),
            storage_dir,
            jwt_key_file,
            audit_key_file,
            audit_checkpoint_file,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// How many files the attachment store holds.
    pub fn stored_files(&self) -> usize {
        walkdir::WalkDir::new(&self.storage_dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .count()
    }

    /// Signs in and returns the access token (cookies go into `client`).
    pub async fn login_with(
        &self,
        client: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .unwrap()
    }

    pub async fn token(&self, username: &str, password: &str) -> String {
        let res = self.login_with(&client(), username, password).await;
        assert_eq!(res.status(), 200, "login of {username} failed");
        res.json::<Value>().await.unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub async fn admin_token(&self) -> String {
        self.token("admin", ADMIN_PASSWORD).await
    }

    pub async fn get(&self, path: &str, token: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn patch(
        &self,
        path: &str,
        token: &str,
        version: i64,
        body: Value,
    ) -> reqwest::Response {
        self.client
            .patch(self.url(path))
            .bearer_auth(token)
            .header("If-Match", format!("\"{version}\""))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// The root unit created at bootstrap.
    pub async fn root_unit(&self, token: &str) -> String {
        let units: Value = self.get("/api/v1/units", token).await.json().await.unwrap();
        units["items"][0]["id"].as_str().unwrap().to_string()
    }

    /// Creates a user with the given roles; returns (id, password).
    pub async fn create_user(
        &self,
        admin: &str,
        username: &str,
        roles: &[&str],
    ) -> (String, String) {
        let unit = self.root_unit(admin).await;
        let password = "a-strong-passphrase-1".to_string();
        let res = self
            .post(
                "/api/v1/users",
                admin,
                json!({ "username": username, "display_name": username.to_uppercase(), "unit_id": unit, "roles": roles, "password": password }),
            )
            .await;
        assert_eq!(
            res.status(),
            201,
            "create user {username}: {}",
            res.text().await.unwrap()
        );
        let body: Value = res.json().await.unwrap();
        (body["id"].as_str().unwrap().to_string(), password)
    }

    /// Audit events of an action, oldest first, read straight from the database.
    pub async fn audit_rows(&self, action: &str) -> Vec<(String, Option<String>, Option<String>)> {
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = diesel::sql_types::Text)]
            outcome: String,
            #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
            actor_username: Option<String>,
            #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
            object_id: Option<String>,
        }
        let mut conn = self.db.conn().await;
        let rows: Vec<Row> = diesel::sql_query("SELECT outcome, actor_username, object_id FROM audit_events WHERE action = $1 ORDER BY id")
            .bind::<diesel::sql_types::Text, _>(action)
            .load(&mut conn)
            .await
            .unwrap();
        rows.into_iter()
            .map(|r| (r.outcome, r.actor_username, r.object_id))
            .collect()
    }
}

/// A plain PNG of the given size.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A tiny PNG whose (valid) header announces `width` × `height` pixels: a decompression bomb.
pub fn png_announcing(width: u32, height: u32) -> Vec<u8> {
    let mut file = img_parts::png::Png::from_bytes(png(1, 1).into()).unwrap();
    let mut header = file.chunk_by_type(*b"IHDR").unwrap().contents().to_vec();
    header[0..4].copy_from_slice(&width.to_be_bytes());
    header[4..8].copy_from_slice(&height.to_be_bytes());
    file.chunks_mut()[0] = img_parts::png::PngChunk::new(*b"IHDR", header.into());
    file.encoder().bytes().to_vec()
}

/// Uploads a file to a case as multipart/form-data.
pub async fn upload(
    app: &TestApp,
    token: &str,
    case_id: &str,
    kind: &str,
    filename: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(filename.to_string());
    let form = reqwest::multipart::Form::new()
        .text("kind", kind.to_string())
        .text("caption", "Exhibit")
        .part("file", part);
    app.client
        .post(app.url(&format!("/api/v1/seizures/{case_id}/attachments")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Asserts a problem+json response with the given status and code; returns the body.
/// One text column of a query's rows (`SELECT … AS value`).
pub async fn strings(conn: &mut AsyncPgConnection, sql: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        value: String,
    }
    let rows: Vec<Row> = diesel::sql_query(sql).load(conn).await.unwrap();
    rows.into_iter().map(|r| r.value).collect()
}

pub async fn assert_problem(res: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status().as_u16(), status, "unexpected status");
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    assert_eq!(ct, "application/problem+json");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], code, "body: {body}");
    assert_eq!(body["status"], status);
    body
}
