//! Per-request metadata: a request id (echoed in `X-Request-Id`), the client address,
//! structured access logs and Prometheus counters.

use crate::metrics::Metrics;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use ipnetwork::IpNetwork;
use ncen_core::audit::Actor;
use ncen_core::auth::Principal;
use std::future::{ready, Ready};
use std::net::IpAddr;
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// The reverse proxies whose `X-Forwarded-For` is believed (`NCEN_TRUSTED_PROXIES`).
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(pub Vec<IpNetwork>);

impl TrustedProxies {
    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(ip))
    }

    /// The client's address: the peer, unless the peer is a trusted proxy; then, walking
    /// `X-Forwarded-For` from the right (the entry the nearest proxy added), the first
    /// address that is not a trusted proxy. Entries further left are whatever the client
    /// sent and are never believed. An entry that is not an address stops the walk at the
    /// last proxy reached.
    pub fn client(&self, peer: Option<IpAddr>, forwarded_for: Option<&str>) -> Option<IpAddr> {
        let mut client = peer?;
        if !self.trusts(client) {
            return Some(client);
        }
        let hops = forwarded_for.unwrap_or_default().rsplit(',').map(str::trim);
        for hop in hops.filter(|h| !h.is_empty()) {
            let Ok(ip) = hop.parse::<IpAddr>() else {
                break;
            };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        Some(client)
    }
}

/// Who is asking, from where: recorded on every audit row.
#[derive(Clone, Debug)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub ip: Option<IpNetwork>,
    pub user_agent: Option<String>,
}

impl RequestMeta {
    /// The audit actor for a signed-in user making this request.
    pub fn actor(&self, user: &Principal) -> Actor {
        self.actor_id(user.id, &user.username)
    }

    /// The same, from a user's id and username alone (middleware, before any extractor).
    pub fn actor_id(&self, id: uuid::Uuid, username: &str) -> Actor {
        Actor::user(id, username, self.ip, self.request_id.clone())
    }

    /// The audit actor for a request made without a session (a sign-in names its username).
    pub fn anonymous(&self, username: Option<&str>) -> Actor {
        Actor::anonymous(username, self.ip, self.request_id.clone())
    }

    pub fn of(req: &HttpRequest) -> Self {
        let peer = req.peer_addr().map(|a| a.ip());
        let ip = match req.app_data::<web::Data<TrustedProxies>>() {
            Some(proxies) if !proxies.0.is_empty() => {
                // Several `X-Forwarded-For` headers are one list, in order.
                let forwarded: Vec<&str> = req
                    .headers()
                    .get_all("x-forwarded-for")
                    .filter_map(|v| v.to_str().ok())
                    .collect();
                proxies.client(peer, Some(&forwarded.join(",")))
            }
            _ => peer,
        }
        .map(IpNetwork::from);
        let user_agent = req
            .headers()
            .get(actix_web::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|s| s.chars().take(256).collect());
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        Self {
            request_id,
            ip,
            user_agent,
        }
    }
}

impl FromRequest for RequestMeta {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestMeta::of(req)))
    }
}

fn incoming_request_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| value.to_string())
}

/// Assigns the request id, logs the request and records its metrics.
pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().to_string();
    let path = req.path().to_string();
    let span =
        tracing::info_span!("request", request_id = %request_id, method = %method, path = %path);
    let started = Instant::now();
    let mut res = next.call(req).instrument(span.clone()).await?;
    let elapsed = started.elapsed();
    let status = res.status().as_u16();
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_string());
    if let Some(metrics) = metrics {
        metrics.observe_request(&method, &route, status, elapsed);
    }
    span.in_scope(|| {
        tracing::info!(status, route = %route, latency_ms = elapsed.as_secs_f64() * 1000.0, "request served");
    });
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::TrustedProxies;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn the_client_is_the_rightmost_untrusted_hop() {
        let proxies = TrustedProxies(vec![
            "10.0.0.0/8".parse().unwrap_or_else(|_| unreachable!()),
            "127.0.0.1/32".parse().unwrap_or_else(|_| unreachable!()),
        ]);
        let peer = Some(ip("127.0.0.1"));
        // The client forged the leftmost entry; the edge proxy appended the real address.
        let xff = Some("6.6.6.6, 203.0.113.7, 10.1.2.3");
        assert_eq!(proxies.client(peer, xff), Some(ip("203.0.113.7")));
        // A peer that is not a proxy is the client, whatever it claims.
        assert_eq!(
            proxies.client(Some(ip("198.51.100.1")), xff),
            Some(ip("198.51.100.1"))
        );
        // No header: the proxy itself.
        assert_eq!(proxies.client(peer, None), peer);
        // Garbage stops the walk at the last proxy reached.
        assert_eq!(proxies.client(peer, Some("203.0.113.7, junk")), peer);
        // Only proxies: the leftmost one.
        assert_eq!(proxies.client(peer, Some("10.9.9.9")), Some(ip("10.9.9.9")));
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let none = TrustedProxies::default();
        let peer = Some(ip("127.0.0.1"));
        assert_eq!(none.client(peer, Some("6.6.6.6")), peer);
    }
}
