//! What an auditor reads instead of bare ids: the actor's name, and the object's reference or
//! name (a case's reference, a person's or company's name, a user's or unit's name, a
//! thread's subject). Resolved for one page at a time, one statement.

use super::dto::AuditEventDto;
use diesel::sql_types::{Array, Nullable, Text, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// The object types whose label is looked up, and how.
const LABELS: &str = "
    SELECT 'seizure' AS kind, id, reference AS label FROM seizure_cases WHERE id = ANY($1)
    UNION ALL SELECT 'person', id, family_name || coalesce(', ' || given_names, '')
      FROM persons WHERE id = ANY($1)
    UNION ALL SELECT 'company', id, name FROM companies WHERE id = ANY($1)
    UNION ALL SELECT 'conveyance', id, identifier FROM conveyances WHERE id = ANY($1)
    UNION ALL SELECT 'user', id, display_name FROM users WHERE id = ANY($1)
    UNION ALL SELECT 'unit', id, name FROM units WHERE id = ANY($1)
    UNION ALL SELECT 'thread', id, subject FROM message_threads WHERE id = ANY($1)";

#[derive(QueryableByName)]
struct Label {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Nullable<Text>)]
    label: Option<String>,
}

/// Fills `actor_name` and `object_label` of `events`.
pub async fn fill(
    conn: &mut AsyncPgConnection,
    events: &mut [AuditEventDto],
) -> diesel::QueryResult<()> {
    let mut ids: Vec<Uuid> = events.iter().filter_map(|e| e.actor_id).collect();
    ids.extend(events.iter().filter_map(|e| {
        e.object_id
            .as_deref()
            .and_then(|id| Uuid::parse_str(id).ok())
    }));
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let rows: Vec<Label> = diesel::sql_query(LABELS)
        .bind::<Array<SqlUuid>, _>(&ids)
        .load(conn)
        .await?;
    let labels: HashMap<(String, Uuid), String> = rows
        .into_iter()
        .filter_map(|r| Some(((r.kind, r.id), r.label?)))
        .collect();
    for e in events.iter_mut() {
        e.actor_name = e
            .actor_id
            .and_then(|id| labels.get(&("user".to_string(), id)).cloned());
        e.object_label = match (&e.object_type, e.object_id.as_deref()) {
            (Some(kind), Some(id)) => Uuid::parse_str(id)
                .ok()
                .and_then(|id| labels.get(&(kind.clone(), id)).cloned()),
            _ => None,
        };
    }
    Ok(())
}
