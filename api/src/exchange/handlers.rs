use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::exchange::dto::{
    AgreementDto, AgreementFields, AgreementList, AgreementQuery, CreateAgreement, CreatePartner,
    NodeIdentity, PartnerDto, PartnerList, Preview, PreviewRequest, UpdatePartner,
};
use ncen_core::exchange::service;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "exchange";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(node)
        .service(list_partners)
        .service(create_partner)
        .service(get_partner)
        .service(update_partner)
        .service(list_agreements)
        .service(create_agreement)
        .service(get_agreement)
        .service(super::files::upload_agreement_document)
        .service(super::files::download_agreement_document)
        .service(update_agreement)
        .service(preview)
        .service(super::cen::pending)
        .service(super::cen::create)
        .service(super::cen::list)
        .service(super::cen::get)
        .service(super::cen::content)
        .service(super::packages::send)
        .service(super::packages::list_outbox)
        .service(super::packages::get_outbox)
        .service(super::packages::approve)
        .service(super::packages::decline)
        .service(super::packages::withdraw)
        .service(super::files::upload)
        .service(super::packages::receive)
        .service(super::packages::list_inbox)
        .service(super::packages::get_inbox)
        .service(super::files::package_file)
        .service(super::packages::import)
        .service(super::packages::dismiss)
        .service(super::received::list_received)
        .service(super::received::get_received)
        .service(super::received::link_party)
        .service(super::received::unlink_party)
        .service(super::files::received_file);
}

/// This node's exchange identity: its public key and fingerprint, to give partners out of
/// band.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = NodeIdentity), Denied),
    security(("bearer" = []))
)]
#[get("/exchange/node")]
async fn node(state: web::Data<AppState>, _auth: AuthUser) -> ApiResult<web::Json<NodeIdentity>> {
    Ok(web::Json(service::identity(
        &state.settings.country,
        &state.exchange_key.verifying_key(),
    )))
}

/// Every partner administration, by name.
#[utoipa::path(
    tag = TAG,
    responses((status = 200, body = PartnerList), Denied),
    security(("bearer" = []))
)]
#[get("/exchange/partners")]
async fn list_partners(
    state: web::Data<AppState>,
    _auth: AuthUser,
) -> ApiResult<web::Json<PartnerList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(service::list_partners(&mut conn).await?))
}

/// Registers a partner administration with the public key it gave out of band; the
/// fingerprint read out by the partner must be the key's own (`fingerprint: mismatch`
/// otherwise). Audited (`exchange.partner_create`).
#[utoipa::path(
    tag = TAG,
    request_body = CreatePartner,
    responses(
        (status = 201, body = PartnerDto),
        Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A partner with this key is already registered"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/partners")]
async fn create_partner(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CreatePartner>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let partner = service::create_partner(&mut conn, &actor, &auth, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(partner.version))
        .insert_header((
            "Location",
            format!("/api/v1/exchange/partners/{}", partner.id),
        ))
        .json(partner))
}

/// One partner.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = PartnerDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/exchange/partners/{id}")]
async fn get_partner(
    state: web::Data<AppState>,
    _auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let partner = service::get_partner(&mut conn, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(partner.version))
        .json(partner))
}

/// Renames a partner, moves its endpoint, suspends or reactivates it: a JSON merge patch of
/// `UpdatePartner`. Needs `If-Match`. A new key is a new partner. Audited with each change.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The partner's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the partner: only what changes; `null` clears",
        content((UpdatePartner = "application/merge-patch+json"), (UpdatePartner = "application/json"))
    ),
    responses((status = 200, body = PartnerDto), Malformed, Denied, NotFound, Conditional, Invalid),
    security(("bearer" = []))
)]
#[patch("/exchange/partners/{id}")]
async fn update_partner(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let partner =
        service::update_partner(&mut conn, &actor, id.into_inner(), expected, &body).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(partner.version))
        .json(partner))
}

/// The agreements (legal bases), of one partner when asked; `in_force` says whether each
/// covers exchanges today.
#[utoipa::path(
    tag = TAG,
    params(AgreementQuery),
    responses((status = 200, body = AgreementList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/exchange/agreements")]
async fn list_agreements(
    state: web::Data<AppState>,
    _auth: AuthUser,
    q: web::Query<AgreementQuery>,
) -> ApiResult<web::Json<AgreementList>> {
    let mut conn = state.conn().await?;
    Ok(web::Json(
        service::list_agreements(&mut conn, q.into_inner().partner_id).await?,
    ))
}

/// Records a legal basis for exchanging cases with a partner. Audited
/// (`exchange.agreement_create`, with every field).
#[utoipa::path(
    tag = TAG,
    request_body = CreateAgreement,
    responses((status = 201, body = AgreementDto), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/exchange/agreements")]
async fn create_agreement(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<CreateAgreement>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let agreement = service::create_agreement(&mut conn, &actor, &auth, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(agreement.version))
        .insert_header((
            "Location",
            format!("/api/v1/exchange/agreements/{}", agreement.id),
        ))
        .json(agreement))
}

/// One agreement.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = AgreementDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/exchange/agreements/{id}")]
async fn get_agreement(
    state: web::Data<AppState>,
    _auth: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let agreement = service::get_agreement(&mut conn, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(agreement.version))
        .json(agreement))
}

/// Corrects, extends or ends an agreement (set `valid_until`): a JSON merge patch of
/// `AgreementFields`. Needs `If-Match`. Audited with each change's old and new value.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The agreement's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the agreement: only what changes; `null` clears",
        content((AgreementFields = "application/merge-patch+json"), (AgreementFields = "application/json"))
    ),
    responses((status = 200, body = AgreementDto), Malformed, Denied, NotFound, Conditional, Invalid),
    security(("bearer" = []))
)]
#[patch("/exchange/agreements/{id}")]
async fn update_agreement(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let agreement =
        service::update_agreement(&mut conn, &actor, id.into_inner(), expected, &body).await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(agreement.version))
        .json(agreement))
}

/// Exactly what would leave for a partner: each validated case through the allow-list of the
/// scope, the agreement it would rest on, and every classified field with whether it leaves.
/// Refused without an agreement in force that covers the scope and the cases' commodity
/// groups (409 `no_agreement`). Audited like a read of the cases (`exchange.preview`).
#[utoipa::path(
    tag = TAG,
    request_body = PreviewRequest,
    responses(
        (status = 200, body = Preview),
        Denied, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "No agreement in force covers the exchange (`no_agreement`)"),
    ),
    security(("bearer" = []))
)]
#[post("/exchange/preview")]
async fn preview(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<PreviewRequest>,
) -> ApiResult<web::Json<Preview>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    Ok(web::Json(
        service::preview(&mut conn, &actor, &auth, body.into_inner()).await?,
    ))
}
