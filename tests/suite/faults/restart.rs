//! The database goes away and comes back while clients write: readiness and writes answer
//! 503 problem documents meanwhile (never a 500, never a hang), writes succeed again within
//! 5 s of the database's return, and every acknowledged write is stored exactly once.
//!
//! The database is a private PostgreSQL cluster (`process::Cluster`), really stopped
//! (`pg_ctl stop -m fast`, then `-m immediate`: a crash) and started again; the shared test
//! cluster is never touched. The server runs in a process of its own.

use super::{assert_chain_verifies, http, number, soak, user, CHILD_ENTRY};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ncen_tests::process::{ChildConfig, ChildServer, Cluster};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The longest a client waits for an answer: a request still unanswered then has hung.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest the service may take to write again once the database is back.
const RECOVERY_BUDGET: Duration = Duration::from_secs(5);

/// One write and what came of it.
struct Write {
    marker: String,
    started: Instant,
    ended: Instant,
    status: Option<u16>,
    content_type: String,
    id: Option<String>,
    error: Option<String>,
}

impl Write {
    fn acknowledged(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s)) && self.id.is_some()
    }
}

type Log = Arc<Mutex<Vec<Write>>>;

/// Creates persons one after another until `stop`; each marked `w<client>-<n>` so that a
/// stored row can be traced to its request.
async fn writer(base: String, token: String, client: usize, stop: Arc<AtomicBool>, log: Log) {
    let c = http(CLIENT_TIMEOUT);
    let mut n = 0;
    while !stop.load(Ordering::SeqCst) {
        n += 1;
        let marker = format!("w{client}-{n}");
        let started = Instant::now();
        let res = c
            .post(format!("{base}/api/v1/persons"))
            .bearer_auth(&token)
            .json(&json!({ "family_name": "Fault", "given_names": marker }))
            .send()
            .await;
        let mut write = Write {
            marker,
            started,
            ended: started,
            status: None,
            content_type: String::new(),
            id: None,
            error: None,
        };
        match res {
            Ok(res) => {
                write.status = Some(res.status().as_u16());
                write.content_type = res
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_string();
                match res.json::<Value>().await {
                    Ok(body) => write.id = body["id"].as_str().map(str::to_string),
                    Err(e) => write.error = Some(format!("reading the body: {e}")),
                }
            }
            Err(e) => {
                let kind = if e.is_timeout() {
                    "timeout"
                } else {
                    "transport"
                };
                write.error = Some(format!("{kind}: {e}"));
            }
        }
        write.ended = Instant::now();
        let failed = !write.acknowledged();
        log.lock().unwrap().push(write);
        if failed {
            // A client backs off a little rather than spin on a failing service.
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// Waits until a write that ended after `since` was acknowledged; returns when it ended.
async fn first_success_after(log: &Log, since: Instant, within: Duration) -> Option<Instant> {
    let deadline = Instant::now() + within;
    loop {
        let found = log
            .lock()
            .unwrap()
            .iter()
            .rev()
            .take_while(|w| w.ended > since)
            .filter(|w| w.acknowledged())
            .map(|w| w.ended)
            .min();
        if found.is_some() || Instant::now() > deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_survive_a_database_restart_and_resume_within_five_seconds() {
    let soak = soak();
    let clients = if soak { 8 } else { 4 };
    let modes: Vec<&str> = if soak {
        ["fast", "immediate"].repeat(5)
    } else {
        vec!["fast", "immediate"]
    };
    let down_for = Duration::from_millis(if soak { 3000 } else { 1200 });

    let cluster = Cluster::start().await;
    cluster.database("faults").await;
    let server = ChildServer::spawn(ChildConfig::new(
        CHILD_ENTRY,
        &cluster.runtime_url("faults"),
    ))
    .await;
    let officer = user(&server.base, "olga", &["officer"]).await;
    let auditor = user(&server.base, "audrey", &["auditor"]).await;

    let stop = Arc::new(AtomicBool::new(false));
    let log: Log = Arc::default();
    let writers: Vec<_> = (0..clients)
        .map(|client| {
            tokio::spawn(writer(
                server.base.clone(),
                officer.clone(),
                client,
                stop.clone(),
                log.clone(),
            ))
        })
        .collect();
    assert!(
        first_success_after(&log, Instant::now(), Duration::from_secs(10))
            .await
            .is_some(),
        "no write succeeded before the restart:\n{}",
        server.log()
    );
    tokio::time::sleep(Duration::from_millis(300)).await;

    let health = http(CLIENT_TIMEOUT);
    let mut windows = Vec::new();
    let mut recoveries = Vec::new();
    for mode in &modes {
        tokio::task::block_in_place(|| cluster.stop(mode));
        let stopped = Instant::now();
        // While it is down, readiness says so, as a problem document, at once.
        let mut probes = 0;
        while stopped.elapsed() < down_for {
            let asked = Instant::now();
            let res = health
                .get(server.url("/health/ready"))
                .send()
                .await
                .expect("readiness answers while the database is down");
            assert!(
                asked.elapsed() < Duration::from_secs(4),
                "readiness took {:?}",
                asked.elapsed()
            );
            assert_eq!(res.status(), 503, "readiness with the database down");
            assert_eq!(res.headers()["content-type"], "application/problem+json");
            probes += 1;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(probes >= 3);
        // The database may accept connections before `pg_ctl start -w` notices: the window
        // in which writes must be refused ends when the start begins.
        let starting = Instant::now();
        tokio::task::block_in_place(|| cluster.start_again());
        let up = Instant::now();
        windows.push((stopped, starting));
        let back = first_success_after(&log, up, Duration::from_secs(20)).await;
        let recovery = back.map(|at| at.duration_since(up));
        println!("restart ({mode}): writes again after {recovery:?}");
        assert!(
            recovery.is_some_and(|r| r <= RECOVERY_BUDGET),
            "no write succeeded within {RECOVERY_BUDGET:?} of the database's return ({mode}): {recovery:?}\n{}",
            server.log()
        );
        recoveries.push(recovery.unwrap());
        // Readiness follows (a probe may still meet a pooled connection of the old server).
        let deadline = Instant::now() + Duration::from_secs(2);
        let mut ready = 0;
        while ready != 200 && Instant::now() < deadline {
            ready = health
                .get(server.url("/health/ready"))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16();
        }
        assert_eq!(ready, 200, "ready again after the restart");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    stop.store(true, Ordering::SeqCst);
    for w in writers {
        w.await.unwrap();
    }

    let log = std::mem::take(&mut *log.lock().unwrap());
    // Every answer is a success or a 503 problem document, and nothing hangs or breaks.
    let mut statuses: HashMap<String, usize> = HashMap::new();
    for w in &log {
        let key = match (w.status, &w.error) {
            (Some(s), None) => s.to_string(),
            (_, Some(e)) => e.split(':').next().unwrap_or_default().to_string(),
            (None, None) => unreachable!(),
        };
        *statuses.entry(key).or_default() += 1;
    }
    let odd: Vec<_> = log
        .iter()
        .filter(|w| !w.acknowledged() && (w.status != Some(503) || w.error.is_some()))
        .map(|w| format!("{}: {:?} {:?}", w.marker, w.status, w.error))
        .collect();
    assert!(
        odd.is_empty(),
        "writes that neither succeeded nor answered 503: {odd:?}\n{}",
        server.log()
    );
    let not_problems = log
        .iter()
        .filter(|w| w.status == Some(503) && w.content_type != "application/problem+json")
        .count();
    assert_eq!(
        not_problems, 0,
        "503 answers that are not problem documents"
    );
    // A write made while the database was down is refused, not acknowledged.
    let mut refused_while_down = 0;
    for (stopped, up) in &windows {
        for w in log
            .iter()
            .filter(|w| w.started >= *stopped && w.ended <= *up)
        {
            assert_eq!(
                w.status,
                Some(503),
                "{} while the database was down",
                w.marker
            );
            refused_while_down += 1;
        }
    }
    assert!(
        refused_while_down > 0,
        "no write was made while the database was down"
    );

    // Every acknowledged write is stored, once; rows nobody acknowledged can only come from
    // writes that failed at the moment the database went away (one in flight per client).
    let mut conn = AsyncPgConnection::establish(&cluster.url("faults"))
        .await
        .unwrap();
    let rows = ncen_tests::strings(
        &mut conn,
        "SELECT id::text || ' ' || given_names AS value FROM persons WHERE family_name = 'Fault'",
    )
    .await;
    let mut stored: HashMap<String, Vec<String>> = HashMap::new();
    for row in &rows {
        let (id, marker) = row.split_once(' ').unwrap();
        stored
            .entry(marker.to_string())
            .or_default()
            .push(id.to_string());
    }
    let acknowledged: Vec<&Write> = log.iter().filter(|w| w.acknowledged()).collect();
    let found = acknowledged
        .iter()
        .filter(|w| {
            stored
                .get(&w.marker)
                .is_some_and(|ids| ids.contains(w.id.as_ref().unwrap()))
        })
        .count();
    let duplicates: usize = stored.values().map(|ids| ids.len() - 1).sum();
    let acked_markers: HashSet<&str> = acknowledged.iter().map(|w| w.marker.as_str()).collect();
    let failed_markers: HashSet<&str> = log
        .iter()
        .filter(|w| !w.acknowledged())
        .map(|w| w.marker.as_str())
        .collect();
    let unacknowledged: Vec<&String> = stored
        .keys()
        .filter(|m| !acked_markers.contains(m.as_str()))
        .collect();
    let failed = log.len() - acknowledged.len();
    let recovery_ms: Vec<u128> = recoveries.iter().map(Duration::as_millis).collect();
    println!(
        "database restart: {} writes by {clients} clients over {} restarts ({modes:?}); answers {statuses:?}; \
         acknowledged {}, found {found}, duplicates {duplicates}, stored without acknowledgement {} \
         (of {failed} refused writes), refused while down {refused_while_down}, recovery ms {recovery_ms:?}",
        log.len(),
        modes.len(),
        acknowledged.len(),
        unacknowledged.len(),
    );
    assert_eq!(found, acknowledged.len(), "acknowledged writes are missing");
    assert_eq!(duplicates, 0, "a write was stored twice");
    assert!(
        unacknowledged
            .iter()
            .all(|m| failed_markers.contains(m.as_str())),
        "rows of writes never made: {unacknowledged:?}"
    );
    assert!(
        unacknowledged.len() <= clients * modes.len(),
        "{} rows were stored for writes answered with an error",
        unacknowledged.len()
    );
    // Each stored person was audited in its own transaction, and the chain held.
    let audited = number(
        &mut conn,
        "SELECT count(*) FROM audit_events WHERE action = 'person.create'",
    )
    .await;
    assert_eq!(audited as usize, rows.len(), "person.create events vs rows");
    assert_chain_verifies(&server.base, &auditor).await;
}
