//! The demo's messages, as their sample users see them.

use super::*;

/// The demo's messages: written through the messaging service (warnings, most with
/// feedback, some overdue; seizure messages carrying their case; discussions), spread over
/// the weeks before the demo's end in the order of each thread, and leaving every sample user
/// unread threads and notifications.
pub(super) async fn demo_messages(app: &TestApp, report: &ncen_demo::Report) {
    assert!(
        report.threads >= 20 && report.messages > report.threads,
        "{report:?}"
    );
    let mut conn = app.db.conn().await;
    let counted = ncen_tests::strings(
        &mut conn,
        "SELECT (SELECT count(*) FROM message_threads)::text || '/' || (SELECT count(*) FROM messages)::text AS value",
    )
    .await;
    assert_eq!(
        counted[0],
        format!("{}/{}", report.threads, report.messages)
    );
    let kinds: HashMap<String, usize> = ncen_tests::strings(
        &mut conn,
        "SELECT kind || ' ' || count(*) AS value FROM message_threads GROUP BY kind",
    )
    .await
    .iter()
    .map(|r| {
        let (kind, n) = r.split_once(' ').unwrap();
        (kind.to_string(), n.parse().unwrap())
    })
    .collect();
    for kind in ["general", "warning", "feedback", "seizure"] {
        assert!(
            kinds.get(kind).copied().unwrap_or(0) > 0,
            "no {kind} thread: {kinds:?}"
        );
    }
    let answered = ncen_tests::strings(
        &mut conn,
        "SELECT count(*)::text AS value FROM message_threads w WHERE w.kind = 'warning' \
           AND EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = w.id)",
    )
    .await;
    assert_ne!(answered[0], "0", "no warning has feedback");

    // Times: over weeks, never in the future; each thread of the story (not the investigations'
    // threads, written live) starts with its first message and
    // moves with its last (in every participant row too); reads follow what they read, and a
    // read mark covers only messages with a receipt; deadlines agree with the template.
    // Every placeholder of the texts is filled; some messages are in French.
    let times = ncen_tests::strings(
        &mut conn,
        "SELECT (max(sent_at) - min(sent_at) > interval '14 days' AND max(sent_at) <= now())::text \
           || ' ' || (SELECT count(*) FROM message_threads t \
                       WHERE t.investigation_id IS NULL AND (t.created_at <> (SELECT min(sent_at) FROM messages m WHERE m.thread_id = t.id) \
                          OR t.last_message_at <> (SELECT max(sent_at) FROM messages m WHERE m.thread_id = t.id) \
                          OR (t.kind = 'warning' AND (t.fields->'warning'->>'feedback_due')::timestamptz <> t.feedback_due) \
                          OR EXISTS (SELECT 1 FROM thread_participants p \
                                      WHERE p.thread_id = t.id AND p.last_message_at <> t.last_message_at)))::text \
           || ' ' || (SELECT count(*) FROM thread_reads r JOIN messages m ON m.thread_id = r.thread_id \
                       WHERE m.sender_id <> r.user_id AND m.sent_at <= r.read_up_to \
                         AND NOT EXISTS (SELECT 1 FROM message_reads x \
                                          WHERE x.message_id = m.id AND x.user_id = r.user_id))::text \
           || ' ' || (SELECT count(*) FROM message_reads r JOIN messages m ON m.id = r.message_id \
                       WHERE r.read_at < m.sent_at)::text \
           || ' ' || (SELECT count(*) FROM notifications n WHERE n.created_at > now() OR n.read_at < n.created_at)::text \
           || ' ' || (SELECT count(*) FROM messages m JOIN message_threads t ON t.id = m.thread_id \
                       WHERE m.body ~ '[{][a-z_]+[}]' OR t.subject ~ '[{][a-z_]+[}]')::text \
           || ' ' || (SELECT count(*) FROM messages WHERE body LIKE '%é%')::text AS value FROM messages",
    )
    .await;
    let times: Vec<&str> = times[0].split(' ').collect();
    assert_eq!(&times[..6], ["true", "0", "0", "0", "0", "0"], "{times:?}");
    assert_ne!(times[6], "0", "no message in French");

    // A warning past its deadline without feedback: overdue in its author's list, and the
    // overdue watcher tells the author.
    let author = ncen_tests::strings(
        &mut conn,
        "SELECT u.username AS value FROM message_threads t JOIN users u ON u.id = t.created_by \
          WHERE t.kind = 'warning' AND t.feedback_due < now() \
            AND NOT EXISTS (SELECT 1 FROM message_threads f WHERE f.replies_to = t.id) \
          ORDER BY t.feedback_due LIMIT 1",
    )
    .await;
    assert_eq!(author.len(), 1, "no overdue warning");
    let author = app.token(&author[0], DEFAULT_PASSWORD).await;
    let page: Value = app
        .get("/api/v1/threads?overdue=true", &author)
        .await
        .json()
        .await
        .unwrap();
    let overdue = page["items"].as_array().unwrap();
    assert!(
        !overdue.is_empty()
            && overdue
                .iter()
                .all(|t| t["overdue"] == true && (t["kind"] == "warning" || t["kind"] == "request")),
        "{page}"
    );
    ncen_core::messaging::live::overdue_pass(&mut conn)
        .await
        .unwrap();
    let notes: Value = app
        .get("/api/v1/notifications?unread=true&limit=200", &author)
        .await
        .json()
        .await
        .unwrap();
    assert!(
        notes["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "feedback_overdue"),
        "{notes}"
    );

    // Seizure messages carry the summary of a case that exists; a seized feedback names a
    // case its sender may see.
    let seizures = ncen_tests::strings(
        &mut conn,
        "SELECT t.id::text || ' ' || u.username || ' ' || c.reference AS value \
           FROM message_threads t JOIN users u ON u.id = t.created_by \
           LEFT JOIN seizure_cases c ON c.id = t.case_id \
          WHERE t.kind = 'seizure' ORDER BY t.created_at",
    )
    .await;
    assert!(!seizures.is_empty());
    assert_eq!(
        seizures.len(),
        kinds["seizure"],
        "a seizure message without its case"
    );
    let (thread, rest) = seizures[0].split_once(' ').unwrap();
    let (sender, reference) = rest.split_once(' ').unwrap();
    let token = app.token(sender, DEFAULT_PASSWORD).await;
    let detail: Value = app
        .get(&format!("/api/v1/threads/{thread}"), &token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(detail["seizure"]["reference"], reference, "{detail}");
    assert!(!detail["messages"].as_array().unwrap().is_empty());
    let seized = ncen_tests::strings(
        &mut conn,
        "SELECT u.username || ' ' || f.case_id::text AS value FROM message_threads f \
           JOIN users u ON u.id = f.created_by WHERE f.kind = 'feedback' AND f.outcome = 'seized'",
    )
    .await;
    for row in &seized {
        let (sender, case) = row.split_once(' ').unwrap();
        let token = app.token(sender, DEFAULT_PASSWORD).await;
        let res = app.get(&format!("/api/v1/seizures/{case}"), &token).await;
        assert_eq!(
            res.status(),
            200,
            "{sender} cannot see the case of their feedback"
        );
    }
    drop(conn);

    // Every sample user who signs in finds unread threads and notifications.
    for (username, _) in &report.sample_users {
        let token = app.token(username, DEFAULT_PASSWORD).await;
        let threads: Value = app
            .get("/api/v1/threads?unread=true", &token)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            threads["unread_total"].as_i64().unwrap() > 0,
            "{username}: {threads}"
        );
        let notes: Value = app
            .get("/api/v1/notifications?unread=true", &token)
            .await
            .json()
            .await
            .unwrap();
        assert!(
            notes["unread_total"].as_i64().unwrap() > 0,
            "{username}: {notes}"
        );
    }
}
