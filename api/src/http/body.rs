//! Request bodies read before the handler: held in memory (within the JSON limit) so a
//! middleware can look at them, then handed on unchanged. And the NUL character, which
//! PostgreSQL refuses in text: a request carrying one is answered 422 naming the field
//! (or 404 when it is in the path: such an id names nothing) before it reaches a handler.
//! Whole numbers written as `10.0` are read as the integers they are.

use crate::error::ApiError;
use crate::http::fallback::JsonLimit;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes, BytesMut};
use actix_web::HttpMessage as _;
use futures_util::StreamExt;
use ncen_core::FieldError;
use serde_json::Value;

/// Whether the request says its body is JSON (`application/json`, `…+json`).
pub fn is_json(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .is_some_and(|v| v == "application/json" || v.ends_with("+json"))
}

/// Reads the whole body (413 beyond `limit`) and puts it back for the handler.
pub async fn buffer(req: &mut ServiceRequest, limit: usize) -> Result<Bytes, ApiError> {
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    let mut failed = None;
    while let Some(chunk) = payload.next().await {
        match chunk {
            Ok(chunk) if body.len() + chunk.len() <= limit => body.extend_from_slice(&chunk),
            Ok(_) => {
                failed = Some(ApiError::PayloadTooLarge);
                break;
            }
            Err(_) => {
                failed = Some(ApiError::BadRequest(
                    "the request body could not be read".into(),
                ));
                break;
            }
        }
    }
    let body = body.freeze();
    restore(req, body.clone());
    failed.map_or(Ok(body), Err)
}

/// Hands `body` to the handler as the request's payload.
pub fn restore(req: &mut ServiceRequest, body: Bytes) {
    let stream: std::pin::Pin<Box<dyn futures_util::Stream<Item = Result<Bytes, PayloadError>>>> =
        Box::pin(futures_util::stream::once(async move { Ok(body) }));
    req.set_payload(Payload::from(stream));
}

/// Routes that refuse a NUL themselves: signing in counts and audits such a request as a
/// failed attempt (`auth::handlers`), which a refusal here would skip; a partner's package is
/// signed over its exact bytes, of its own size limit, and every attempt is audited
/// (`exchange::inbox`), so its body must reach the route untouched.
const SCANS_ITS_OWN_BODY: [&str; 2] = ["/api/v1/auth/login", "/api/v1/exchange/inbox"];

const NUL_CODE: &str = "nul_character";
const NUL_MESSAGE: &str = "text may not contain the NUL character (U+0000)";

/// Middleware: refuses a NUL character in the path (404), the query string or a JSON body
/// (422 with the field).
pub async fn refuse_nul<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    if let Err(refusal) = nul_check(&mut req).await {
        return Ok(req.error_response(refusal).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

async fn nul_check(req: &mut ServiceRequest) -> Result<(), ApiError> {
    if has_nul_escape(req.uri().path().as_bytes()) {
        return Err(ApiError::NotFound);
    }
    let query = req.query_string();
    if has_nul_escape(query.as_bytes()) {
        let pairs = web::Query::<Vec<(String, String)>>::from_query(query)
            .map(web::Query::into_inner)
            .unwrap_or_default();
        let fields: Vec<FieldError> = pairs
            .into_iter()
            .filter(|(k, v)| k.contains('\0') || v.contains('\0'))
            .map(|(k, _)| FieldError::new(k.replace('\0', ""), NUL_CODE, NUL_MESSAGE))
            .collect();
        return Err(if fields.is_empty() {
            ApiError::BadRequest("invalid query string".into())
        } else {
            ApiError::Validation(fields)
        });
    }
    let handled_by_route = SCANS_ITS_OWN_BODY.contains(&req.path());
    if matches!(*req.method(), Method::POST | Method::PUT | Method::PATCH)
        && is_json(req)
        && !handled_by_route
    {
        let limit = req
            .app_data::<web::Data<JsonLimit>>()
            .map_or(1024 * 1024, |l| l.0);
        let body = buffer(req, limit).await?;
        if let Ok(mut value) = serde_json::from_slice::<Value>(&body) {
            let mut fields = Vec::new();
            nul_fields(&value, String::new(), &mut fields);
            if !fields.is_empty() {
                return Err(ApiError::Validation(fields));
            }
            if integral_floats_as_integers(&mut value) {
                if let Ok(body) = serde_json::to_vec(&value) {
                    restore(req, Bytes::from(body));
                }
            }
        }
    }
    Ok(())
}

/// JSON has one number type: `10.0` is the integer 10 (RFC 8259 §6; JSON Schema's `integer`
/// takes it), but a typed reader refuses it for an integer field. Whole numbers written with
/// a fraction or exponent are rewritten as integers; a float field reads them the same.
fn integral_floats_as_integers(value: &mut Value) -> bool {
    match value {
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                *value = Value::from(f as i64);
                true
            }
            _ => false,
        },
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, v| integral_floats_as_integers(v) | changed),
        Value::Object(map) => map
            .values_mut()
            .fold(false, |changed, v| integral_floats_as_integers(v) | changed),
        _ => false,
    }
}

/// `%00` in a raw path or query string (either case of hex digit is the same byte).
fn has_nul_escape(raw: &[u8]) -> bool {
    raw.windows(3).any(|w| w == b"%00")
}

fn nul_fields(value: &Value, path: String, out: &mut Vec<FieldError>) {
    match value {
        Value::String(s) if s.contains('\0') => {
            out.push(FieldError::new(path, NUL_CODE, NUL_MESSAGE));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                nul_fields(item, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let at = if path.is_empty() {
                    key.replace('\0', "")
                } else {
                    format!("{path}.{}", key.replace('\0', ""))
                };
                if key.contains('\0') {
                    out.push(FieldError::new(at.clone(), NUL_CODE, NUL_MESSAGE));
                }
                nul_fields(item, at, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers_written_as_floats_become_integers() {
        let mut v = json!({"position": 10.0, "quantity": 1.5, "legs": [{"n": 2e3}], "k": 3});
        assert!(integral_floats_as_integers(&mut v));
        assert_eq!(
            v,
            json!({"position": 10, "quantity": 1.5, "legs": [{"n": 2000}], "k": 3})
        );
        assert!(!integral_floats_as_integers(&mut json!({"a": 1, "b": 0.5})));
    }

    #[test]
    fn nul_characters_are_found_with_their_path() {
        let mut out = Vec::new();
        nul_fields(
            &json!({"name": "a\u{0}b", "phones": ["ok", "x\u{0}"], "goods": [{"d": "\u{0}"}]}),
            String::new(),
            &mut out,
        );
        let mut fields: Vec<_> = out.into_iter().map(|f| f.field).collect();
        fields.sort();
        assert_eq!(fields, ["goods[0].d", "name", "phones[1]"]);
    }
}
