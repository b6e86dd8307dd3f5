//! Building the application: one function shared by `ncen serve` and the tests.

use crate::config::Settings;
use crate::http::{body, denials, fallback, idempotency, meta, security};
use crate::metrics::Metrics;
use crate::openapi::ApiDoc;
use crate::routes::{API_MODULES, ROOT_MODULES};
use crate::spa;
use crate::state::AppState;
use actix_web::dev::Server;
use actix_web::{middleware, web, App, HttpResponse, HttpServer};
use anyhow::Context;
use ncen_core::audit::anchor::Anchor;
use ncen_core::auth::tokens::JwtKeys;
use ncen_core::db;
use secrecy::ExposeSecret;
use std::net::TcpListener;
use utoipa::OpenApi;
use utoipa_actix_web::{scope, AppExt};
use utoipa_swagger_ui::{Config, SwaggerUi};

pub const API_PREFIX: &str = "/api/v1";
pub const SPEC_PATH: &str = "/api/v1/openapi.json";

/// Every documented route, registered in one place.
fn routes(
    app: utoipa_actix_web::UtoipaApp<
        impl actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
) -> utoipa_actix_web::UtoipaApp<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let app = ROOT_MODULES
        .iter()
        .fold(app, |app, module| app.configure(module.configure));
    let api = API_MODULES.iter().fold(
        scope::scope(API_PREFIX).route("/openapi.json", web::get().to(openapi_json)),
        |scope, module| scope.configure(module.configure),
    );
    app.service(api)
}

/// The spec as the handlers declare it (paths, methods, their own responses).
pub fn collected() -> utoipa::openapi::OpenApi {
    let (_, api) =
        routes(App::new().into_utoipa_app().openapi(ApiDoc::openapi())).split_for_parts();
    api
}

/// The OpenAPI document of this build (what `openapi.yaml` must contain): the collected
/// spec with what every operation shares (`openapi::complete`).
pub fn openapi() -> serde_json::Value {
    crate::openapi::complete(&collected())
}

struct SpecJson(String);

async fn openapi_json(spec: web::Data<SpecJson>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(spec.0.clone())
}

/// The access-token keys: `NCEN_JWT_SECRET` (and `NCEN_JWT_PREVIOUS_SECRET` during a
/// rotation), or else the key file (`NCEN_JWT_SECRET_FILE`, created on first start) and
/// `<file>.previous` when a rotation left one. Never the database.
fn jwt_keys(settings: &Settings) -> anyhow::Result<JwtKeys> {
    use ncen_core::auth::keys;
    let file = std::path::Path::new(&settings.jwt_secret_file);
    let (current, previous) = match &settings.jwt_secret {
        Some(secret) => {
            let current = secret.expose_secret().as_bytes().to_vec();
            let previous = settings
                .jwt_previous_secret
                .as_ref()
                .map(|p| p.expose_secret().as_bytes().to_vec());
            (current, previous)
        }
        None => (
            keys::load_or_create(file)?,
            keys::read(&keys::previous_path(file))?,
        ),
    };
    for key in std::iter::once(&current).chain(previous.as_ref()) {
        anyhow::ensure!(
            key.len() >= keys::MIN_KEY_BYTES,
            "a token key must be at least {} bytes",
            keys::MIN_KEY_BYTES
        );
    }
    let keys = JwtKeys::rotating(&current, previous.as_deref(), settings.access_token_ttl);
    tracing::info!(
        kid = keys.current_kid(),
        rotating = previous.is_some(),
        "token keys loaded"
    );
    Ok(keys)
}

/// Start-up warnings for settings that expose more than intended.
fn warn_about_exposure(settings: &Settings) {
    for warning in exposure_warnings(settings, std::env::var_os("NCEN_TRUST_PROXY").is_some()) {
        tracing::warn!(bind = %settings.bind, "{warning}");
    }
}

