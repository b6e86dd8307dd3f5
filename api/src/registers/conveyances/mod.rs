//! The conveyance register. Plates, VINs and registrations of private vehicles are nominal,

use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Throttled};
use crate::state::AppState;
use actix_web::{get, patch, post, web};
use ncen_core::codelists::repo::require_known;
use ncen_core::registers::conveyances::dto::{
    ConveyanceDto, ConveyanceInput, ConveyancePage, ConveyanceQuery,
};
use ncen_core::registers::conveyances::{repo, Conveyances};
use serde_json::json;

pub const TAG: &str = "conveyances";

super::register_module! {
    register: Conveyances,
    party: Conveyance,
    collection: "/conveyances",
    item: "/conveyances/{id}",
    /// A conveyance with every case it appears in.
    detail: ConveyanceDetail { conveyance: ConveyanceDto },
    input: ConveyanceInput,
    list: list_conveyances,
    /// Registers a conveyance. 409 when its identifier is already registered.
    create: create_conveyance,
    /// One conveyance, with every case it appears in and its role there.
    get: get_conveyance,
    /// Every change to the conveyance, oldest first, with its old → new values (who, when, which
    /// fields). Reading it is audited.
    history: conveyance_history at "/conveyances/{id}/history",
    /// Corrects a conveyance: a JSON merge patch of `ConveyanceInput` (send only what changes; `null`
    /// clears a field; lists are replaced whole). Needs `If-Match`.
    /// A record that a validated case of another unit links is corrected only by a supervisor
    /// of a unit whose validated case links it (403 `validated_elsewhere`); every case that
    /// links the record takes a new version and a `record_update` history entry.
    update: update_conveyance {
        version: "The conveyance's current version",
        patch: "JSON merge patch (RFC 7396) of the conveyance: only what changes; `null` clears",
    },
    conflicts: [(status = 409, body = Problem, content_type = "application/problem+json", description = "Identifier already registered")],
}

/// Conveyances by identifier prefix or name, type, identifier kind or country; ordered by
/// normalised identifier.
#[utoipa::path(
    tag = TAG,
    params(ConveyanceQuery),
    responses(
        (status = 200, body = ConveyancePage),
        Denied, Invalid, Throttled,
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
    let (items, next_cursor) = super::search::<Conveyances>(
        &mut conn,
        state.settings.read_watch(),
        &auth,
        &meta,
        limit,
        details,
        filter,
    )
    .await?;
    Ok(web::Json(ConveyancePage { items, next_cursor }))
}
