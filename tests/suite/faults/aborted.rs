//! Clients that hang up mid-request: 2 000 connections dropped while sending a body, or
//! right after sending a whole authenticated write (before its answer), leave no database
//! session idle in a transaction, no connection beyond the pool, and a server that answers.

use super::{number, soak};
use ncen_tests::TestApp;
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

/// How the `i`-th connection is cut.
async fn abort_one(addr: &str, token: &str, i: usize, whole: bool) -> std::io::Result<()> {
    let stream = TcpStream::connect(addr).await?;
    // Every other one ends with a reset (SO_LINGER 0) rather than an orderly close.
    if i % 2 == 1 {
        stream.set_zero_linger()?;
    }
    let mut stream = stream;
    let body = json!({ "family_name": "Aborted", "given_names": format!("a{i}") }).to_string();
    if !whole {
        // A body announced longer than what is sent.
        let head = format!(
            "POST /api/v1/persons HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len() + 4096
        );
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(&body.as_bytes()[..body.len() / 2]).await?;
    } else {
        // A whole write, then gone before the answer: at once, or a few milliseconds in
        // (while the server is at the database).
        let request = format!(
            "POST /api/v1/persons HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).await?;
        let wait = (i / 2) % 7;
        if wait > 0 {
            tokio::time::sleep(Duration::from_millis(wait as u64)).await;
        }
    }
    drop(stream);
    Ok(())
}

/// Cuts connections `first..first + count`, `parallel` at a time; returns how many could
/// not even be made.
async fn storm(
    addr: &str,
    token: &str,
    first: usize,
    count: usize,
    parallel: usize,
    whole: bool,
) -> usize {
    let failed = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..parallel)
        .map(|k| {
            let (addr, token, failed) = (addr.to_string(), token.to_string(), failed.clone());
            tokio::spawn(async move {
                for i in (first + k..first + count).step_by(parallel) {
                    if abort_one(&addr, &token, i, whole).await.is_err() {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    failed.load(Ordering::Relaxed)
}

/// The sessions of this database, by state (other than the asking one).
struct Activity {
    idle_in_transaction: i64,
    active: i64,
    written: i64,
}

async fn activity(conn: &mut diesel_async::AsyncPgConnection, db: &str) -> Activity {
    let of = |state: &str| {
        format!(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = '{db}' AND pid <> pg_backend_pid() AND state LIKE '{state}'"
        )
    };
    Activity {
        idle_in_transaction: number(conn, &of("idle in transaction%")).await,
        active: number(conn, &of("active")).await,
        written: number(
            conn,
            "SELECT count(*) FROM persons WHERE family_name = 'Aborted'",
        )
        .await,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aborted_connections_leave_no_session_idle_in_a_transaction() {
    let total = if soak() { 20_000 } else { 2_000 };
    let settle_within = Duration::from_secs(if soak() { 180 } else { 20 });
    let app = TestApp::spawn().await;
    let admin = app.admin_token().await;
    let (_, password) = app.create_user(&admin, "olga", &["officer"]).await;
    let token = app.token("olga", &password).await;
    let addr = app.base.trim_start_matches("http://").to_string();

    // Half send a truncated body, many at once; the other half whole writes, a few at a
    // time so that the server is at the database when they hang up.
    let started = Instant::now();
    let mut failed = storm(&addr, &token, 0, total / 2, 64, false).await;
    failed += storm(&addr, &token, total / 2, total - total / 2, 8, true).await;
    let aborted_in = started.elapsed();
    assert!(
        failed < total / 100,
        "{failed} of {total} connections could not even be made"
    );

    // The server may still be doing the work of writes whose clients left: wait until it is
    // done (nothing active, nothing more written), then no session may be left inside a
    // transaction.
    let mut conn = app.db.conn().await;
    let settling = Instant::now();
    let mut last = activity(&mut conn, &app.db.name).await;
    let right_after = last.idle_in_transaction;
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now = activity(&mut conn, &app.db.name).await;
        let settled =
            now.active == 0 && now.idle_in_transaction == 0 && now.written == last.written;
        last = now;
        if settled || settling.elapsed() > settle_within {
            break;
        }
    }
    let sessions = number(
        &mut conn,
        &format!(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = '{}' AND usename = '{}'",
            app.db.name,
            ncen_tests::RUNTIME_ROLE
        ),
    )
    .await;
    println!(
        "aborted connections: {total} cut in {aborted_in:?} ({failed} not made); idle in transaction right after {right_after}, \
         after settling for {:?} {}; server sessions {sessions}; writes completed anyway {}",
        settling.elapsed(),
        last.idle_in_transaction,
        last.written,
    );
    assert_eq!(
        last.idle_in_transaction, 0,
        "sessions left idle in a transaction"
    );
    assert_eq!(
        last.active, 0,
        "the server is still busy with aborted requests"
    );
    // The pool of 4, and the six listeners (one `LISTEN` connection per instance each for
    // live events, the alert checks, the company risk worker, the statistics worker, the
    // saved-search worker and the exchange's delivery worker).
    assert!(
        sessions <= 10,
        "{sessions} sessions for a pool of 4 and the six listeners"
    );

    // The server still answers, and writes (a 503 while it drains a busy machine's backlog
    // is a fair answer for a moment; anything else is not).
    let deadline = Instant::now() + Duration::from_secs(10);
    let (status, body) = loop {
        let res = app
            .post(
                "/api/v1/persons",
                &token,
                json!({ "family_name": "After", "given_names": "the storm" }),
            )
            .await;
        let status = res.status().as_u16();
        let body = res.text().await.unwrap_or_default();
        if status != 503 || Instant::now() > deadline {
            break (status, body);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    assert_eq!(status, 201, "a write after the storm: {body}");
    let ready = app
        .client
        .get(app.url("/health/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
}
