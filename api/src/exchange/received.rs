//! Cases received from partners and imported: the list (all, or those about one register
//! record), one case with its parties, and a liaison officer's links from its parties to
//! register records.

use super::handlers::TAG;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{delete, get, put, web, HttpResponse};
use ncen_core::exchange::received::{
    self, links, LinkParty, PartyLink, ReceivedCase, ReceivedCaseList, ReceivedQuery,
};
use uuid::Uuid;

/// Cases received from partners and imported, newest import first, each with its provenance;
/// with `person_id` or `company_id`, only those with a party linked to that register record
/// (or to one merged into it).
#[utoipa::path(
    tag = TAG,
    params(ReceivedQuery),
    responses((status = 200, body = ReceivedCaseList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/exchange/received")]
pub(super) async fn list_received(
    state: web::Data<AppState>,
    _auth: AuthUser,
    q: web::Query<ReceivedQuery>,
) -> ApiResult<web::Json<ReceivedCaseList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(received::list(&mut conn, &q).await?))
}

/// A received case: its document as the partner sent it, its provenance, its persons and
/// companies with the register records that may be the same and the alerts they may hit, and
/// every version received. Audited (`exchange.received_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = ReceivedCase), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/exchange/received/{id}")]
pub(super) async fn get_received(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ReceivedCase>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        received::get(&mut conn, &actor, id.into_inner()).await?,
    ))
}

/// Says that the person or company at `position` of a received case is a register record (a
/// person for a person, a company for a company; a merged record's survivor is linked),
/// replacing an earlier link of it. Nothing is copied into the register and nothing merged; a
/// later version of the case that still names the party keeps the link. Refused for a case the
/// sender withdrew (409 `withdrawn`). Audited (`exchange.party_linked`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("position" = i32, Path)),
    request_body = LinkParty,
    responses(
        (status = 200, body = PartyLink),
        Malformed, Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "The sender withdrew the case (`withdrawn`)"),
    ),
    security(("bearer" = []))
)]
#[put("/exchange/received/{id}/parties/{position}/link")]
pub(super) async fn link_party(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, i32)>,
    body: web::Json<LinkParty>,
) -> ApiResult<web::Json<PartyLink>> {
    let (id, position) = path.into_inner();
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        links::link(&mut conn, &actor, &auth, id, position, &body).await?,
    ))
}

/// Takes back the link of the party at `position` (none: nothing changes). Audited
/// (`exchange.party_unlinked`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("position" = i32, Path)),
    responses((status = 204, description = "Not linked (any more)"), Denied, NotFound),
    security(("bearer" = []))
)]
#[delete("/exchange/received/{id}/parties/{position}/link")]
pub(super) async fn unlink_party(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, i32)>,
) -> ApiResult<HttpResponse> {
    let (id, position) = path.into_inner();
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    links::unlink(&mut conn, &actor, id, position).await?;
    Ok(HttpResponse::NoContent().finish())
}
