//! One client's event stream: replay from the log after `Last-Event-ID`, then what this
//! instance's listener hands over, in id order, each event once. The database is touched only
//! to replay (at the start, after a gap, after the listener reconnected) and, once a minute,
//! to check the session is still live; an idle stream holds no connection.

use crate::state::AppState;
use actix_web::web::Bytes;
use futures_util::Stream;
use ncen_core::events::hub::Signal;
use ncen_core::events::repo;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use uuid::Uuid;

/// Keep-alive comments this often.
const KEEP_ALIVE: Duration = Duration::from_secs(20);
/// Check the session every this many keep-alives.
const SESSION_CHECK_EVERY: u32 = 3;
/// Events read from the log per query while replaying.
const REPLAY_PAGE: i64 = 500;

pub struct Start {
    pub user: Uuid,
    pub session: Uuid,
    /// `Last-Event-ID`: replay what came after it; `None`: only what comes from now on.
    pub after: Option<i64>,
    /// When the access token expires (Unix seconds): the stream ends then.
    pub expires: i64,
}

/// Starts the stream's task; returns the body it writes.
pub fn open(
    state: Arc<AppState>,
    start: Start,
) -> impl Stream<Item = Result<Bytes, actix_web::Error>> {
    let (tx, rx) = mpsc::channel::<Bytes>(32);
    tokio::spawn(async move {
        if let Err(e) = run(&state, start, &tx).await {
            tracing::debug!(error = %e, "event stream ended");
        }
    });
    futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|b| (Ok::<_, actix_web::Error>(b), rx))
    })
}

/// Why a stream stopped early.
#[derive(Debug, thiserror::Error)]
enum Stop {
    #[error("the client went away")]
    Gone,
    #[error("{0}")]
    Db(#[from] ncen_core::Error),
}

fn frame(id: i64, kind: &str, data: &serde_json::Value) -> Bytes {
    Bytes::from(format!("id: {id}\nevent: {kind}\ndata: {data}\n\n"))
}

async fn send(tx: &mpsc::Sender<Bytes>, bytes: Bytes) -> Result<(), Stop> {
    tx.send(bytes).await.map_err(|_| Stop::Gone)
}

/// One page of the log, retried a few times: right after the database came back, pooled
/// connections to the old server fail once each.
async fn page(state: &AppState, user: Uuid, after: i64) -> Result<Vec<repo::Stored>, Stop> {
    let mut attempt: u32 = 0;
    loop {
        let result = async {
            let mut conn = state.pool.get().await?;
            repo::since(&mut conn, user, after, REPLAY_PAGE).await
        }
        .await;
        match result {
            Ok(rows) => return Ok(rows),
            Err(e) if attempt >= 4 => return Err(e.into()),
            Err(_) => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(300 * u64::from(attempt))).await;
            }
        }
    }
}

/// Sends every logged event after `*last`, advancing it.
async fn replay(
    state: &AppState,
    user: Uuid,
    last: &mut i64,
    tx: &mpsc::Sender<Bytes>,
) -> Result<(), Stop> {
    loop {
        let rows = page(state, user, *last).await?;
        let n = rows.len();
        for e in rows {
            send(tx, frame(e.id, &e.kind, &e.data)).await?;
            *last = e.id;
        }
        if i64::try_from(n).unwrap_or(0) < REPLAY_PAGE {
            return Ok(());
        }
    }
}

async fn run(state: &AppState, start: Start, tx: &mpsc::Sender<Bytes>) -> Result<(), Stop> {
    // Subscribe before reading the log, so nothing committed in between is missed (what is
    // both replayed and announced is skipped by id).
    let mut sub = state.hub.subscribe(start.user);
    let mut last = {
        let mut conn = state.pool.get().await.map_err(ncen_core::Error::from)?;
        match start.after {
            None => repo::last_id(&mut conn, start.user).await?,
            Some(after) => {
                // Events after `after` that were purged cannot be replayed: say so.
                let oldest = repo::bounds(&mut conn, start.user).await?.map(|b| b.0);
                let latest = repo::last_id(&mut conn, start.user).await?;
                let purged = match oldest {
                    Some(lo) => after + 1 < lo,
                    None => after < latest,
                };
                if purged || after > latest {
                    send(
                        tx,
                        Bytes::from(format!("id: {latest}\nevent: reset\ndata: {{}}\n\n")),
                    )
                    .await?;
                    latest
                } else {
                    after
                }
            }
        }
    };
    // Said once the stream's position is known: whatever is committed after a client read
    // this reaches it (a client that connects without `Last-Event-ID` starts from here).
    send(tx, Bytes::from_static(b"retry: 3000\n: connected\n\n")).await?;
    if start.after.is_some() {
        replay(state, start.user, &mut last, tx).await?;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let ends = tokio::time::Instant::now()
        + Duration::from_secs(u64::try_from(start.expires - now).unwrap_or(0));
    let mut keep_alive = tokio::time::interval(KEEP_ALIVE);
    keep_alive.tick().await;
    let mut ticks: u32 = 0;
    loop {
        tokio::select! {
            signal = sub.rx.recv() => {
                let Some(signal) = signal else { return Ok(()) };
                let gap = match signal {
                    Signal::Event(e) if e.id <= last => false,
                    Signal::Event(e) => match (&e.kind, &e.data) {
                        (Some(kind), Some(data)) if e.id == last + 1 => {
                            send(tx, frame(e.id, kind, data)).await?;
                            last = e.id;
                            false
                        }
                        _ => true,
                    },
                    Signal::Resync => true,
                };
                if gap || sub.take_lagged() {
                    replay(state, start.user, &mut last, tx).await?;
                }
            }
            _ = keep_alive.tick() => {
                send(tx, Bytes::from_static(b": keep-alive\n\n")).await?;
                ticks += 1;
                if ticks.is_multiple_of(SESSION_CHECK_EVERY) && !session_live(state, &start).await? {
                    return Ok(());
                }
            }
            _ = tokio::time::sleep_until(ends) => return Ok(()),
        }
    }
}

/// Whether the session is still live. When the database cannot say (it is restarting), the
/// stream goes on: the token's expiry still bounds it.
async fn session_live(state: &AppState, start: &Start) -> Result<bool, Stop> {
    let found = async {
        let mut conn = state.pool.get().await?;
        Ok::<_, ncen_core::Error>(
            ncen_core::users::repo::by_session(&mut conn, start.user, start.session).await?,
        )
    }
    .await;
    Ok(match found {
        Ok(user) => user.is_some(),
        Err(_) => true,
    })
}
