//! The two database roles (README, "Database roles"): migrations run as the role that owns
//! the schema; the server connects as a runtime role that owns nothing and, on the audit
//! tables, may only INSERT and SELECT (`ncen_grant_runtime`, migration 2026-12-02-000008).

use super::{migrate, MIGRATIONS};
use anyhow::Context;
use diesel::migration::MigrationSource;
use diesel::pg::Pg;
use diesel::sql_types::{Bool, Text};
use diesel::QueryableByName;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Flag {
    #[diesel(sql_type = Bool)]
    flag: bool,
}

async fn connect(url: &str) -> anyhow::Result<AsyncPgConnection> {
    AsyncPgConnection::establish(url)
        .await
        .context("could not connect to the database")
}

async fn current_user(conn: &mut AsyncPgConnection) -> anyhow::Result<String> {
    let row: Name = diesel::sql_query("SELECT current_user::text AS name")
        .get_result(conn)
        .await?;
    Ok(row.name)
}

/// The migrations this build has that the database has not applied. Read without creating
/// diesel's bookkeeping table (as `run_pending_migrations` does), which a runtime role may not.
pub async fn pending(url: &str) -> anyhow::Result<Vec<String>> {
    let mut conn = connect(url).await?;
    let known: Flag =
        diesel::sql_query("SELECT to_regclass('__diesel_schema_migrations') IS NOT NULL AS flag")
            .get_result(&mut conn)
            .await?;
    let applied: Vec<String> = if known.flag {
        diesel::sql_query("SELECT version AS name FROM __diesel_schema_migrations")
            .load::<Name>(&mut conn)
            .await?
            .into_iter()
            .map(|n| n.name)
            .collect()
    } else {
        Vec::new()
    };
    let all = MigrationSource::<Pg>::migrations(&MIGRATIONS)
        .map_err(|e| anyhow::anyhow!("cannot read the embedded migrations: {e}"))?;
    Ok(all
        .iter()
        .map(|m| m.name().version().to_string())
        .filter(|v| !applied.contains(v))
        .collect())
}

/// Brings the database up to date for a server that connects as `runtime`.
///
/// With an `owner` URL (another role): migrates as the owner, then grants the runtime role
/// what the server needs and nothing more (`ncen_grant_runtime`; again after every migration,
/// so that new tables are granted too). Without one, the runtime URL's role does both, as a
/// single-role deployment does; a runtime role that cannot migrate is told to name the owner.
pub async fn migrate_for(owner: Option<&str>, runtime: &str) -> anyhow::Result<Vec<String>> {
    let Some(owner) = owner.filter(|o| *o != runtime) else {
        if pending(runtime).await?.is_empty() {
            return Ok(Vec::new());
        }
        return migrate(runtime).await.context(
            "DATABASE_URL's role could not migrate the database; if it is a runtime role, \
             set DATABASE_OWNER_URL to the URL of the role that owns the schema",
        );
    };
    let applied = migrate(owner).await?;
    grant_runtime(owner, runtime).await?;
    Ok(applied)
}

/// Grants the role of `runtime` its privileges, connected as the owner (a no-op when both
/// URLs name the same role).
pub async fn grant_runtime(owner: &str, runtime: &str) -> anyhow::Result<()> {
    let role = current_user(&mut connect(runtime).await?).await?;
    let mut conn = connect(owner).await?;
    if current_user(&mut conn).await? == role {
        return Ok(());
    }
    diesel::sql_query("SELECT ncen_grant_runtime($1::name)")
        .bind::<Text, _>(&role)
        .execute(&mut conn)
        .await
        .with_context(|| format!("could not grant the runtime role {role} its privileges"))?;
    Ok(())
}
