//! Wake-ups across instances: a background task LISTENs on a PostgreSQL channel and wakes a
//! worker when another instance (or a trigger) NOTIFYs it.

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Listens on `channel` on a connection of its own (re-established with back-off when lost)
/// and wakes `wake` at each notification, once when listening starts, and every 30 s of
/// silence never (a keep-alive query checks the connection instead).
pub fn spawn(url: String, channel: &'static str, wake: Arc<Notify>) {
    tokio::spawn(async move {
        let mut backoff = Duration::from_millis(200);
        loop {
            if let Err(e) = listen_once(&url, channel, &wake).await {
                tracing::warn!(error = %e, channel, "listening connection lost");
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(5));
        }
    });
}

async fn listen_once(url: &str, channel: &str, wake: &Notify) -> anyhow::Result<()> {
    use futures_util::StreamExt;
    let mut conn = AsyncPgConnection::establish(url).await?;
    diesel::sql_query(format!("LISTEN {channel}"))
        .execute(&mut conn)
        .await?;
    wake.notify_one();
    loop {
        let next = {
            let mut notifications = std::pin::pin!(conn.notifications_stream());
            tokio::time::timeout(Duration::from_secs(30), notifications.next()).await
        };
        match next {
            Ok(Some(Ok(_))) => wake.notify_one(),
            Ok(Some(Err(e))) => return Err(e.into()),
            Ok(None) => anyhow::bail!("notification stream ended"),
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
