//! The HTTP side of the registers (persons, companies, conveyances). The three registers
//! share every step but their list filters, so one generic body per operation serves all
//! three (`create`, `get`, `update`, `search`); each register's module keeps only its
//! documented handlers (thin calls into these) and its route rules.
//!
//! A record's detail view also lists the cases it appears in: the seizure module owns the
//! link tables and answers that (`ncen_core::seizures::links`), so the registers never read
//! another module's tables.

pub mod companies;
pub mod conveyances;
pub mod persons;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::http::meta::RequestMeta;
use crate::http::precondition::{etag, expected_version};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ncen_core::audit::watch::{self, ReadWatch};
use ncen_core::audit::{record, Event};
use ncen_core::common::{page, patch};
use ncen_core::error::{Duty, Error};
use ncen_core::export::{FileFormat, Table};
use ncen_core::registers::history::{self, RecordHistory};
use ncen_core::registers::merge::{self, dto::MergeKind};
use ncen_core::registers::order::{self, Listed, RegisterSort};
use ncen_core::registers::{checked, Register, SearchStart};
use ncen_core::seizures::dto::RecordRef;
use ncen_core::seizures::links::{
    appearances, may_correct, record_changed, validating_units, CaseAppearance, Party,
};
use serde::Serialize;
use serde_json::{json, Value};
use uuid::Uuid;

/// A register as the API serves it.
pub trait Served: Register {
    /// The collection's path under `/api/v1` (`/persons`).
    const COLLECTION: &'static str;
    /// The sheet name of its XLSX export.
    const SHEET: &'static str;
    const PARTY: Party;
    /// The record with every case it appears in, and whether the viewer may correct it.
    type Detail: Serialize + Send;
    fn detail(record: Self::Record, cases: Vec<CaseAppearance>, locked: bool) -> Self::Detail;
}

/// The record's version (for the `ETag`) and its detail.
async fn detail<R: Served>(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    viewer: &AuthUser,
) -> Result<(i32, R::Detail), ApiError> {
    let record = R::find(conn, id).await?;
    let (_, version) = R::id_version(&record);
    let cases = appearances(conn, R::PARTY, id, viewer).await?;
    let units = validating_units(conn, R::PARTY, id).await?;
    let locked = !may_correct(viewer, &units);
    Ok((version, R::detail(record, cases, locked)))
}

/// The audit action of a register operation (`person.create`).
fn action<R: Served>(verb: &str) -> String {
    format!("{}.{verb}", R::KIND)
}

/// A record's response: its `ETag`, and `Location` when it was just created.
fn respond<R: Served>(status: StatusCode, id: Uuid, version: i32, body: R::Detail) -> HttpResponse {
    let mut res = HttpResponse::build(status);
    res.insert_header(etag(version));
    if status == StatusCode::CREATED {
        res.insert_header(("Location", format!("/api/v1{}/{id}", R::COLLECTION)));
    }
    res.json(body)
}

/// `POST /{collection}`: validates, inserts and audits `{kind}.create`; 201 with the detail.
pub async fn create<R: Served>(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    input: R::Input,
) -> ApiResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let input = checked::<R>(&mut conn, input).await?;
    let actor = meta.actor(auth);
    let id = Uuid::now_v7();
    let (version, d) = conn
        .transaction(async |conn| {
            R::insert(conn, id, &input, auth.id, None).await?;
            let changes = history::changes(&Value::Null, R::input(&input))?;
            history::add(conn, &actor, R::KIND, id, 1, "create", changes).await?;
            let action = action::<R>("create");
            record(conn, &actor, Event::new(&action).object(R::KIND, id)).await?;
            detail::<R>(conn, id, auth).await
        })
        .await?;
    Ok(respond::<R>(StatusCode::CREATED, id, version, d))
}

