//! Every migration's `down.sql` exactly undoes its `up.sql` (schema and data).

use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel::RunQueryDsl;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::AsyncPgConnection;
use diesel_migrations::MigrationHarness;
use ncen_tests::TestDb;

#[derive(QueryableByName)]
struct Snapshot {
    #[diesel(sql_type = Text)]
    snapshot: String,
}

const SNAPSHOT: &str = r#"
SELECT coalesce(string_agg(x, E'\n' ORDER BY x), '') AS snapshot FROM (
  SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS x
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'
  UNION ALL SELECT 'idx ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__diesel_schema_migrations'
  UNION ALL SELECT 'con ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '__diesel_schema_migrations'
  UNION ALL SELECT 'fn ' || p.oid::regprocedure::text FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT 'trg ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'ext ' || extname FROM pg_extension
  UNION ALL SELECT 'seq ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'
  UNION ALL SELECT 'type ' || typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd')
  UNION ALL SELECT 'rows ' || table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text
    FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__diesel_schema_migrations'
) s
"#;

#[tokio::test]
async fn every_down_migration_reverses_its_up_migration() {
    let db = TestDb::empty().await;
    let url = db.url();
    let steps = tokio::task::spawn_blocking(move || {
        let mut conn = AsyncConnectionWrapper::<AsyncPgConnection>::establish(&url).unwrap();
        let snapshot = |conn: &mut AsyncConnectionWrapper<AsyncPgConnection>| {
            diesel::sql_query(SNAPSHOT).get_result::<Snapshot>(conn).unwrap().snapshot
        };
        // Apply one at a time, remembering the schema before each.
        let mut before = Vec::new();
        loop {
            let pending = conn.pending_migrations(ncen_core::db::MIGRATIONS).unwrap();
            let Some(next) = pending.into_iter().next() else { break };
            before.push((next.name().to_string(), snapshot(&mut conn)));
            conn.run_migration(&*next).unwrap();
        }
        assert!(before.len() >= 2, "expected the platform migrations");
        let steps = before.len();
        // Revert newest first: each must bring back exactly the state before it ran.
        while let Some((name, expected)) = before.pop() {
            conn.revert_last_migration(ncen_core::db::MIGRATIONS).unwrap();
            let now = snapshot(&mut conn);
            assert!(now == expected, "down.sql of {name} does not undo its up.sql:\n--- before up\n{expected}\n--- after down\n{now}");
        }
        // And they apply cleanly again afterwards.
        conn.run_pending_migrations(ncen_core::db::MIGRATIONS).unwrap();
        steps
    })
    .await
    .unwrap();
    assert!(steps >= 2);
}

/// Every GIN index keeps its pending list small (migration 2026-12-03-000023): a search reads
/// the whole pending list, so a 4 MB default made the register's key probe 40 times slower.
#[tokio::test]
async fn every_gin_index_keeps_a_small_pending_list() {
    let db = TestDb::new().await;
    let mut conn = db.conn().await;
    let loose = ncen_tests::strings(
        &mut conn,
        "SELECT c.relname::text AS value FROM pg_class c JOIN pg_am a ON a.oid = c.relam \
          WHERE a.amname = 'gin' AND c.relnamespace = 'public'::regnamespace \
            AND NOT coalesce(c.reloptions @> ARRAY['gin_pending_list_limit=64'], false) \
          ORDER BY 1",
    )
    .await;
    assert!(
        loose.is_empty(),
        "GIN indexes without `WITH (gin_pending_list_limit = 64)`: {loose:?}"
    );
}
