//! Link analysis (`ncen_core::analysis`): a node's neighbours across cases, persons,
//! companies, conveyances, identifiers and contact points, and the shortest chain between
//! two nodes. Read by whoever reads cases and the registers; every read is audited with the
//! records it showed.

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, NotFound};
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{get, web};
use ncen_core::analysis::dto::{ExpandParams, LinkGraph, LinkPath, PathParams};
use ncen_core::auth::Permission as P;
use utoipa_actix_web::service_config::ServiceConfig;

const TAG: &str = "analysis";
const READ: Access = Access::Requires(P::RegistersRead);

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(expand).service(path);
}

pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule("GET", "/api/v1/analysis/graph", READ),
        rule("GET", "/api/v1/analysis/path", READ),
    ],
};

/// A node of the link graph and a page of its neighbours: a case's persons, companies and
/// conveyances; a person's, company's or conveyance's cases (latest first; within `from`–`to`
/// when given); a company's people and related companies, a person's companies; the
/// identifiers (document numbers, trade identifiers, bank accounts), phones, e-mails and
/// addresses a person or company shares with another, and who shares them. `kinds` keeps
/// some kinds of neighbours only. Another unit's drafts never appear. 404 for a record
/// unknown (or not to be known) and for a key nothing shares. Audited
/// (`analysis.graph_read`, with every case, person, company and conveyance shown).
#[utoipa::path(
    tag = TAG,
    params(ExpandParams),
    responses((status = 200, body = LinkGraph), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/analysis/graph")]
async fn expand(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<ExpandParams>,
) -> ApiResult<web::Json<LinkGraph>> {
    auth.require(P::SeizuresRead)?;
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    Ok(web::Json(
        ncen_core::analysis::expand(&mut conn, &auth, &actor, query.into_inner()).await?,
    ))
}

/// The shortest chain of links between two nodes of the link graph, of at most `max_hops`
/// links (default 4), through the kinds of nodes in `kinds` and the cases of `from`–`to`.
/// Searched from both ends at once; a node with more than 1 000 links (a hub) is followed
/// through its first 1 000 only, and `complete` is then false. Audited
/// (`analysis.path_read`, with the chain's records).
#[utoipa::path(
    tag = TAG,
    params(PathParams),
    responses((status = 200, body = LinkPath), Denied, NotFound, Invalid),
    security(("bearer" = []))
)]
#[get("/analysis/path")]
async fn path(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<PathParams>,
) -> ApiResult<web::Json<LinkPath>> {
    auth.require(P::SeizuresRead)?;
    let actor = meta.actor(&auth);
    let mut conn = state.conn().await?;
    Ok(web::Json(
        ncen_core::analysis::path(&mut conn, &auth, &actor, query.into_inner()).await?,
    ))
}
