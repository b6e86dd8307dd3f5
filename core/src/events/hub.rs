//! This instance's side of live delivery: one `LISTEN` connection (`listen`) feeding the
//! streams of the users connected here (`Hub`).
//!
//! A stream never waits on another: each has a small queue, and when it is full the event is
//! dropped and the stream marked `lagged`; it then reads what it missed back from the event
//! log. The same happens to every stream after the listening connection was lost and
//! re-established (`Signal::Resync`), so a gap in `NOTIFY` delivery is never a lost event.

use super::CHANNEL;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::StreamExt;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::mpsc;
use uuid::Uuid;

/// How many signals a stream may have waiting before it is marked lagged.
const QUEUE: usize = 64;

/// An event as announced: its address, and its kind and data unless it was too large for
/// `NOTIFY` (then the stream reads it from the log).
#[derive(Debug, Deserialize)]
pub struct Announced {
    #[serde(rename = "u")]
    pub user_id: Uuid,
    #[serde(rename = "i")]
    pub id: i64,
    #[serde(rename = "k")]
    pub kind: Option<String>,
    #[serde(rename = "d")]
    pub data: Option<serde_json::Value>,
}

/// What a stream receives.
#[derive(Debug, Clone)]
pub enum Signal {
    Event(Arc<Announced>),
    /// Events may have been missed: read the log from the last one sent.
    Resync,
}

struct Subscriber {
    key: u64,
    tx: mpsc::Sender<Signal>,
    lagged: Arc<AtomicBool>,
}

/// The streams connected to this instance, by user.
#[derive(Default)]
pub struct Hub {
    streams: Mutex<HashMap<Uuid, Vec<Subscriber>>>,
    next: AtomicU64,
}

/// One stream's registration; dropping it unregisters the stream.
pub struct Subscription {
    hub: Arc<Hub>,
    user: Uuid,
    key: u64,
    pub rx: mpsc::Receiver<Signal>,
    lagged: Arc<AtomicBool>,
}

impl Subscription {
    /// Whether signals were dropped since the last call (the stream must resync).
    pub fn take_lagged(&self) -> bool {
        self.lagged.swap(false, Ordering::AcqRel)
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut streams = self.hub.lock();
        if let Some(list) = streams.get_mut(&self.user) {
            list.retain(|s| s.key != self.key);
            if list.is_empty() {
                streams.remove(&self.user);
            }
        }
    }
}

impl Hub {
    fn lock(&self) -> MutexGuard<'_, HashMap<Uuid, Vec<Subscriber>>> {
        // A panic while holding this lock cannot leave the map inconsistent (each operation
        // is one insert, retain or lookup), so a poisoned lock is still usable.
        self.streams.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn subscribe(self: &Arc<Self>, user: Uuid) -> Subscription {
        let (tx, rx) = mpsc::channel(QUEUE);
        let key = self.next.fetch_add(1, Ordering::Relaxed);
        let lagged = Arc::new(AtomicBool::new(false));
        self.lock().entry(user).or_default().push(Subscriber {
            key,
            tx,
            lagged: lagged.clone(),
        });
        Subscription {
            hub: self.clone(),
            user,
            key,
            rx,
            lagged,
        }
    }

    fn send(sub: &Subscriber, signal: Signal) {
        if sub.tx.try_send(signal).is_err() {
            sub.lagged.store(true, Ordering::Release);
        }
    }

    /// Hands an announced event to its user's streams here.
    pub fn dispatch(&self, event: Announced) {
        let streams = self.lock();
        if let Some(list) = streams.get(&event.user_id) {
            let event = Arc::new(event);
            for sub in list {
                Self::send(sub, Signal::Event(event.clone()));
            }
        }
    }

    /// Tells every stream here to read the log (after `NOTIFY`s may have been missed).
    pub fn resync_all(&self) {
        for sub in self.lock().values().flatten() {
            Self::send(sub, Signal::Resync);
        }
    }

    /// Streams open on this instance.
    pub fn connections(&self) -> usize {
        self.lock().values().map(Vec::len).sum()
    }
}

/// Listens on `CHANNEL` for as long as the process runs, reconnecting after any failure
/// (every stream resyncs from the log once the connection is back).
pub fn spawn_listener(url: String, hub: Arc<Hub>) {
    tokio::spawn(async move {
        let mut backoff = Duration::from_millis(200);
        loop {
            match listen_once(&url, &hub).await {
                Ok(()) => backoff = Duration::from_millis(200),
                Err(e) => tracing::warn!(error = %e, "live events: listening connection lost"),
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(5));
        }
    });
}

async fn listen_once(url: &str, hub: &Hub) -> anyhow::Result<()> {
    let mut conn = AsyncPgConnection::establish(url).await?;
    diesel::sql_query(format!("LISTEN {CHANNEL}"))
        .execute(&mut conn)
        .await?;
    // Whatever was announced while this instance was not listening is in the log.
    hub.resync_all();
    loop {
        // A fresh view of the notification queue each turn (taking it is cheap, and waiting
        // on it is cancel-safe), so the connection is free for the liveness probe below.
        let next = {
            let mut notifications = std::pin::pin!(conn.notifications_stream());
            tokio::time::timeout(Duration::from_secs(30), notifications.next()).await
        };
        match next {
            Ok(Some(Ok(n))) => match serde_json::from_str::<Announced>(&n.payload) {
                Ok(event) => hub.dispatch(event),
                Err(e) => tracing::warn!(error = %e, "live events: unreadable announcement"),
            },
            Ok(Some(Err(e))) => return Err(e.into()),
            Ok(None) => anyhow::bail!("notification stream ended"),
            // Quiet for 30 s: a connection lost without a word stays quiet too, so prove it.
            Err(_) => {
                tokio::time::timeout(
                    Duration::from_secs(10),
                    diesel::sql_query("SELECT 1").execute(&mut conn),
                )
                .await??;
            }
        }
    }
}