/// `GET /{collection}/{id}`: the detail, with its `{kind}.read` audit row.
pub async fn get<R: Served>(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    id: Uuid,
) -> ApiResult<HttpResponse> {
    let actor = meta.actor(auth);
    let mut conn = state.conn().await?;
    let (target, (version, d)) = conn
        .transaction(async |conn| {
            // a merged record's id resolves to the survivor
            let target = match MergeKind::parse(R::KIND) {
                Some(kind) => merge::resolve(conn, kind, id).await?,
                None => id,
            };
            let d = detail::<R>(conn, target, auth).await?;
            let action = action::<R>("read");
            let mut event = Event::new(&action).object(R::KIND, target);
            if target != id {
                event = event.details(json!({ "requested": id }));
            }
            record(conn, &actor, event).await?;
            watch::note_reads(conn, &actor, &state.settings.read_watch()).await?;
            Ok::<_, ApiError>((target, d))
        })
        .await?;
    if target != id {
        let mut res = respond::<R>(StatusCode::OK, target, version, d);
        res.headers_mut().insert(
            actix_web::http::header::CONTENT_LOCATION,
            actix_web::http::header::HeaderValue::from_str(&format!(
                "/api/v1{}/{target}",
                R::COLLECTION
            ))
            .map_err(|e| ApiError::from(Error::internal(e)))?,
        );
        return Ok(res);
    }
    Ok(respond::<R>(StatusCode::OK, id, version, d))
}

/// `PATCH /{collection}/{id}`: a JSON merge patch of the input (only what changes; `null`
/// clears; lists are replaced whole) against `If-Match`; audits the names of the changed
/// fields, not their values, so no personal data is copied into the log. The values go to the
/// record's history (`registers::history`), and every case that links the record takes a new
/// version and a `record_update` entry (`seizures::links::record_changed`). A record that a
/// validated case of another unit links is corrected only by a supervisor of a unit whose
/// validated case links it (`seizures::links::may_correct`; 403 `validated_elsewhere`).
pub async fn update<R: Served>(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    req: &HttpRequest,
    id: Uuid,
    body: Value,
) -> ApiResult<HttpResponse> {
    let expected = expected_version(req)?;
    let actor = meta.actor(auth);
    let mut conn = state.conn().await?;
    let (version, d) = conn
        .transaction(async |conn| {
            let current = R::find(conn, id).await?;
            if let Some(kind) = MergeKind::parse(R::KIND) {
                if merge::service::is_merged(conn, kind, id).await? {
                    return Err(Error::Conflict(
                        "this record is merged into another: correct the survivor".into(),
                    )
                    .into());
                }
            }
            if R::id_version(&current).1 != expected {
                return Err(ApiError::PreconditionFailed);
            }
            if !may_correct(auth, &validating_units(conn, R::PARTY, id).await?) {
                return Err(Error::Refused(Duty::ValidatedElsewhere).into());
            }
            let (old, merged) = patch::merge(R::fields(&current), &body)?;
            let input = checked::<R>(conn, merged).await?;
            R::update(conn, id, expected, &input, auth.id).await?;
            let changes = history::changes(&old, R::input(&input))?;
            let fields: Vec<String> = changes
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let version = expected + 1;
            if !fields.is_empty() {
                history::add(
                    conn,
                    &actor,
                    R::KIND,
                    id,
                    version,
                    "update",
                    changes.clone(),
                )
                .await?;
                let named = RecordRef {
                    kind: R::KIND.into(),
                    id,
                    version,
                };
                record_changed(conn, &actor, R::PARTY, named, &changes).await?;
            }
            let action = action::<R>("update");
            let event = Event::new(&action)
                .object(R::KIND, id)
                .details(json!({ "fields": fields }));
            record(conn, &actor, event).await?;
            detail::<R>(conn, id, auth).await
        })
        .await?;
    Ok(respond::<R>(StatusCode::OK, id, version, d))
}

/// `GET /{collection}/{id}/history`: the record's changes with their old → new values,
/// audited as `{kind}.history` (nominal data).
pub async fn history<R: Served>(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    id: Uuid,
) -> ApiResult<RecordHistory> {
    let actor = meta.actor(auth);
    let mut conn = state.conn().await?;
    conn.transaction(async |conn| {
        R::find(conn, id).await?;
        let list = history::list(conn, R::KIND, id).await?;
        let action = action::<R>("history");
        record(conn, &actor, Event::new(&action).object(R::KIND, id)).await?;
        Ok::<_, ApiError>(list)
    })
    .await
}

/// A register list's request, ready to run: the page size, the register's filter (with its
/// keyset position and order) and the filters as the audit row records them.
pub struct Search<F> {
    pub limit: i64,
    pub filter: F,
    pub details: Value,
}

