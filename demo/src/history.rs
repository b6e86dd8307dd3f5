//! The creation entry of each demo record's history (`register_history`), with the values
//! it was registered with, as the API writes it when a record is created (`{field: {old:
//! null, new}}` for every field given), so that every demo record's History shows who
//! registered it and with what.

/// One statement per register; records that already have a history are left alone (a
/// second `ncen demo` run on the same database).
const CREATED: [&str; 3] = [
    "INSERT INTO register_history (kind, record_id, version, action, actor_id, actor_username, at, changes)
     SELECT 'person', p.id, 1, 'create', p.created_by, u.username, p.created_at, (
              SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('old', NULL, 'new', value)), '{}')
                FROM jsonb_each(
                  (to_jsonb(p) - ARRAY['id', 'version', 'created_by', 'created_at', 'updated_by', 'updated_at',
                                       'search_key', 'phonetic_key', 'birth_year', 'birth_month', 'birth_day', 'last_case_at', 'match_latin', 'match_keys', 'match_version'])
                  || jsonb_build_object(
                       'date_of_birth', concat_ws('-', p.birth_year, lpad(p.birth_month::text, 2, '0'), lpad(p.birth_day::text, 2, '0')),
                       'documents', (SELECT jsonb_agg(jsonb_build_object('document_type', d.document_type, 'number', d.number,
                                                 'issuing_country', d.issuing_country, 'expires_on', d.expires_on) ORDER BY d.position)
                                       FROM person_documents d WHERE d.person_id = p.id)))
               WHERE value NOT IN ('null'::jsonb, '[]'::jsonb, '\"\"'::jsonb))
       FROM persons p LEFT JOIN users u ON u.id = p.created_by
      WHERE NOT EXISTS (SELECT 1 FROM register_history h WHERE h.record_id = p.id)",
    "INSERT INTO register_history (kind, record_id, version, action, actor_id, actor_username, at, changes)
     SELECT 'company', c.id, 1, 'create', c.created_by, u.username, c.created_at, (
              SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('old', NULL, 'new', value)), '{}')
                FROM jsonb_each(to_jsonb(c) - ARRAY['id', 'version', 'created_by', 'created_at', 'updated_by', 'updated_at', 'search_key', 'last_case_at', 'match_latin', 'match_keys', 'match_version', 'risk_score', 'risk_own', 'risk_explanation', 'risk_at'])
               WHERE value NOT IN ('null'::jsonb, '[]'::jsonb))
       FROM companies c LEFT JOIN users u ON u.id = c.created_by
      WHERE NOT EXISTS (SELECT 1 FROM register_history h WHERE h.record_id = c.id)",
    "INSERT INTO register_history (kind, record_id, version, action, actor_id, actor_username, at, changes)
     SELECT 'conveyance', v.id, 1, 'create', v.created_by, u.username, v.created_at, (
              SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('old', NULL, 'new', value)), '{}')
                FROM jsonb_each(to_jsonb(v) - ARRAY['id', 'version', 'created_by', 'created_at', 'updated_by', 'updated_at', 'identifier_norm', 'last_case_at'])
               WHERE value NOT IN ('null'::jsonb, '[]'::jsonb))
       FROM conveyances v LEFT JOIN users u ON u.id = v.created_by
      WHERE NOT EXISTS (SELECT 1 FROM register_history h WHERE h.record_id = v.id)",
];

/// Writes the creation entries of every demo record that has no history yet.
pub(super) async fn created(conn: &mut diesel_async::AsyncPgConnection) -> diesel::QueryResult<()> {
    use diesel_async::SimpleAsyncConnection;
    for statement in CREATED {
        conn.batch_execute(statement).await?;
    }
    Ok(())
}
