//! The conveyance register. Plates, VINs and registrations of private vehicles are nominal,

use super::{Purpose, Search};
use crate::auth::AuthUser;
use crate::error::{ApiResult, Problem};
use crate::http::meta::RequestMeta;
use crate::http::problems::{Denied, Invalid, Throttled};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use diesel_async::AsyncPgConnection;
use ncen_core::export::FileFormat;
use ncen_core::registers::conveyances::dto::{
    ConveyanceDto, ConveyanceInput, ConveyanceListItem, ConveyancePage, ConveyanceQuery,
};
use ncen_core::registers::conveyances::{repo, Conveyances};

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
    export: export_conveyances at "/conveyances/export/{format}",
    sheet: "Conveyances",
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

/// The list's filters, checked, as the repository and the audit row take them.
async fn prepare(
    conn: &mut AsyncPgConnection,
    q: ConveyanceQuery,
    purpose: Purpose<'_>,
) -> ApiResult<Search<repo::Filter>> {
    let start = super::search_start(purpose, q.sort, q.q.clone(), false)?;
    super::prepare::<Conveyances>(conn, q, start, 0.0).await
}

/// Conveyances by identifier prefix or name, type, identifier kind or country; ordered by
/// normalised identifier or by last case.
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
    let mut conn = state.conn().await?;
    let purpose = Purpose::Page {
        limit: q.limit,
        cursor: q.cursor.as_deref(),
    };
    let search = prepare(&mut conn, q.clone(), purpose).await?;
    let watch = state.settings.read_watch();
    let (rows, next_cursor) =
        super::search::<Conveyances>(&mut conn, watch, &auth, &meta, search).await?;
    let items = rows
        .into_iter()
        .map(|r| ConveyanceListItem {
            conveyance: r.record,
            last_case_at: r.last_case_at,
        })
        .collect();
    Ok(web::Json(ConveyancePage { items, next_cursor }))
}

/// The conveyances the list shows with the same filters and order, as a CSV or XLSX file
/// (`limit` and `cursor` are ignored: every match, up to `NCEN_EXPORT_MAX_ROWS`; more is
/// refused with `too_many_rows`). Audited like the list (`conveyance.export`, with every id).
#[utoipa::path(
    tag = TAG,
    params(("format" = FileFormat, Path), ConveyanceQuery),
    responses(
        (status = 200, description = "The file", content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        Denied, Invalid, Throttled,
        (status = 404, body = Problem, content_type = "application/problem+json", description = "Not a known file format"),
    ),
    security(("bearer" = []))
)]
#[get("/conveyances/export/{format}")]
async fn export_conveyances(
    state: web::Data<AppState>,
    auth: AuthUser,
    meta: RequestMeta,
    format: web::Path<FileFormat>,
    query: web::Query<ConveyanceQuery>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let purpose = Purpose::Export {
        max_rows: state.settings.export_max_rows,
        limit: query.limit,
    };
    let search = prepare(&mut conn, query.into_inner(), purpose).await?;
    drop(conn);
    super::export::<Conveyances>(&state, &auth, &meta, format.into_inner(), search).await
}
