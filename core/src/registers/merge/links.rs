//! The case links a merge moves, and the tables each register keeps them in.

use super::dto::MergeKind;
use crate::error::Result;
use diesel::sql_types::{Int4, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The tables of a register's records, case links and alert subjects.
pub(super) struct Tables {
    pub(super) records: &'static str,
    pub(super) links: &'static str,
    pub(super) column: &'static str,
}

pub(super) fn tables(kind: MergeKind) -> Tables {
    match kind {
        MergeKind::Person => Tables {
            records: "persons",
            links: "seizure_case_persons",
            column: "person_id",
        },
        MergeKind::Company => Tables {
            records: "companies",
            links: "seizure_case_companies",
            column: "company_id",
        },
    }
}

/// A case link as the merge moved it.
#[derive(Debug, Clone, Serialize, Deserialize, QueryableByName)]
pub(super) struct Link {
    #[diesel(sql_type = SqlUuid)]
    pub(super) case_id: Uuid,
    #[diesel(sql_type = Text)]
    pub(super) role: String,
    #[diesel(sql_type = Int4)]
    pub(super) position: i32,
}

pub(super) async fn links_of(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    id: Uuid,
) -> Result<Vec<Link>> {
    let t = tables(kind);
    Ok(diesel::sql_query(format!(
        "SELECT case_id, role, position FROM {} WHERE {} = $1",
        t.links, t.column
    ))
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?)
}

/// Moves `links` from `from` to `to` (delete and insert, so the link tables' triggers see
/// them as any link); a link `to` already has is left.
pub(super) async fn move_links(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    from: Uuid,
    to: Uuid,
    links: &[Link],
) -> Result<()> {
    let t = tables(kind);
    for l in links {
        let removed = diesel::sql_query(format!(
            "DELETE FROM {} WHERE case_id = $1 AND {} = $2 AND role = $3",
            t.links, t.column
        ))
        .bind::<SqlUuid, _>(l.case_id)
        .bind::<SqlUuid, _>(from)
        .bind::<Text, _>(&l.role)
        .execute(conn)
        .await?;
        if removed == 0 {
            continue;
        }
        insert_link(conn, kind, to, l).await?;
    }
    Ok(())
}

pub(super) async fn insert_link(
    conn: &mut AsyncPgConnection,
    kind: MergeKind,
    to: Uuid,
    l: &Link,
) -> Result<()> {
    let t = tables(kind);
    diesel::sql_query(format!(
        "INSERT INTO {} (case_id, {}, role, position) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        t.links, t.column
    ))
    .bind::<SqlUuid, _>(l.case_id)
    .bind::<SqlUuid, _>(to)
    .bind::<Text, _>(&l.role)
    .bind::<Int4, _>(l.position)
    .execute(conn)
    .await?;
    Ok(())
}
