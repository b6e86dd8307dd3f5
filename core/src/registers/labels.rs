//! How lists show register records, read in one query per register for many ids.

use crate::db::schema::{companies, conveyances, persons};
use crate::error::Result;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use std::collections::HashMap;
use uuid::Uuid;

/// How a list shows a register record: a person's name with the date of birth, a company
/// with its country, a conveyance's identifier with its kind.
pub async fn labels(
    conn: &mut AsyncPgConnection,
    persons_ids: &[Uuid],
    companies_ids: &[Uuid],
    conveyances_ids: &[Uuid],
) -> Result<HashMap<Uuid, String>> {
    let mut out = HashMap::new();
    type Born = (Option<i16>, Option<i16>, Option<i16>);
    let people: Vec<(Uuid, String, Option<String>, Born)> = persons::table
        .filter(persons::id.eq_any(persons_ids))
        .select((
            persons::id,
            persons::family_name,
            persons::given_names,
            (
                persons::birth_year,
                persons::birth_month,
                persons::birth_day,
            ),
        ))
        .load(conn)
        .await?;
    for (id, family, given, (y, m, d)) in people {
        let mut label = family.to_uppercase();
        if let Some(g) = given {
            label.push_str(", ");
            label.push_str(&g);
        }
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) => label.push_str(&format!(" ({y:04}-{m:02}-{d:02})")),
            (Some(y), Some(m), None) => label.push_str(&format!(" ({y:04}-{m:02})")),
            (Some(y), _, _) => label.push_str(&format!(" ({y:04})")),
            _ => {}
        }
        out.insert(id, label);
    }
    let firms: Vec<(Uuid, String, Option<String>)> = companies::table
        .filter(companies::id.eq_any(companies_ids))
        .select((companies::id, companies::name, companies::country))
        .load(conn)
        .await?;
    for (id, name, country) in firms {
        let label = match country {
            Some(c) => format!("{name} ({c})"),
            None => name,
        };
        out.insert(id, label);
    }
    let vehicles: Vec<(Uuid, String, String, Option<String>)> = conveyances::table
        .filter(conveyances::id.eq_any(conveyances_ids))
        .select((
            conveyances::id,
            conveyances::identifier_kind,
            conveyances::identifier,
            conveyances::name,
        ))
        .load(conn)
        .await?;
    for (id, kind, identifier, name) in vehicles {
        let label = match name {
            Some(n) => format!("{identifier} ({kind}, {n})"),
            None => format!("{identifier} ({kind})"),
        };
        out.insert(id, label);
    }
    Ok(out)
}