fn exposure_warnings(settings: &Settings, legacy_trust_proxy: bool) -> Vec<&'static str> {
    let loopback = settings
        .bind
        .parse::<std::net::SocketAddr>()
        .is_ok_and(|a| a.ip().is_loopback())
        || settings.bind.starts_with("localhost:");
    let mut warnings = Vec::new();
    if !loopback && settings.metrics_token.is_none() {
        warnings.push("GET /metrics is open to the network: set NCEN_METRICS_TOKEN");
    }
    if legacy_trust_proxy {
        warnings.push(
            "NCEN_TRUST_PROXY is no longer read: list the reverse proxies in NCEN_TRUSTED_PROXIES",
        );
    }
    warnings
}

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Builds the server on `settings.bind` (port 0 picks a free port). The database must
    /// be migrated already.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        anyhow::ensure!(
            settings.country.len() == 2 && settings.country.chars().all(|c| c.is_ascii_uppercase()),
            "NCEN_COUNTRY must be an ISO 3166-1 alpha-2 code such as FR"
        );
        anyhow::ensure!(
            settings
                .currency
                .as_ref()
                .is_none_or(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase())),
            "NCEN_CURRENCY must be an ISO 4217 code such as EUR"
        );
        anyhow::ensure!(
            settings.match_review <= settings.match_hit,
            "NCEN_MATCH_REVIEW ({}) must not be above NCEN_MATCH_HIT ({})",
            settings.match_review,
            settings.match_hit
        );
        let pool = db::pool(
            settings.database_url.expose_secret(),
            settings.db_pool_size,
            settings.statement_timeout_ms,
        )?;
        ncen_core::auth::password::limit_concurrency(settings.password_hash_concurrency);
        warn_about_exposure(&settings);
        let jwt = jwt_keys(&settings)?;
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("cannot listen on {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        ncen_core::audit::chain::spawn_sealer(
            pool.clone(),
            std::time::Duration::from_millis(settings.audit_seal_interval_ms.max(50)),
        );

        let spec = web::Data::new(SpecJson(serde_json::to_string(&openapi())?));
        let collected = collected();
        let route_table = web::Data::new(fallback::RouteTable::from_openapi(&collected));
        let creating = web::Data::new(idempotency::CreatingRoutes::from_openapi(&collected));
        ncen_core::common::idempotency::spawn_purger(
            pool.clone(),
            std::time::Duration::from_secs(600),
        );
        let metrics = web::Data::new(Metrics::new()?);
        let trust = web::Data::new(meta::TrustedProxies(settings.proxies()));
        let json_limit = settings.json_limit;
        let cors_origins: Vec<String> = settings
            .cors_origins
            .iter()
            .filter(|o| !o.is_empty())
            .cloned()
            .collect();
        let web_dir = settings.web_dir.clone();
        if !std::path::Path::new(&web_dir).join("index.html").is_file() {
            tracing::warn!(web_dir, "browser app not built; only the API is served");
        }
        let workers = settings.workers;
        let https = settings.cookie_secure;
        let storage = ncen_core::files::storage::Storage::from_url(&settings.storage_url)?;
        let anchor = Anchor::open(
            std::path::Path::new(&settings.audit_key_file),
            std::path::Path::new(&settings.audit_checkpoint_file),
        )?;
        let anchor_check = Some((anchor.file().to_path_buf(), anchor.verifying_key()));
        if settings.audit_checkpoint_secs > 0 {
            ncen_core::audit::anchor::spawn_checkpointer(
                pool.clone(),
                anchor,
                std::time::Duration::from_secs(settings.audit_checkpoint_secs),
            );
        }
        let exchange_key = std::sync::Arc::new(ncen_core::exchange::keys::load_or_create(
            std::path::Path::new(&settings.exchange_key_file),
        )?);
        ncen_core::exchange::delivery::spawn_worker(
            pool.clone(),
            settings.database_url.expose_secret().to_string(),
            exchange_key.clone(),
            storage.clone(),
            settings.delivery(),
        )?;
        let media = ncen_core::files::media::Processing::new(
            settings.image_max_pixels,
            settings.image_concurrency,
        );
        let hub = std::sync::Arc::new(ncen_core::events::hub::Hub::default());
        ncen_core::events::hub::spawn_listener(
            settings.database_url.expose_secret().to_string(),
            hub.clone(),
        );
        ncen_core::messaging::retention::spawn_housekeeping(
            pool.clone(),
            storage.clone(),
            settings.message_retention_days,
        );
        ncen_core::investigations::reminders::spawn(pool.clone());
        ncen_core::imports::worker::spawn(
            pool.clone(),
            storage.clone(),
            ncen_core::imports::worker::Settings {
                country: settings.country.clone(),
                thresholds: settings.thresholds(),
            },
        );
        if settings.risk_high <= settings.risk_medium {
            anyhow::bail!("NCEN_RISK_HIGH must be above NCEN_RISK_MEDIUM");
        }
        ncen_core::registers::companies::risk::configure(
            ncen_core::registers::companies::risk::RiskBands {
                medium: settings.risk_medium,
                high: settings.risk_high,
            },
        );
        ncen_core::companies::risk::spawn_worker(
            pool.clone(),
            settings.database_url.expose_secret().to_string(),
        );
        ncen_core::stats::worker::spawn_worker(
            pool.clone(),
            settings.database_url.expose_secret().to_string(),
        );
        ncen_core::searches::worker::spawn_worker(
            pool.clone(),
            settings.database_url.expose_secret().to_string(),
            settings.thresholds(),
        );
        ncen_core::alerts::check::spawn_worker(
            pool.clone(),
            settings.database_url.expose_secret().to_string(),
            settings.thresholds(),
        );
        let state = web::Data::new(AppState {
            hub,
            pool,
            jwt,
            settings,
            storage,
            anchor: anchor_check,
            exchange_key,
            media,
        });

        let mut server = HttpServer::new(move || {
            let app = routes(App::new().into_utoipa_app().openapi(ApiDoc::openapi())).into_app();
            let app = app
                .app_data(state.clone())
                .app_data(spec.clone())
                .app_data(route_table.clone())
                .app_data(creating.clone())
                .app_data(metrics.clone())
                .app_data(trust.clone())
                .app_data(fallback::json_config(json_limit))
                .app_data(web::Data::new(fallback::JsonLimit(json_limit)))
                .app_data(fallback::query_config())
                .app_data(fallback::path_config())
                .service(
                    SwaggerUi::new("/api/docs/{_:.*}")
                        .config(Config::new([SPEC_PATH]).validator_url("none")),
                )
                .default_service(web::to(fallback::not_found));
            let web_dir = web_dir.clone();
            app.configure(move |cfg| {
                if let Some(files) = spa::files(&web_dir) {
                    cfg.service(files);
                }
            })
            .wrap(middleware::from_fn(idempotency::idempotent))
            .wrap(middleware::from_fn(body::refuse_nul))
            // CORS stays off entirely unless origins are configured.
            .wrap(middleware::Condition::new(
                !cors_origins.is_empty(),
                security::cors(&cors_origins),
            ))
            .wrap(middleware::from_fn(denials::audit_denials))
            .wrap(middleware::from_fn(security::no_store))
            .wrap(security::headers(https))
            .wrap(middleware::Compress::default())
            .wrap(middleware::from_fn(meta::observe))
        })
        .listen(listener)?
        .shutdown_timeout(10);
        if workers > 0 {
            server = server.workers(workers);
        }
        Ok(Application {
            port,
            server: server.run(),
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run(self) -> std::io::Result<()> {
        self.server.await
    }
}

#[cfg(test)]
mod exposure_tests {
    use super::*;

    #[test]
    fn open_metrics_beyond_loopback_are_warned_about() {
        let mut settings = Settings::for_database("postgres://x@localhost/x");
        settings.bind = "127.0.0.1:8080".into();
        assert!(exposure_warnings(&settings, false).is_empty());
        settings.bind = "0.0.0.0:8080".into();
        assert_eq!(exposure_warnings(&settings, false).len(), 1);
        settings.metrics_token = Some(secrecy::SecretString::from("t".to_string()));
        assert!(exposure_warnings(&settings, false).is_empty());
        assert_eq!(exposure_warnings(&settings, true).len(), 1);
    }
}
