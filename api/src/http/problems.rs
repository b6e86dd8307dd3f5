//! The problem responses a route documents, as named sets for `#[utoipa::path]`, so each
//! handler states its failure modes in one line instead of one tuple per status:
//!
//! ```text
//! responses((status = 200, body = PersonDetail), Denied, NotFound)
//! ```
//!
//! Each set documents `application/problem+json` with the `Problem` schema and no
//! description, exactly what a `(status = …, body = Problem, content_type = …)` tuple
//! produced. A response that needs its own description (a 409 saying which conflict)
//! stays a tuple beside the sets.

use std::collections::BTreeMap;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

/// One documented problem response.
fn problem() -> RefOr<Response> {
    ResponseBuilder::new()
        .description("")
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

macro_rules! problem_sets {
    ($($(#[$doc:meta])* $name:ident = [$($status:literal),+];)*) => {$(
        $(#[$doc])*
        pub struct $name;

        impl utoipa::IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                [$($status),+]
                    .into_iter()
                    .map(|status: u16| (status.to_string(), problem()))
                    .collect()
            }
        }
    )*};
}

problem_sets! {
    /// 400: a body that is not the JSON the route takes (a malformed merge patch).
    Malformed = [400];
    /// 401: no valid session.
    Unauthenticated = [401];
    /// 401 and 403: no valid session, or a role without the route's permission.
    Denied = [401, 403];
    /// 404: no such object, or one the caller may not know exists.
    NotFound = [404];
    /// 409: the change conflicts with the current state.
    Conflict = [409];
    /// 412 and 428: `If-Match` names a stale version, or is missing.
    Conditional = [412, 428];
    /// 415: a body of a media type the route does not take.
    UnsupportedMedia = [415];
    /// 422: the input breaks a rule; `errors` names each field.
    Invalid = [422];
    /// 429: too many requests of this kind from this user or address; see `Retry-After`.
    Throttled = [429];
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::IntoResponses;

    #[test]
    fn a_set_documents_each_of_its_statuses_as_a_problem() {
        let responses = Conditional::responses();
        let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
        assert_eq!(statuses, ["412", "428"]);
        let json = serde_json::to_value(&responses["412"]).unwrap_or_default();
        assert_eq!(
            json["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/Problem"
        );
    }
}
