//! Database access: the connection pool, embedded migrations and the table definitions.

pub mod count;
pub mod json;
pub mod listen;
pub mod roles;
pub mod schema;

use anyhow::Context;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::{Object, Pool as DeadPool};
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::AsyncPgConnection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::time::Duration;

pub type Pool = DeadPool<AsyncPgConnection>;
pub type Conn = Object<AsyncPgConnection>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations");

/// Builds the pool. Connections are opened lazily, so the server starts (and reports
/// not-ready) while the database is still down.
///
/// Every connection runs with `statement_timeout` (milliseconds; 0 = none), so one runaway
/// query cannot hold a connection, and the locks it took, indefinitely; and without JIT
/// compilation: every statement here is a bounded index look-up, which PostgreSQL's JIT only
/// slows down once the planner's estimate passes `jit_above_cost` (a list's candidate probe,
/// estimated at millions for 300 lines, spent 760 of its 1 000 ms compiling: `bench/MATCHING.md`).
pub fn pool(url: &str, max_size: usize, statement_timeout_ms: u64) -> anyhow::Result<Pool> {
    // A pooled connection is not pinged on every checkout (`Verified` would add a round trip
    // to each request): a connection the server closed is seen as closed and dropped, and a
    // broken transaction is never handed out.
    let mut config = ManagerConfig::default();
    config.recycling_method = RecyclingMethod::Fast;
    config.custom_setup = Box::new(move |url| {
        Box::pin(async move {
            use diesel_async::{AsyncConnection, SimpleAsyncConnection};
            let mut conn = AsyncPgConnection::establish(url).await?;
            conn.batch_execute(&format!(
                "SET statement_timeout = {statement_timeout_ms}; SET jit = off"
            ))
            .await
            .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
            Ok(conn)
        })
    });
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(url, config);
    DeadPool::builder(manager)
        .max_size(max_size)
        .runtime(deadpool::Runtime::Tokio1)
        .wait_timeout(Some(Duration::from_secs(5)))
        .create_timeout(Some(Duration::from_secs(3)))
        .recycle_timeout(Some(Duration::from_secs(3)))
        .build()
        .context("could not build the database pool")
}

/// A second connection for work that can use another core (a long list's probes), only if
/// one is free right now: never waits for one, so a busy pool only loses the parallelism.
pub async fn spare(pool: &Pool) -> Option<Conn> {
    let timeouts = deadpool::managed::Timeouts {
        wait: Some(Duration::ZERO),
        ..pool.timeouts()
    };
    pool.timeout_get(&timeouts).await.ok()
}

/// Applies every pending migration; returns the versions applied.
pub async fn migrate(url: &str) -> anyhow::Result<Vec<String>> {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<String>> {
        use diesel::Connection;
        let mut conn = AsyncConnectionWrapper::<AsyncPgConnection>::establish(&url)
            .context("could not connect to the database")?;
        let applied = conn
            .run_pending_migrations(MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
        Ok(applied.iter().map(|v| v.to_string()).collect())
    })
    .await
    .context("migration task failed")?
}

/// Whether the database answers (`SELECT 1`).
pub async fn ping(conn: &mut AsyncPgConnection) -> diesel::QueryResult<()> {
    use diesel_async::RunQueryDsl;
    diesel::sql_query("SELECT 1")
        .execute(conn)
        .await
        .map(|_| ())
}

/// SQL functions defined by the migrations, for queries written with diesel's DSL.
pub mod functions {
    use diesel::sql_types::{Date, Nullable, Text};

    diesel::define_sql_function! {
        /// Lower case, accents and punctuation removed (migration 2026-11-28-000003): what
        /// the generated `search_text` columns hold.
        fn ncen_fold(t: Text) -> Text;
    }

    diesel::define_sql_function! {
        /// The earlier of two dates, ignoring a missing one (PostgreSQL's `least`).
        fn least(a: Nullable<Date>, b: Nullable<Date>) -> Nullable<Date>;
    }
}

/// A closed set of codes kept in a `text` column and sent as a snake_case string: one Rust
/// enum from the database to the wire (diesel `ToSql`/`FromSql`, serde, OpenAPI). Each code
/// must be the snake_case of its variant's name (`assert_codes` checks it in a unit test).
///
/// ```
/// ncen_core::text_enum! {
///     /// Where a case is in its workflow.
///     pub enum CaseStatus { Draft = "draft", Submitted = "submitted" }
/// }
/// assert_eq!(CaseStatus::Submitted.as_str(), "submitted");
/// assert_eq!(CaseStatus::parse("draft"), Some(CaseStatus::Draft));
/// assert_eq!(serde_json::to_string(&CaseStatus::Draft).ok().as_deref(), Some("\"draft\""));
/// ```
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize, utoipa::ToSchema,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
        )]
        #[diesel(sql_type = diesel::sql_types::Text)]
        // serde and utoipa name the variants by this rule; `as_str` must agree (a unit test
        // of each enum checks it), so codes are the snake_case of the variant names.
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(
                    self.as_str(),
                    out,
                )
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $name {
            fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let code = <String as diesel::deserialize::FromSql<
                    diesel::sql_types::Text,
                    diesel::pg::Pg,
                >>::from_sql(value)?;
                Self::parse(&code).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($name), " `{}`"), code).into()
                })
            }
        }
    };
}

/// Checks that serde writes every value of a `text_enum!` as its code (for unit tests).
pub fn assert_codes<T: serde::Serialize + std::fmt::Debug>(
    values: &[T],
    code: impl Fn(&T) -> &'static str,
) {
    for v in values {
        let json = serde_json::to_value(v).unwrap_or_default();
        assert_eq!(json, serde_json::json!(code(v)), "{v:?}");
    }
}
