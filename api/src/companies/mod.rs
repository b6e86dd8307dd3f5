//! The company database (`ncen_core::companies`) around a company register record: its
//! profile (people, relations, computed links, shared identifiers, typologies, flags, risk),
//! the people and relations it is linked with, fraud typologies and risk flags. Every read is
//! audited (it names persons); every change is audited and recomputes the risk in the same
//! transaction.

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, NotFound};
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{delete, get, http::header, post, web, HttpRequest, HttpResponse};
use diesel_async::AsyncConnection;
use futures_util::StreamExt;
use ncen_core::audit::{record, Event};
use ncen_core::auth::Permission as P;
use ncen_core::companies::dto::{
    CompanyFlag, CompanyFlagInput, CompanyPerson, CompanyPersonInput, CompanyProfile,
    CompanyTimeline, Relation, RelationInput, RiskDto, Typology, TypologyInput,
};
use ncen_core::companies::import::{self, ImportReport};
use ncen_core::companies::network::{self, NeighboursQuery, Network, NetworkQuery};
use ncen_core::companies::{links, profile, risk, timeline};
use ncen_core::Error;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

const TAG: &str = "companies";
const READ: Access = Access::Requires(P::RegistersRead);
const WRITE: Access = Access::Requires(P::RegistersWrite);
const ASSESS: Access = Access::Requires(P::CompaniesAssess);

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_companies)
        .service(get_profile)
        .service(get_network)
        .service(get_neighbours)
        .service(get_risk)
        .service(get_timeline)
        .service(add_person)
        .service(remove_person)
        .service(add_relation)
        .service(remove_relation)
        .service(add_typology)
        .service(remove_typology)
        .service(add_flag)
        .service(remove_flag);
}

pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("POST", "/api/v1/companies/import", WRITE),
        rule("GET", "/api/v1/companies/{id}/profile", READ),
        rule("GET", "/api/v1/companies/{id}/risk", READ),
        rule("GET", "/api/v1/companies/{id}/timeline", READ),
        rule("GET", "/api/v1/companies/{id}/network", READ),
        rule("GET", "/api/v1/companies/{id}/network/neighbours", READ),
        rule("POST", "/api/v1/companies/{id}/people", WRITE),
        rule("DELETE", "/api/v1/companies/{id}/people/{link_id}", WRITE),
        rule("POST", "/api/v1/companies/{id}/relations", WRITE),
        rule(
            "DELETE",
            "/api/v1/companies/{id}/relations/{relation_id}",
            WRITE,
        ),
        rule("POST", "/api/v1/companies/{id}/typologies", ASSESS),
        rule(
            "DELETE",
            "/api/v1/companies/{id}/typologies/{typology_id}",
            ASSESS,
        ),
        rule("POST", "/api/v1/companies/{id}/flags", ASSESS),
        rule("DELETE", "/api/v1/companies/{id}/flags/{flag_id}", ASSESS),
    ],
};

