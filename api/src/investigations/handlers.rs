use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::investigations::dto::{
    InvestigationDto, InvestigationInput, InvestigationList, InvestigationPatch,
    InvestigationQuery, MemberDto, MemberInput, TransitionInput,
};
use ncen_core::investigations::{service, team};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "investigations";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_investigations)
        .service(open_investigation)
        .service(get_investigation)
        .service(update_investigation)
        .service(transition_investigation)
        .service(add_member)
        .service(remove_member);
}

fn respond(inv: InvestigationDto) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(etag(inv.version))
        .json(inv)
}

/// The investigations the caller may see — those whose team they or their unit are on, those
/// they lead, and for a supervisor those their unit supervises — most recently changed first
/// (audited as `investigation.list` with the ids shown).
#[utoipa::path(
    tag = TAG,
    params(InvestigationQuery),
    responses((status = 200, body = InvestigationList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/investigations")]
async fn list_investigations(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    q: web::Query<InvestigationQuery>,
) -> ApiResult<web::Json<InvestigationList>> {
    let mut conn = state.conn().await?;
    let list = service::list(&mut conn, &auth, &meta.actor(&auth), q.into_inner()).await?;
    Ok(web::Json(list))
}

/// Opens an investigation supervised by the caller's unit (status `opened`), with its first
/// team and links (a seizure case, person, company, conveyance, alert or hit it starts from).
/// Whoever opens it and is not a supervisor joins the team; only a supervisor names the lead.
#[utoipa::path(
    tag = TAG,
    request_body = InvestigationInput,
    responses((status = 201, body = InvestigationDto), Denied, Invalid),
    security(("bearer" = []))
)]
#[post("/investigations")]
async fn open_investigation(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<InvestigationInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let country = &state.settings.country;
    let inv = service::create(&mut conn, &auth, &actor, country, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(etag(inv.version))
        .insert_header(("Location", format!("/api/v1/investigations/{}", inv.id)))
        .json(inv))
}

/// An investigation with its team, counts, the caller's standing and the statuses the caller
/// may move it to (audited as `investigation.read`). 404 for anyone not entitled to know it
/// exists.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = InvestigationDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/investigations/{id}")]
async fn get_investigation(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let inv = service::get(&mut conn, &auth, &meta.actor(&auth), id.into_inner()).await?;
    Ok(respond(inv))
}

/// Corrects the investigation (JSON merge patch): the lead or a supervisor of its unit; only
/// a supervisor changes the lead. A closed investigation is reopened first (409). Needs
/// `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The investigation's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the investigation: only what changes; `null` clears",
        content((InvestigationPatch = "application/merge-patch+json"), (InvestigationPatch = "application/json"))
    ),
    responses(
        (status = 200, body = InvestigationDto),
        Malformed, Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[patch("/investigations/{id}")]
async fn update_investigation(
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
    let id = id.into_inner();
    let inv = service::update(&mut conn, &auth, &actor, id, expected, body.into_inner()).await?;
    Ok(respond(inv))
}

/// Moves the investigation in its workflow, with the reason (closing: with the outcome).
/// `opened → assigned` (a supervisor, a lead named), `assigned`/`reopened → in_progress` (the
/// lead), `in_progress → under_review` (the lead), `under_review → in_progress` (a
/// supervisor), any open status `→ suspended` and back where it was, `→ closed`, and
/// `closed → reopened` (a supervisor). 409 for a move the workflow does not have from the
/// current status; 403 `investigation_role` for one reserved to someone else. Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The investigation's current version")),
    request_body = TransitionInput,
    responses(
        (status = 200, body = InvestigationDto),
        Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Not a move from the current status, or no lead"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/transitions")]
async fn transition_investigation(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<TransitionInput>,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(&req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let id = id.into_inner();
    let inv =
        service::transition(&mut conn, &auth, &actor, id, expected, body.into_inner()).await?;
    Ok(respond(inv))
}

/// Adds a user (who may work on investigations) or a whole unit to the team: the lead or a
/// supervisor. Answers the team.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = MemberInput,
    responses(
        (status = 200, body = Vec<MemberDto>),
        Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already on the team, or closed"),
    ),
    security(("bearer" = []))
)]
#[post("/investigations/{id}/members")]
async fn add_member(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<MemberInput>,
) -> ApiResult<web::Json<Vec<MemberDto>>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let team = team::add(&mut conn, &auth, &actor, id.into_inner(), body.into_inner()).await?;
    Ok(web::Json(team))
}

/// Removes a member from the team (the lead or a supervisor); the timeline keeps that they
/// were on it. Answers the team.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("member_id" = Uuid, Path)),
    responses(
        (status = 200, body = Vec<MemberDto>),
        Denied, NotFound,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Closed"),
    ),
    security(("bearer" = []))
)]
#[delete("/investigations/{id}/members/{member_id}")]
async fn remove_member(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<web::Json<Vec<MemberDto>>> {
    let (id, member) = path.into_inner();
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let team = team::remove(&mut conn, &auth, &actor, id, member).await?;
    Ok(web::Json(team))
}
