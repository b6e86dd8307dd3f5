use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::precondition::expected_version;
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest};
use diesel_async::AsyncConnection;
use ncen_core::audit::{record, Event};
use ncen_core::registers::companies::Companies;
use ncen_core::registers::merge::dto::{
    DuplicatePage, DuplicatePair, DuplicateQuery, MergeDto, MergeInput, MergeKind, MergeList,
    MergeQuery, ReasonInput,
};
use ncen_core::registers::merge::{queue, service};
use ncen_core::registers::persons::Persons;
use ncen_core::registers::Register;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "duplicates";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_duplicates)
        .service(get_pair)
        .service(distinct_pair)
        .service(merge_person)
        .service(merge_company)
        .service(list_merges)
        .service(undo_merge);
}

/// The queue of likely duplicates in the registers, best score first: pairs the matching
/// engine found when a record was created or changed, each with its score and explanation.
/// Open pairs unless `status` says otherwise (an open pair one of whose records has since
/// been merged is left out). Supervisors. Audited (`duplicate.list`, with the records shown).
#[utoipa::path(
    tag = TAG,
    params(DuplicateQuery),
    responses((status = 200, body = DuplicatePage), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/duplicates")]
async fn list_duplicates(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<DuplicateQuery>,
) -> ApiResult<web::Json<DuplicatePage>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let q = query.into_inner();
    let page = conn
        .transaction(async |conn| queue::list(conn, &actor, q).await)
        .await?;
    Ok(web::Json(page))
}

/// One pair of the queue, with its score and explanation (audited `duplicate.read`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses((status = 200, body = DuplicatePair), Denied, NotFound),
    security(("bearer" = []))
)]
#[get("/duplicates/{id}")]
async fn get_pair(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<DuplicatePair>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let id = id.into_inner();
    let pair = conn
        .transaction(async |conn| queue::get(conn, &actor, id).await)
        .await?;
    Ok(web::Json(pair))
}

/// Declares an open pair two different records (reason required); it leaves the queue.
/// 409 when the pair was already reviewed.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = ReasonInput,
    responses(
        (status = 200, body = DuplicatePair),
        Malformed, Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already reviewed"),
    ),
    security(("bearer" = []))
)]
#[post("/duplicates/{id}/distinct")]
async fn distinct_pair(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<ReasonInput>,
) -> ApiResult<web::Json<DuplicatePair>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let (id, reason) = (id.into_inner(), body.into_inner().reason);
    let pair = conn
        .transaction(async |conn| queue::distinct(conn, &actor, id, &reason).await)
        .await?;
    Ok(web::Json(pair))
}

async fn merge<R: Register>(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    req: &HttpRequest,
    survivor: Uuid,
    input: MergeInput,
) -> ApiResult<web::Json<MergeDto>> {
    let expected = expected_version(req)?;
    let mut conn = state.conn().await?;
    let actor = meta.actor(auth);
    let merge = conn
        .transaction(async |conn| {
            service::merge::<R>(conn, &actor, survivor, expected, input).await
        })
        .await?;
    Ok(web::Json(merge))
}

/// Merges the person `merged_id` into this one (the survivor, whose version goes in
/// `If-Match`; the merged record's in `merged_version`). The merged person's case links,
/// documents, aliases (its name among them), phones, e-mails, addresses and nationalities
/// move to the survivor, and the survivor's empty fields take its values; alerts on it now
/// watch the survivor. The merged id then resolves to the survivor. Both records' histories
/// and the audit trail (`person.merge`) record it; an undo gives both back.
/// 422 `same_record`; 409 when either record is already merged; 412 when either changed.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The survivor's current version")),
    request_body = MergeInput,
    responses(
        (status = 200, body = MergeDto),
        Malformed, Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A record is already merged"),
    ),
    security(("bearer" = []))
)]
#[post("/persons/{id}/merge")]
async fn merge_person(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<MergeInput>,
) -> ApiResult<web::Json<MergeDto>> {
    merge::<Persons>(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        body.into_inner(),
    )
    .await
}

/// Merges the company `merged_id` into this one, as for persons (its name becomes an alias
/// of the survivor; `company.merge`).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The survivor's current version")),
    request_body = MergeInput,
    responses(
        (status = 200, body = MergeDto),
        Malformed, Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "A record is already merged"),
    ),
    security(("bearer" = []))
)]
#[post("/companies/{id}/merge")]
async fn merge_company(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<MergeInput>,
) -> ApiResult<web::Json<MergeDto>> {
    merge::<Companies>(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        body.into_inner(),
    )
    .await
}

/// The merges a person or company took part in, as survivor or as merged record, newest
/// first (undone ones included). Audited (`register_merge.list`).
#[utoipa::path(
    tag = TAG,
    params(MergeQuery),
    responses((status = 200, body = MergeList), Denied, Invalid),
    security(("bearer" = []))
)]
#[get("/register-merges")]
async fn list_merges(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<MergeQuery>,
) -> ApiResult<web::Json<MergeList>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let record_id = query.into_inner().record_id.ok_or_else(|| {
        ApiError::from(ncen_core::error::Error::validation(
            "record_id",
            "required",
            "is required",
        ))
    })?;
    let items = conn
        .transaction(async |conn| {
            let items = service::for_record(conn, record_id).await?;
            record(
                conn,
                &actor,
                Event::new("register_merge.list").details(json!({ "record_id": record_id })),
            )
            .await?;
            Ok::<_, ApiError>(items)
        })
        .await?;
    Ok(web::Json(MergeList { items }))
}

/// Undoes a merge (reason required): the merged record comes back exactly as it was, with the
/// case links and alerts the merge moved and the links made since naming it; the survivor
/// is restored whole if untouched since, otherwise only what the merge added is taken away;
/// links made since naming the survivor stay with it. The pair is then recorded as two
/// different records. 409 when already undone, or when the survivor has since been merged
/// into another record (undo that merge first).
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    request_body = ReasonInput,
    responses(
        (status = 200, body = MergeDto),
        Malformed, Denied, NotFound, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Already undone, or the survivor merged since"),
    ),
    security(("bearer" = []))
)]
#[post("/register-merges/{id}/undo")]
async fn undo_merge(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
    body: web::Json<ReasonInput>,
) -> ApiResult<web::Json<MergeDto>> {
    let mut conn = state.conn().await?;
    let actor = meta.actor(&auth);
    let (id, reason) = (id.into_inner(), body.into_inner().reason);
    service::reason(&reason)?;
    let merge = conn
        .transaction(async |conn| match service::kind_of_merge(conn, id).await? {
            MergeKind::Person => service::undo::<Persons>(conn, &actor, id, &reason).await,
            MergeKind::Company => service::undo::<Companies>(conn, &actor, id, &reason).await,
        })
        .await?;
    Ok(web::Json(merge))
}
