//! Serves the built browser app with history fallback: any GET that is not an API,
//! health or metrics path and not a file gets `index.html`.

use actix_files::{Files, NamedFile};
use actix_web::dev::{fn_service, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use std::path::{Path, PathBuf};

fn is_api_path(path: &str) -> bool {
    ["/api", "/health", "/metrics"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

pub fn files(web_dir: &str) -> Option<Files> {
    let dir = PathBuf::from(web_dir);
    let index = dir.join("index.html");
    if !index.is_file() {
        return None;
    }
    let files = Files::new("/", &dir)
        .index_file("index.html")
        .redirect_to_slash_directory()
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                // The user guide (`/help/…`) is files only: a page it does not have is a 404,
                // not the app.
                if is_api_path(req.path())
                    || req.path().starts_with("/help/")
                    || !(req.method() == Method::GET || req.method() == Method::HEAD)
                {
                    let err: actix_web::Error = crate::http::fallback::unmatched(&req).into();
                    return Ok(ServiceResponse::from_err(err, req));
                }
                let file = NamedFile::open_async(Path::new(&index)).await?;
                let mut res = file.into_response(&req);
                res.headers_mut().insert(
                    actix_web::http::header::CACHE_CONTROL,
                    actix_web::http::header::HeaderValue::from_static("no-cache"),
                );
                Ok(ServiceResponse::new(req, res))
            }
        }));
    Some(files)
}
