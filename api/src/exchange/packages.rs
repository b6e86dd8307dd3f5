//! Packages: the outbox (send, approve, decline, follow) and the inbox (a partner's delivery,
//! authenticated by its signature; the review queue).

use super::handlers::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, NotFound};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use ncen_core::exchange::dto::{
    DeclineRequest, InboxList, InboxPackage, OutboxDto, OutboxList, OutboxQuery, SendRequest,
    WithdrawRequest,
};
use ncen_core::exchange::inbox::{self, Attempt};
use ncen_core::exchange::outbox::{self, Node};
use ncen_core::exchange::package::{Ack, Package, HEADER_KEY, HEADER_SENT_AT, HEADER_SIGNATURE};
use ncen_core::exchange::received::{self, DismissRequest, PackageImport};
use uuid::Uuid;

pub(super) fn node(state: &AppState) -> Node<'_> {
    Node {
        key: &state.exchange_key,
        country: &state.settings.country,
    }
}

fn created(package: OutboxDto) -> HttpResponse {
    HttpResponse::Created()
        .insert_header(etag(package.version))
        .insert_header((
            "Location",
            format!("/api/v1/exchange/outbox/{}", package.id),
        ))
        .json(package)
}

fn current(package: OutboxDto) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(package.version))
        .json(package)
}

/// Sends validated cases to a partner. A liaison officer's package is built, signed and
/// queued at once (`pending`; delivered with retries, the partner's signed acknowledgement
/// kept); an investigator's request waits for another liaison officer's approval
/// (`awaiting_approval`). Refused without an agreement in force covering the scope and the
/// cases' commodity groups (409 `no_agreement`). Audited (`exchange.send_request`) with the
/// cases.
#[utoipa::path(
    tag = TAG,
    request_body = SendRequest,
    responses(
        (status = 201, body = OutboxDto),
        Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "No agreement in force covers the exchange (`no_agreement`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/outbox")]
pub(super) async fn send(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<SendRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let package =
        outbox::request(&mut conn, &actor, &auth, &node(&state), body.into_inner()).await?;
    Ok(created(package))
}

/// Packages for partners, newest first, with their delivery status: every package for a
/// liaison officer, one's own requests for anyone else.
#[utoipa::path(
    tag = TAG,
    params(OutboxQuery),
    responses((status = 200, body = OutboxList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/exchange/outbox")]
pub(super) async fn list_outbox(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<OutboxQuery>,
) -> ApiResult<web::Json<OutboxList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        outbox::list(&mut conn, &auth, q.into_inner().status).await?,
    ))
}

/// One package and its delivery (404 for someone else's request, unless a liaison officer).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = OutboxDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/exchange/outbox/{id}")]
pub(super) async fn get_outbox(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(current(
        outbox::get(&mut conn, &auth, id.into_inner()).await?,
    ))
}

/// Approves an investigator's request: the package is built from the cases as they are now,
/// signed and queued. Not one's own request (403 `own_request`); only a request awaiting
/// approval (409 `not_awaiting_approval`); refused if no agreement covers it any more (409
/// `no_agreement`). Needs `If-Match`. Audited (`exchange.send_approve`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The package's current version")),
    responses(
        (status = 200, body = OutboxDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not awaiting approval, or no agreement covers it any more"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/outbox/{id}/approve")]
pub(super) async fn approve(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let package = outbox::approve(
        &mut conn,
        &actor,
        &auth,
        &node(&state),
        id.into_inner(),
        expected,
    )
    .await?;
    Ok(current(package))
}

