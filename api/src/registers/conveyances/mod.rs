//! The conveyance register. Plates, VINs and registrations of private vehicles are nominal,

use super::Served;
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Conditional, Denied, Invalid, Malformed, NotFound};
use crate::routes::{rule, Access, Module};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use ncen_core::auth::Permission as P;
use ncen_core::codelists::repo::require_known;
use ncen_core::registers::conveyances::dto::{
    ConveyanceDto, ConveyanceInput, ConveyancePage, ConveyanceQuery,
};
use ncen_core::registers::conveyances::{repo, Conveyances};
use ncen_core::seizures::links::{CaseAppearance, Party};
use serde::Serialize;
use serde_json::json;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

pub const TAG: &str = "conveyances";

/// This module's handlers and the access rule of each of its routes.
pub const MODULE: Module = Module {
    configure,
    routes: &[
        rule(
            "GET",
            "/api/v1/conveyances",
            Access::Requires(P::RegistersRead),
        ),
        rule(
            "POST",
            "/api/v1/conveyances",
            Access::Requires(P::RegistersWrite),
        ),
        rule(
            "GET",
            "/api/v1/conveyances/{id}",
            Access::Requires(P::RegistersRead),
        ),
        rule(
            "PATCH",
            "/api/v1/conveyances/{id}",
            Access::Requires(P::RegistersWrite),
        ),
    ],
};

fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_conveyances)
        .service(create_conveyance)
        .service(get_conveyance)
        .service(update_conveyance);
}

/// A conveyance with every case it appears in.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConveyanceDetail {
    #[serde(flatten)]
    pub conveyance: ConveyanceDto,
    pub cases: Vec<CaseAppearance>,
}

impl Served for Conveyances {
    const COLLECTION: &'static str = "conveyances";
    const PARTY: Party = Party::Conveyance;
    type Detail = ConveyanceDetail;
    fn detail(record: Self::Record, cases: Vec<CaseAppearance>) -> ConveyanceDetail {
        ConveyanceDetail {
            conveyance: record,
            cases,
        }
    }
}

/// Conveyances by identifier prefix or name, type, identifier kind or country; ordered by
/// normalised identifier.
#[utoipa::path(
    tag = TAG,
    params(ConveyanceQuery),
    responses(
        (status = 200, body = ConveyancePage),
        Denied, Invalid,
    ),
    security(("bearer" = []))
)]
#[get("/conveyances")]
async fn list_conveyances(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    query: web::Query<ConveyanceQuery>,
) -> ApiResult<web::Json<ConveyancePage>> {
    let q = query.into_inner();
    let (limit, after, text) = super::search_start(q.limit, q.cursor.as_deref(), q.q)?;
    let mut conn = state.conn().await?;
    require_known(
        &mut conn,
        &[
            ("country", "countries", q.country.as_deref()),
            (
                "conveyance_type",
                "conveyance_types",
                q.conveyance_type.as_deref(),
            ),
        ],
    )
    .await?;
    let kind = q.identifier_kind.map(|k| k.as_str().to_string());
    let details = json!({ "q": text, "conveyance_type": q.conveyance_type, "identifier_kind": kind, "country": q.country });
    let filter = repo::Filter {
        q: text,
        conveyance_type: q.conveyance_type,
        identifier_kind: kind,
        country: q.country,
        after,
        limit,
    };
    let (items, next_cursor) =
        super::search::<Conveyances>(&mut conn, &auth, &meta, limit, details, filter).await?;
    Ok(web::Json(ConveyancePage { items, next_cursor }))
}

/// Registers a conveyance. 409 when its identifier is already registered.
#[utoipa::path(
    tag = TAG,
    request_body = ConveyanceInput,
    responses(
        (status = 201, body = ConveyanceDetail),
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Identifier already registered"),
        Denied, Invalid,
    ),
    security(("bearer" = []))
)]
#[post("/conveyances")]
async fn create_conveyance(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    body: web::Json<ConveyanceInput>,
) -> ApiResult<HttpResponse> {
    super::create::<Conveyances>(&state, &auth, &meta, body.into_inner()).await
}

/// One conveyance, with every case it appears in and its role there.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path)),
    responses(
        (status = 200, body = ConveyanceDetail),
        Denied, NotFound,
    ),
    security(("bearer" = []))
)]
#[get("/conveyances/{id}")]
async fn get_conveyance(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    super::get::<Conveyances>(&state, &auth, &meta, id.into_inner()).await
}

/// Corrects a conveyance: a JSON merge patch of `ConveyanceInput` (send only what changes; `null`
/// clears a field; lists are replaced whole). Needs `If-Match`.
#[utoipa::path(
    tag = TAG,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The conveyance's current version")),
    request_body(
        description = "JSON merge patch (RFC 7396) of the conveyance: only what changes; `null` clears",
        content((ConveyanceInput = "application/merge-patch+json"), (ConveyanceInput = "application/json"))
    ),
    responses(
        (status = 200, body = ConveyanceDetail),
        Malformed, Denied, NotFound, Conditional, Invalid,
        (status = 409, body = Problem, content_type = "application/problem+json", description = "Identifier already registered"),
    ),
    security(("bearer" = []))
)]
#[patch("/conveyances/{id}")]
async fn update_conveyance(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Json<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    super::update::<Conveyances>(
        &state,
        &auth,
        &meta,
        &req,
        id.into_inner(),
        body.into_inner(),
    )
    .await
}