/// `GET /{collection}`: runs one page of a register search and audits it as `{kind}.search`
/// with the filters (`details`) and the ids returned; pages per minute are capped and the
/// volume of records read is watched (`audit::watch`).
pub async fn search<R: Served>(
    conn: &mut AsyncPgConnection,
    watch: ReadWatch,
    auth: &AuthUser,
    meta: &RequestMeta,
    search: Search<R::Filter>,
) -> ApiResult<(Vec<Listed<R::Record>>, Option<String>)> {
    let Search {
        limit,
        filter,
        mut details,
    } = search;
    let actor = meta.actor(auth);
    watch::throttle_pages(conn, auth.id, &watch).await?;
    let rows = conn
        .transaction(async |conn| {
            let rows = R::search(conn, filter).await?;
            let ids: Vec<Uuid> = rows.iter().take(limit as usize).map(R::row_id).collect();
            if let Some(map) = details.as_object_mut() {
                map.insert("returned".into(), json!(ids));
            }
            let action = action::<R>("search");
            record(conn, &actor, Event::new(&action).details(details)).await?;
            watch::note_reads(conn, &actor, &watch).await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    Ok(page::cut(rows, limit, R::row_key))
}

/// `GET /{collection}/export/{format}`: every record the list shows with the same filters and
/// order, as CSV or XLSX, up to `NCEN_EXPORT_MAX_ROWS` (more is refused with `too_many_rows`
/// rather than cut). Audited like the list (`{kind}.export`, with every id written), counted
/// as a page against the page cap and as reads by the read-volume watch.
pub async fn export<R: Served>(
    state: &AppState,
    auth: &AuthUser,
    meta: &RequestMeta,
    format: FileFormat,
    search: Search<R::Filter>,
) -> ApiResult<HttpResponse> {
    let Search {
        limit,
        filter,
        mut details,
    } = search;
    let watch = state.settings.read_watch();
    let actor = meta.actor(auth);
    let mut conn = state.conn().await?;
    watch::throttle_pages(&mut conn, auth.id, &watch).await?;
    let rows = conn
        .transaction(async |conn| {
            let rows = R::search(conn, filter).await?;
            if i64::try_from(rows.len()).unwrap_or(i64::MAX) > limit {
                return Err(ApiError::from(Error::validation(
                    "limit",
                    "too_many_rows",
                    &format!("more than {limit} records match: narrow the filters"),
                )));
            }
            let ids: Vec<Uuid> = rows.iter().map(R::row_id).collect();
            if let Some(map) = details.as_object_mut() {
                map.insert("format".into(), json!(format.as_str()));
                map.insert("returned".into(), json!(ids));
            }
            let action = action::<R>("export");
            record(conn, &actor, Event::new(&action).details(details)).await?;
            watch::note_reads(conn, &actor, &watch).await?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let table = Table {
        name: R::SHEET,
        columns: R::EXPORT_COLUMNS.to_vec(),
        rows: rows.into_iter().map(R::export_row).collect(),
    };
    Ok(crate::http::export::download(
        &table,
        format,
        R::COLLECTION.trim_start_matches('/'),
    )?)
}

/// A list page (`Some(limit)` and `cursor` from the query) or an export (`None`: every row up
/// to the export bound, `limit` and `cursor` ignored).
pub enum Purpose<'a> {
    Page {
        limit: Option<i64>,
        cursor: Option<&'a str>,
    },
    Export {
        max_rows: i64,
        /// The query's page size: ignored by an export, still held to its documented range.
        limit: Option<i64>,
    },
}

/// The list's filters, checked, as the repository and the audit row take them: the page
/// (`search_start`), then the register's own filters (`Register::filter`).
pub async fn prepare<R: Register>(
    conn: &mut AsyncPgConnection,
    query: R::Query,
    start: SearchStart,
    review: f64,
) -> ApiResult<Search<R::Filter>> {
    let limit = start.limit;
    let (filter, details) = R::filter(conn, query, start, review).await?;
    Ok(Search {
        limit,
        filter,
        details,
    })
}

/// The common first steps of a register search: the page size, the order, the cursor and the
/// free text. `relevance`: the register ranks by the matching engine, which is then the
/// default order when there is free text (otherwise `relevance` reads as `name`).
pub fn search_start(
    purpose: Purpose<'_>,
    sort: Option<RegisterSort>,
    q: Option<String>,
    relevance: bool,
) -> ApiResult<SearchStart> {
    let text = ncen_core::common::check::search_text(q)?;
    let sort = match sort {
        Some(RegisterSort::Relevance) | None if relevance && text.is_some() => {
            RegisterSort::Relevance
        }
        Some(RegisterSort::Relevance) | None => RegisterSort::Name,
        Some(sort) => sort,
    };
    let (limit, after) = match purpose {
        Purpose::Page { limit, cursor } => (
            page::limit(limit)?,
            order::after(sort, page::decode_cursor(cursor)?)?,
        ),
        Purpose::Export { max_rows, limit } => {
            page::limit(limit)?;
            (max_rows, None)
        }
    };
    Ok(SearchStart {
        limit,
        sort,
        after,
        text,
    })
}

/// The part of a register's HTTP module that is the same for all three: the detail type
/// (the record with the cases it appears in), its `Served` impl, the documented create,
/// read and correct handlers (thin calls into `create`, `get` and `update` above), the
/// route rules and `configure`. The register's own module writes its list handler (its
/// filters differ), the doc comment of each handler, and any extra documented response.
///
/// The paths are literals because actix's route attributes need them as such. The module
/// defines `TAG` and imports `actix_web::{get, patch, post}`: utoipa recognises the route
/// attributes by those bare names.
macro_rules! register_module {
    (
        register: $register:ident,
        party: $party:ident,
        collection: $collection:literal,
        item: $item:literal,
        $(#[$detail_doc:meta])*
        detail: $detail:ident { $field:ident: $dto:ident },
        input: $input:ident,
        list: $list:ident,
        export: $export:ident at $export_path:literal,
        sheet: $sheet:literal,
        $(#[$create_doc:meta])*
        create: $create:ident,
        $(#[$get_doc:meta])*
        get: $get:ident,
        $(#[$history_doc:meta])*
        history: $history:ident at $history_path:literal,
        $(#[$update_doc:meta])*
        update: $update:ident {
            version: $version_doc:literal,
            patch: $patch_doc:literal $(,)?
        },
        $(duplicates: $duplicates:ident at $duplicates_path:literal,)?
        conflicts: [$($conflict:tt)*] $(,)?
    ) => {
        const READ: $crate::routes::Access =
            $crate::routes::Access::Requires(::ncen_core::auth::Permission::RegistersRead);
        const WRITE: $crate::routes::Access =
            $crate::routes::Access::Requires(::ncen_core::auth::Permission::RegistersWrite);

        /// This module's handlers and the access rule of each of its routes.
        pub const MODULE: $crate::routes::Module = $crate::routes::Module {
            configure,
            routes: &[
                $crate::routes::rule("GET", concat!("/api/v1", $collection), READ),
                $crate::routes::rule("POST", concat!("/api/v1", $collection), WRITE),
                $crate::routes::rule("GET", concat!("/api/v1", $item), READ),
                $crate::routes::rule("PATCH", concat!("/api/v1", $item), WRITE),
                $crate::routes::rule("GET", concat!("/api/v1", $history_path), READ),
                $crate::routes::rule("GET", concat!("/api/v1", $export_path), READ),
                $($crate::routes::rule("POST", concat!("/api/v1", $duplicates_path), READ),)?
            ],
        };

        fn configure(cfg: &mut ::utoipa_actix_web::service_config::ServiceConfig) {
            cfg.service($list)
                .service($export)
                .service($create)
                .service($get)
                .service($history)
                $(.service($duplicates))?
                .service($update);
        }

        $(#[$detail_doc])*
        #[derive(Debug, ::serde::Serialize, ::utoipa::ToSchema)]
        pub struct $detail {
            #[serde(flatten)]
            pub $field: $dto,
            pub cases: Vec<::ncen_core::seizures::links::CaseAppearance>,
            /// True when the caller may not correct the record: a validated case of another
            /// unit links it, and only a supervisor of a unit whose validated case links it
            /// may (a `PATCH` answers 403 `validated_elsewhere`).
            pub correction_locked: bool,
        }

        impl $crate::registers::Served for $register {
            const COLLECTION: &'static str = $collection;
            const SHEET: &'static str = $sheet;
            const PARTY: ::ncen_core::seizures::links::Party =
                ::ncen_core::seizures::links::Party::$party;
            type Detail = $detail;
            fn detail(
                record: Self::Record,
                cases: Vec<::ncen_core::seizures::links::CaseAppearance>,
                correction_locked: bool,
            ) -> $detail {
                $detail {
                    $field: record,
                    cases,
                    correction_locked,
                }
            }
        }

        $(#[$create_doc])*
        #[utoipa::path(
            tag = TAG,
            request_body = $input,
            responses((status = 201, body = $detail), $crate::http::problems::Denied, $crate::http::problems::Invalid, $($conflict)*),
            security(("bearer" = []))
        )]
        #[post($collection)]
        async fn $create(
            state: ::actix_web::web::Data<$crate::state::AppState>,
            auth: $crate::auth::AuthUser,
            meta: $crate::http::meta::RequestMeta,
            body: ::actix_web::web::Json<$input>,
        ) -> $crate::error::ApiResult<::actix_web::HttpResponse> {
            $crate::registers::create::<$register>(&state, &auth, &meta, body.into_inner()).await
        }

        $(#[$get_doc])*
        #[utoipa::path(
            tag = TAG,
            params(("id" = ::uuid::Uuid, Path)),
            responses((status = 200, body = $detail), $crate::http::problems::Denied, $crate::http::problems::NotFound),
            security(("bearer" = []))
        )]
        #[get($item)]
        async fn $get(
            state: ::actix_web::web::Data<$crate::state::AppState>,
            auth: $crate::auth::AuthUser,
            meta: $crate::http::meta::RequestMeta,
            id: ::actix_web::web::Path<::uuid::Uuid>,
        ) -> $crate::error::ApiResult<::actix_web::HttpResponse> {
            $crate::registers::get::<$register>(&state, &auth, &meta, id.into_inner()).await
        }

        $(#[$history_doc])*
        #[utoipa::path(
            tag = TAG,
            params(("id" = ::uuid::Uuid, Path)),
            responses((status = 200, body = ::ncen_core::registers::history::RecordHistory), $crate::http::problems::Denied, $crate::http::problems::NotFound),
            security(("bearer" = []))
        )]
        #[get($history_path)]
        async fn $history(
            state: ::actix_web::web::Data<$crate::state::AppState>,
            auth: $crate::auth::AuthUser,
            meta: $crate::http::meta::RequestMeta,
            id: ::actix_web::web::Path<::uuid::Uuid>,
        ) -> $crate::error::ApiResult<::actix_web::web::Json<::ncen_core::registers::history::RecordHistory>> {
            let list = $crate::registers::history::<$register>(&state, &auth, &meta, id.into_inner()).await?;
            Ok(::actix_web::web::Json(list))
        }

        $(#[$update_doc])*
        #[utoipa::path(
            tag = TAG,
            params(("id" = ::uuid::Uuid, Path), ("If-Match" = String, Header, description = $version_doc)),
            request_body(
                description = $patch_doc,
                content(($input = "application/merge-patch+json"), ($input = "application/json"))
            ),
            responses(
                (status = 200, body = $detail),
                $crate::http::problems::Malformed, $crate::http::problems::Denied, $crate::http::problems::NotFound, $crate::http::problems::Conditional, $crate::http::problems::Invalid, $($conflict)*
            ),
            security(("bearer" = []))
        )]
        #[patch($item)]
        async fn $update(
            state: ::actix_web::web::Data<$crate::state::AppState>,
            auth: $crate::auth::AuthUser,
            meta: $crate::http::meta::RequestMeta,
            req: ::actix_web::HttpRequest,
            id: ::actix_web::web::Path<::uuid::Uuid>,
            body: ::actix_web::web::Json<::serde_json::Value>,
        ) -> $crate::error::ApiResult<::actix_web::HttpResponse> {
            let (id, body) = (id.into_inner(), body.into_inner());
            $crate::registers::update::<$register>(&state, &auth, &meta, &req, id, body).await
        }
    };
}
pub(crate) use register_module;