/// Withdraws the cases of a package the partner acknowledged: a withdrawal package (the
/// cases' references and versions, and the reason) is signed and queued for the partner, who
/// marks them withdrawn on arrival. Under the same agreement, in force or not. Only a package
/// of cases the partner acknowledged (409 `not_acknowledged`), once (409 `already_withdrawn`).
/// Needs the package's `If-Match`; answers the withdrawal package. Audited (`exchange.withdraw`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The package's current version")),
    request_body = WithdrawRequest,
    responses(
        (status = 201, body = OutboxDto, description = "The withdrawal package, queued"),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not acknowledged by the partner (`not_acknowledged`), or withdrawn already (`already_withdrawn`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/outbox/{id}/withdraw")]
pub(super) async fn withdraw(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<WithdrawRequest>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let package = outbox::withdraw(
        &mut conn,
        &actor,
        &auth,
        &node(&state),
        id.into_inner(),
        expected,
        body.into_inner(),
    )
    .await?;
    Ok(created(package))
}

/// Declines an investigator's request, with a reason the requester sees. Needs `If-Match`.
/// Audited (`exchange.send_decline`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The package's current version")),
    request_body = DeclineRequest,
    responses(
        (status = 200, body = OutboxDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not awaiting approval (`not_awaiting_approval`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/outbox/{id}/decline")]
pub(super) async fn decline(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<DeclineRequest>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let package = outbox::decline(
        &mut conn,
        &actor,
        &auth,
        id.into_inner(),
        expected,
        &body.reason,
    )
    .await?;
    Ok(current(package))
}

fn header<'a>(req: &'a HttpRequest, name: &str) -> Option<&'a str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// A partner node delivers a package (see `docs/exchange.md`). Authenticated by the
/// signature, not a user token: `Ncen-Key` names the partner, `Ncen-Signature` is its
/// Ed25519 signature of `ncen-exchange/1\n<Ncen-Sent-At>\n<SHA-256 of the body, hex>`.
/// Answers the signed acknowledgement (body: canonical JSON of `Ack`; `Ncen-Signature`: this
/// node's signature of it), or a precise refusal: 413 `too_large`, 401 `unsigned`,
/// `unknown_key`, `bad_signature`, `stale`, 403 `partner_suspended`, `no_agreement`, 400
/// `malformed`, 422 `malformed`, `wrong_recipient`, `wrong_sender`, 409 `replayed` (with
/// `acknowledgement` and `acknowledgement_signature` when the same package was accepted
/// before), 409 `files_missing` (with `missing`: the SHA-256 of each file the cases list that
/// has not been uploaded yet, `PUT /exchange/inbox/files/{sha256}`); before any check, even
/// before the body is read, 429 `throttled` for an address refused too often in the last 15
/// minutes. Every attempt is audited.
#[utoipa::path(
    tag = TAG,
    params(
        ("Ncen-Key" = String, Header, description = "The sender's Ed25519 public key, 64 hex digits"),
        ("Ncen-Sent-At" = String, Header, description = "When this attempt was made (RFC 3339)"),
        ("Ncen-Signature" = String, Header, description = "Ed25519 signature, 128 hex digits"),
    ),
    request_body(content = Package, description = "The package: canonical JSON (RFC 8785)"),
    responses(
        (status = 200, body = Ack, description = "Accepted; `Ncen-Signature` signs the body"),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "Not a package (`malformed`)"),
        (status = 401, body = Problem, content_type = "application/problem+json", description = "`unsigned`, `unknown_key`, `bad_signature` or `stale`"),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "`partner_suspended` or `no_agreement`"),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "`replayed`, or `files_missing` (`missing`: the files to upload first)"),
        (status = 413, body = Problem, content_type = "application/problem+json", description = "`too_large`"),
        (status = 422, body = Problem, content_type = "application/problem+json", description = "`malformed`, `wrong_recipient` or `wrong_sender`"),
        (status = 429, body = Problem, content_type = "application/problem+json", description = "`throttled`: too many refused packages from this address in 15 minutes (`NCEN_EXCHANGE_MAX_REFUSALS`); see `Retry-After`"),
    )
)]
#[post("/exchange/inbox")]
pub(super) async fn receive(
    state: web::Data<AppState>,
    meta: RequestMeta,
    req: HttpRequest,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let limits = state.settings.inbox_limits();
    let (body, oversize) =
        match arrival(&state, &meta, &mut payload, &limits, limits.max_bytes).await? {
            Ok(read) => read,
            Err(throttled) => return Ok(throttled),
        };
    let attempt = attempt(&req, &meta, &body, oversize);
    let mut conn = state.conn().await?;
    let answer = inbox::receive(&mut conn, &node(&state), &limits, attempt).await?;
    Ok(match answer {
        Ok(accepted) => HttpResponse::Ok()
            .content_type("application/json")
            .insert_header((HEADER_SIGNATURE, accepted.signature))
            .body(accepted.ack),
        Err(refusal) => refused(refusal, oversize),
    })
}

/// A partner's delivery (a package or a file) as it arrives: 429 `throttled` before its body is
/// read for an address refused too often; else its body, up to `max` bytes, and whether there
/// was more (not read further).
pub(super) async fn arrival(
    state: &AppState,
    meta: &RequestMeta,
    payload: &mut web::Payload,
    limits: &inbox::Limits,
    max: usize,
) -> ApiResult<Result<(web::BytesMut, bool), HttpResponse>> {
    {
        let mut conn = state.conn().await?;
        if let Some(r) =
            inbox::throttle(&mut conn, limits, meta.ip, meta.request_id.clone()).await?
        {
            return Ok(Err(refused(r, true)));
        }
    }
    Ok(Ok(read_body(payload, max).await?))
}

