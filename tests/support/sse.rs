//! A Server-Sent Events client for the live-event tests (`GET /api/v1/events`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures_util::StreamExt;
use serde_json::Value;
use std::pin::Pin;
use std::time::Duration;

type Body = Pin<Box<dyn futures_util::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>;

/// One event: its id, name and data.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: i64,
    pub name: String,
    pub data: Value,
}

pub struct Sse {
    body: Body,
    buf: String,
}

impl Sse {
    /// Opens the stream at `url` (a full `…/api/v1/events`), resuming after `last` when given.
    pub async fn open(url: &str, token: &str, last: Option<i64>) -> Self {
        let mut req = reqwest::Client::new().get(url).bearer_auth(token);
        if let Some(last) = last {
            req = req.header("Last-Event-ID", last.to_string());
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 200, "event stream: {}", res.status());
        assert_eq!(
            res.headers()["content-type"].to_str().unwrap(),
            "text/event-stream"
        );
        let mut sse = Sse {
            body: Box::pin(res.bytes_stream()),
            buf: String::new(),
        };
        // The stream starts "now" once it says it is connected: what is sent after that
        // reaches it (before, the server may still be reading its position).
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
        while !sse.buf.contains(": connected\n") {
            let chunk = tokio::time::timeout_at(deadline, sse.body.next())
                .await
                .expect("the stream says it is connected")
                .expect("the stream is open")
                .unwrap();
            sse.buf.push_str(&String::from_utf8_lossy(&chunk));
        }
        sse
    }

    /// The next event (comments skipped), or `None` when none comes within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<Event> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buf.find("\n\n") {
                let frame: String = self.buf.drain(..end + 2).collect();
                let (mut id, mut name, mut data) = (None, None, None);
                for line in frame.lines() {
                    if let Some(v) = line.strip_prefix("id: ") {
                        id = v.parse().ok();
                    } else if let Some(v) = line.strip_prefix("event: ") {
                        name = Some(v.to_string());
                    } else if let Some(v) = line.strip_prefix("data: ") {
                        data = serde_json::from_str(v).ok();
                    }
                }
                if let (Some(id), Some(name)) = (id, name) {
                    return Some(Event {
                        id,
                        name,
                        data: data.unwrap_or(Value::Null),
                    });
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.body.next())
                .await
                .ok()??;
            self.buf.push_str(&String::from_utf8_lossy(&chunk.ok()?));
        }
    }

    /// Events until none comes for `quiet`.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<Event> {
        let mut out = Vec::new();
        while let Some(e) = self.next(quiet).await {
            out.push(e);
        }
        out
    }

    /// The next event named `name` within `wait`, skipping others.
    pub async fn next_named(&mut self, name: &str, wait: Duration) -> Option<Event> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let e = self.next(left).await?;
            if e.name == name {
                return Some(e);
            }
        }
    }
}