/// Everything the company database holds around a company: its people (with role, share and
/// period), its relations with other companies (seen from this company), the companies it
/// is linked to by a shared address, phone, e-mail, website, bank account, director or owner
/// (addresses shared by more than 20 companies as counts), its identifiers carried by other
/// companies too, its fraud typologies, the analysts' flags and its risk with the explanation.
/// Audited (`company.profile_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = CompanyProfile), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/companies/{id}/profile")]
async fn get_profile(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<CompanyProfile>> {
    let id = id.into_inner();
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    let p = conn
        .transaction::<_, Error, _>(async |c| {
            links::live(c, id).await?;
            let p = profile::profile(c, &auth, id).await?;
            let persons: Vec<Uuid> = p.people.iter().map(|l| l.person.id).collect();
            record(
                c,
                &actor,
                Event::new("company.profile_read")
                    .object("company", id)
                    .details(json!({ "persons": persons })),
            )
            .await?;
            Ok(p)
        })
        .await?;
    Ok(web::Json(p))
}

/// Largest register extract accepted (413 above).
const IMPORT_LIMIT: usize = 5 * 1024 * 1024;

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct ImportParams {
    /// `true` (default): check and match only, write nothing. `false`: create the new
    /// companies.
    dry_run: Option<bool>,
}

/// Imports a company register extract (`text/csv`, at most 5 MB and 10 000 rows; columns:
/// `name` (required), `legal_form`, `country`, `status`, `status_since`, `incorporated_on`,
/// `registration_number`, `tax_id`, `eori`, `vat`, `lei`, `iban`, `aeo`, `street`,
/// `postcode`, `city`, `address_country`, `phone`, `email`, `website`, `activities` and
/// `former_names` (`;`-separated)). Each row is checked as a typed company (field errors name
/// the column), then matched: a known identifier names the existing company, the matching
/// engine from the hit threshold too; between review and hit a new company is proposed with
/// its likely duplicate. A dry run (the default) writes nothing; a commit creates the new
/// companies in one transaction (history and audit as typed ones; rejected rows are skipped)
/// and never changes a matched company. Audited (`company.import_check` / `company.import`).
#[utoipa::path(
    tag = TAG,
    params(ImportParams),
    request_body(content(
        (String = "text/csv", example = json!("name,country,legal_form,vat,street,postcode,city\nAtlas Trading,FR,fr_sas,FR40303265045,12 rue de la Paix,75002,Paris\n")),
    )),
    responses(
        (status = 200, body = ImportReport), Denied, Invalid,
        (status = 413, body = crate::error::Problem, content_type = "application/problem+json", description = "Over 5 MB"),
        (status = 415, body = crate::error::Problem, content_type = "application/problem+json", description = "Not text/csv"),
    ),
    security(("bearer" = []))
)]
#[post("/companies/import")]
async fn import_companies(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    params: web::Query<ImportParams>,
    mut payload: web::Payload,
) -> ApiResult<web::Json<ImportReport>> {
    let kind = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if kind != "text/csv" {
        return Err(crate::error::ApiError::UnsupportedMediaType(
            "the register extract must be text/csv".into(),
        ));
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| {
            crate::error::ApiError::BadRequest("the request body could not be read".into())
        })?;
        if body.len() + chunk.len() > IMPORT_LIMIT {
            return Err(crate::error::ApiError::PayloadTooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    let dry_run = params.dry_run.unwrap_or(true);
    let actor = meta.actor(&auth);
    let t = state.settings.thresholds();
    let mut conn = state.conn().await?;
    let report = conn
        .transaction::<_, Error, _>(async |c| {
            import::run(c, &actor, auth.id, t, &body, dry_run).await
        })
        .await?;
    Ok(web::Json(report))
}

/// The network around the company, `depth` hops (1–3, default 2): companies, persons,
/// addresses, contact points and identifiers shared with another company as nodes; people's
/// roles, relations and shared keys as edges, each with its kind and period. Bounded: at most
/// 50 neighbours per node (the rest counted in `truncated`, paged with `/network/neighbours`)
/// and `limit` nodes (`capped`). `at`: only the people and relations of that date. Audited
/// (`company.network_read`, with every company and person shown).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), NetworkQuery),
    responses((status = 200, body = Network), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/companies/{id}/network")]
async fn get_network(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<NetworkQuery>,
) -> ApiResult<web::Json<Network>> {
    let (id, q, actor) = (id.into_inner(), q.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let n = conn
        .transaction::<_, Error, _>(async |c| {
            network::read(c, &actor, id, network::Which::Around(&q)).await
        })
        .await?;
    Ok(web::Json(n))
}

/// More neighbours of one node of the company's network (a formation agent's address
/// hosting hundreds of companies, a director of many), from `offset`. Audited like the
/// network.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), NeighboursQuery),
    responses((status = 200, body = Network), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/companies/{id}/network/neighbours")]
async fn get_neighbours(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<NeighboursQuery>,
) -> ApiResult<web::Json<Network>> {
    let (id, q, actor) = (id.into_inner(), q.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let n = conn
        .transaction::<_, Error, _>(async |c| {
            network::read(c, &actor, id, network::Which::Neighbours(&q)).await
        })
        .await?;
    Ok(web::Json(n))
}

/// The company's risk score, its band under the configured thresholds and every
/// contribution with the records it counts (they add up to the score; investigations the
/// caller is not on are counted but not named). `pending`: an input changed and the worker
/// has not recomputed yet. Audited (`company.risk_read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = RiskDto), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/companies/{id}/risk")]
async fn get_risk(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<RiskDto>> {
    let id = id.into_inner();
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    let r = conn
        .transaction::<_, Error, _>(async |c| {
            let r = risk::read(c, &auth, id).await?;
            record(
                c,
                &actor,
                Event::new("company.risk_read").object("company", id),
            )
            .await?;
            Ok(r)
        })
        .await?;
    Ok(web::Json(r))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct TimelineParams {
    /// 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
    /// `next_cursor` of the previous page.
    #[param(max_length = 400)]
    cursor: Option<String>,
}

/// The company's timeline, newest first: the cases it appears in (with its roles), the
/// investigations it is linked to, the alerts on it and their hits, and the message threads
/// about it (about its cases or investigations, or warnings watching it) — as the caller may
/// see them: investigations they are not on and other units' alerts are only counted
/// (`restricted`); threads appear to their participants only. Audited
/// (`company.timeline_read`, with every record shown).
#[utoipa::path(
    tag = TAG,
    operation_id = "get_company_timeline",
    params(("id" = Uuid, Path), TimelineParams),
    responses((status = 200, body = CompanyTimeline), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/companies/{id}/timeline")]
async fn get_timeline(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    q: web::Query<TimelineParams>,
) -> ApiResult<web::Json<CompanyTimeline>> {
    let (id, q, actor) = (id.into_inner(), q.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let t = conn
        .transaction::<_, Error, _>(async |c| {
            links::live(c, id).await?;
            let t = timeline::read(c, &auth, id, q.limit, q.cursor.as_deref()).await?;
            let shown: Vec<_> = t
                .items
                .iter()
                .map(|e| json!({ "kind": e.kind, "id": e.id }))
                .collect();
            record(
                c,
                &actor,
                Event::new("company.timeline_read")
                    .object("company", id)
                    .details(json!({ "shown": shown })),
            )
            .await?;
            Ok(t)
        })
        .await?;
    Ok(web::Json(t))
}

/// Links a person to the company with a role, optionally a share (shareholders and
/// beneficial owners; the shares held at one time add up to at most 100 % with the parent
/// companies') and a period.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = CompanyPersonInput,
    responses((status = 201, body = CompanyPerson), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[post("/companies/{id}/people")]
async fn add_person(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<CompanyPersonInput>,
) -> ApiResult<HttpResponse> {
    let (id, input, actor) = (id.into_inner(), body.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let link = conn
        .transaction::<_, Error, _>(async |c| links::add_person(c, &auth, &actor, id, input).await)
        .await?;
    Ok(HttpResponse::Created().json(link))
}

/// Removes a person's link to the company (the audit trail keeps it).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("link_id" = Uuid, Path)),
    responses((status = 204, description = "Removed"), Denied, NotFound),
    security(("bearer" = []))
)]
#[delete("/companies/{id}/people/{link_id}")]
async fn remove_person(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let ((id, link), actor) = (path.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    conn.transaction::<_, Error, _>(async |c| links::remove_person(c, &actor, id, link).await)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Records a relation between the company and another, as "this company is the `kind` of
/// the other": parent (with the share held) or subsidiary, same group, successor of or
/// predecessor of (phoenix companies), agent of or principal of. Refused: the company
/// itself, a cycle of parents or successors, a relation already recorded, shares over 100 %.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = RelationInput,
    responses((status = 201, body = Relation), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[post("/companies/{id}/relations")]
async fn add_relation(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<RelationInput>,
) -> ApiResult<HttpResponse> {
    let (id, input, actor) = (id.into_inner(), body.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let rel = conn
        .transaction::<_, Error, _>(async |c| {
            links::add_relation(c, &auth, &actor, id, input).await
        })
        .await?;
    Ok(HttpResponse::Created().json(rel))
}

/// Removes a relation, from either company.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("relation_id" = Uuid, Path)),
    responses((status = 204, description = "Removed"), Denied, NotFound),
    security(("bearer" = []))
)]
#[delete("/companies/{id}/relations/{relation_id}")]
async fn remove_relation(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let ((id, rel), actor) = (path.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    conn.transaction::<_, Error, _>(async |c| links::remove_relation(c, &actor, id, rel).await)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Records a fraud typology against the company's part in a seizure case or an
/// investigation (exactly one; the company must be named there, and the investigation be one
/// the caller is on). Recomputes the risk.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = TypologyInput,
    responses(
        (status = 201, body = Typology), Denied, NotFound, Invalid,
        (status = 409, body = crate::error::Problem, content_type = "application/problem+json", description = "Already recorded against that case or investigation"),
    ),
    security(("bearer" = []))
)]
#[post("/companies/{id}/typologies")]
async fn add_typology(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<TypologyInput>,
) -> ApiResult<HttpResponse> {
    let (id, input, actor) = (id.into_inner(), body.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let t = conn
        .transaction::<_, Error, _>(async |c| {
            profile::add_typology(c, &auth, &actor, id, input).await
        })
        .await?;
    Ok(HttpResponse::Created().json(t))
}

/// Withdraws a typology (the audit trail keeps it). Recomputes the risk.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("typology_id" = Uuid, Path)),
    responses((status = 204, description = "Withdrawn"), Denied, NotFound),
    security(("bearer" = []))
)]
#[delete("/companies/{id}/typologies/{typology_id}")]
async fn remove_typology(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let ((id, t), actor) = (path.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    conn.transaction::<_, Error, _>(async |c| profile::remove_typology(c, &actor, id, t).await)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sets an analyst's flag: points (−50 to 50, not 0) added to the risk score, with the
/// reason. Recomputes the risk.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = CompanyFlagInput,
    responses((status = 201, body = CompanyFlag), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[post("/companies/{id}/flags")]
async fn add_flag(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<CompanyFlagInput>,
) -> ApiResult<HttpResponse> {
    let (id, input, actor) = (id.into_inner(), body.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    let f = conn
        .transaction::<_, Error, _>(async |c| profile::add_flag(c, &auth, &actor, id, input).await)
        .await?;
    Ok(HttpResponse::Created().json(f))
}

/// Removes a flag. Recomputes the risk.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("flag_id" = Uuid, Path)),
    responses((status = 204, description = "Removed"), Denied, NotFound),
    security(("bearer" = []))
)]
#[delete("/companies/{id}/flags/{flag_id}")]
async fn remove_flag(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let ((id, f), actor) = (path.into_inner(), meta.actor(&auth));
    let mut conn = state.conn().await?;
    conn.transaction::<_, Error, _>(async |c| profile::remove_flag(c, &actor, id, f).await)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