/// The attempt a request makes: its signature headers and body.
pub(super) fn attempt<'a>(
    req: &'a HttpRequest,
    meta: &RequestMeta,
    body: &'a [u8],
    oversize: bool,
) -> Attempt<'a> {
    Attempt {
        key: header(req, HEADER_KEY),
        sent_at: header(req, HEADER_SENT_AT),
        signature: header(req, HEADER_SIGNATURE),
        body,
        oversize,
        ip: meta.ip,
        request_id: meta.request_id.clone(),
    }
}

/// The body as it arrives, up to `max` bytes; whether there was more (not read further).
async fn read_body(payload: &mut web::Payload, max: usize) -> ApiResult<(web::BytesMut, bool)> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| crate::error::ApiError::BadRequest(e.to_string()))?;
        if body.len() + chunk.len() > max {
            return Ok((body, true));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, false))
}

/// A refusal of a partner's package or file as a problem document (with the acknowledgement
/// of a replayed package, the files a package waits for, `Retry-After` when throttled); the
/// connection is closed when the body was not read to its end.
pub(super) fn refused(refusal: inbox::Refusal, unread: bool) -> HttpResponse {
    let status = actix_web::http::StatusCode::from_u16(refusal.status)
        .unwrap_or(actix_web::http::StatusCode::BAD_REQUEST);
    let mut problem = serde_json::Map::new();
    problem.insert("type".into(), "about:blank".into());
    problem.insert(
        "title".into(),
        status.canonical_reason().unwrap_or("Refused").into(),
    );
    problem.insert("status".into(), refusal.status.into());
    problem.insert("code".into(), refusal.code.into());
    problem.insert("detail".into(), refusal.detail.into());
    if let Some((ack, signature)) = refusal.ack {
        problem.insert(
            "acknowledgement".into(),
            String::from_utf8_lossy(&ack).into_owned().into(),
        );
        problem.insert("acknowledgement_signature".into(), signature.into());
    }
    if !refusal.missing.is_empty() {
        problem.insert("missing".into(), refusal.missing.into());
    }
    let mut res = HttpResponse::build(status);
    if let Some(secs) = refusal.retry_after {
        res.insert_header(("Retry-After", secs.to_string()));
    }
    if unread {
        res.insert_header(("Connection", "close"));
    }
    res.content_type("application/problem+json").json(problem)
}

/// The review queue: packages received from partners, newest first.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = InboxList), Denied),
    security(("bearer" = []))
)]
#[get("/exchange/inbox")]
pub(super) async fn list_inbox(
    state: web::Data<AppState>,
    _auth: AuthUser,
) -> ApiResult<web::Json<InboxList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(inbox::list(&mut conn).await?))
}

/// A received package with its cases exactly as they arrived. Audited
/// (`exchange.inbox_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = InboxPackage), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/exchange/inbox/{id}")]
pub(super) async fn get_inbox(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<InboxPackage>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        inbox::get(&mut conn, &actor, &auth, id.into_inner()).await?,
    ))
}

/// Imports every case of a received package: each becomes a received case carrying its
/// provenance (partner, package, received at, reference at the sender); a case received
/// before is updated when the package brings a higher version. Its persons and companies are
/// matched against the registers (candidates, never merged) and checked against the active
/// alerts (their owners are notified). Needs `If-Match`; only a package waiting for review
/// (409 `not_received`). Audited (`exchange.import`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The received package's current version")),
    responses(
        (status = 200, body = PackageImport),
        Denied, NotFound, Conditional,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Imported or dismissed already (`not_received`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/inbox/{id}/import")]
pub(super) async fn import(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<PackageImport>> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        received::import(
            &mut conn,
            &actor,
            &auth,
            state.settings.thresholds(),
            id.into_inner(),
            expected,
        )
        .await?,
    ))
}

/// Dismisses a received package with a reason: nothing of it is imported. Needs `If-Match`.
/// Audited (`exchange.dismiss`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The received package's current version")),
    request_body = DismissRequest,
    responses(
        (status = 204, description = "Dismissed"),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Imported or dismissed already (`not_received`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/inbox/{id}/dismiss")]
pub(super) async fn dismiss(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<DismissRequest>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    received::dismiss(
        &mut conn,
        &actor,
        &auth,
        id.into_inner(),
        expected,
        &body.reason,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
