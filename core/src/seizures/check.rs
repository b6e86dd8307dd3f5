//! Turns a `CaseInput` into a `Plan` the repository can write: every field trimmed,
//! normalised and checked (code lists, check digits, ranges, dates, route order, links),
//! with every problem reported at once under its JSON path (e.g. `goods[1].quantity`).

use super::dto::{
    CaseInput, CaseKind, GoodsInput, RouteLegInput, AGE_BANDS, CITES, CONVEYANCE_ROLES, KINDS,
};
use crate::codelists::book::CodeBook;
use crate::common::check::Checker;
use crate::error::Error;
use crate::registers::companies::dto::CompanyInput;
use crate::registers::companies::Companies;
use crate::registers::conveyances::dto::ConveyanceInput;
use crate::registers::conveyances::Conveyances;
use crate::registers::persons::dto::{PersonInput, GENDERS};
use crate::registers::persons::Persons;
use crate::registers::Register;
use chrono::Duration;
use diesel_async::AsyncPgConnection;
use std::collections::HashSet;
use uuid::Uuid;

pub const CODE_LISTS: &[&str] = &[
    "countries",
    "currencies",
    "commodity_groups",
    "commodity_types",
    "detection_methods",
    "concealment_methods",
    "location_types",
    "units_of_measure",
    "directions",
    "route_leg_roles",
    "person_roles",
    "company_roles",
    "conveyance_types",
    "document_types",
];

/// Largest plausible quantity of one goods item, and mass (10 000 t).
const MAX_QUANTITY: f64 = 1e9;
const MAX_MASS_KG: f64 = 1e7;
const MAX_VALUE: f64 = 1e13;

/// A linked register record: one that exists, or one to create with the case.
pub enum Target<T> {
    Existing(Uuid),
    New(T),
}

/// A validated case, ready to write.
pub struct Plan {
    pub kind: CaseKind,
    /// Scalar fields (goods, route and links are in the fields below).
    pub case: CaseInput,
    /// Goods with their derived mass in kg.
    pub goods: Vec<(GoodsInput, Option<f64>)>,
    /// Ordered by position.
    pub route: Vec<RouteLegInput>,
    pub persons: Vec<(Target<PersonInput>, String)>,
    pub companies: Vec<(Target<CompanyInput>, String)>,
    pub conveyances: Vec<(Target<(ConveyanceInput, String)>, String)>,
}

fn unlocode(ck: &mut Checker, field: &str, value: Option<String>) -> Option<String> {
    let value = ck
        .text(field, value, 6)
        .map(|v| v.to_uppercase().replace(' ', ""));
    if value
        .as_deref()
        .is_some_and(|v| !crate::identifiers::unlocode(v))
    {
        ck.push(field, "format", "must be a UN/LOCODE such as FRPAR");
    }
    value
}

fn goods_item(
    book: &CodeBook,
    ck: &mut Checker,
    i: usize,
    g: GoodsInput,
) -> (GoodsInput, Option<f64>) {
    let f = |name: &str| format!("goods[{i}].{name}");
    let group = ck.code(
        book,
        "commodity_groups",
        &f("commodity_group"),
        g.commodity_group,
    );
    if group.is_none() {
        ck.push(f("commodity_group"), "required", "is required");
    }
    let commodity_type = ck.code(
        book,
        "commodity_types",
        &f("commodity_type"),
        g.commodity_type,
    );
    if let (Some(t), Some(group)) = (&commodity_type, &group) {
        if book.knows("commodity_types", t)
            && book.parent("commodity_types", t) != Some(group.as_str())
        {
            ck.push(
                f("commodity_type"),
                "mismatch",
                format!("is not a type of the commodity group {group}"),
            );
        }
    }
    // as sent (the published pattern): digits, spaces and dots; only spaces is none
    let hs_code = match g.hs_code {
        Some(raw) if raw.chars().count() > 20 => {
            ck.push(f("hs_code"), "length", "must be at most 20 characters long");
            None
        }
        Some(raw) if raw.chars().all(|c| c == ' ') => None,
        Some(raw) => {
            let digits = raw.replace([' ', '.'], "");
            if !(6..=10).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
                ck.push(f("hs_code"), "format", "must be 6 to 10 digits");
            }
            Some(digits)
        }
        None => None,
    };
    let unit = ck.code(book, "units_of_measure", &f("unit"), g.unit);
    if unit.is_none() {
        ck.push(f("unit"), "required", "is required");
    }
    let mut mass_kg = None;
    match g.quantity {
        None => ck.push(f("quantity"), "required", "is required"),
        Some(q) if !q.is_finite() || q <= 0.0 => {
            ck.push(f("quantity"), "range", "must be greater than 0")
        }
        Some(q) if q > MAX_QUANTITY => ck.push(f("quantity"), "range", "is implausibly large"),
        Some(q) => {
            mass_kg = unit
                .as_deref()
                .and_then(|u| book.number("units_of_measure", u, "kg_factor"))
                .map(|k| q * k);
            if mass_kg.is_some_and(|m| m > MAX_MASS_KG) {
                ck.push(
                    f("quantity"),
                    "range",
                    "is implausibly large (over 10 000 tonnes)",
                );
            }
        }
    }
    if let Some(v) = g.value {
        if !v.is_finite() || !(0.0..=MAX_VALUE).contains(&v) {
            ck.push(
                f("value"),
                "range",
                "must be between 0 and 10 000 000 000 000",
            );
        }
    }
    let currency = ck.code(book, "currencies", &f("currency"), g.currency);
    if g.value.is_some() && currency.is_none() {
        ck.push(
            f("currency"),
            "required",
            "is required when a value is given",
        );
    }
    if let Some(p) = g.purity_percent {
        if !p.is_finite() || !(0.0..=100.0).contains(&p) {
            ck.push(f("purity_percent"), "range", "must be between 0 and 100");
        }
    }
    let item = GoodsInput {
        commodity_group: group,
        commodity_type,
        hs_code,
        description: ck.text(&f("description"), g.description, 2000),
        quantity: g.quantity,
        unit,
        value: g.value,
        currency,
        packaging: ck.text(&f("packaging"), g.packaging, 200),
        brand: ck.text(&f("brand"), g.brand, 200),
        species: ck.text(&f("species"), g.species, 200),
        cites_appendix: ck.one_of(&f("cites_appendix"), g.cites_appendix, CITES),
        purity_percent: g.purity_percent,
    };
    (item, mass_kg)
}

fn route(book: &CodeBook, ck: &mut Checker, legs: Vec<RouteLegInput>) -> Vec<RouteLegInput> {
    let today = ck.now.date_naive() + Duration::days(1);
    let mut out = Vec::new();
    for (i, leg) in legs.into_iter().enumerate() {
        let f = |name: &str| format!("route[{i}].{name}");
        match leg.position {
            None => ck.push(f("position"), "required", "is required"),
            Some(p) if p < 1 => ck.push(f("position"), "range", "must be 1 or more"),
            _ => {}
        }
        let country = ck.code(book, "countries", &f("country"), leg.country);
        if country.is_none() {
            ck.push(f("country"), "required", "is required");
        }
        let role = ck.code(book, "route_leg_roles", &f("role"), leg.role);
        if role.is_none() {
            ck.push(f("role"), "required", "is required");
        }
        for (name, date) in [
            ("departure_date", leg.departure_date),
            ("arrival_date", leg.arrival_date),
        ] {
            if date.is_some_and(|d| d > today) {
                ck.push(f(name), "future", "must not be in the future");
            }
        }
        if let (Some(d), Some(a)) = (leg.departure_date, leg.arrival_date) {
            if a < d {
                ck.push(
                    f("arrival_date"),
                    "order",
                    "must not be before the departure date",
                );
            }
        }
        out.push(RouteLegInput {
            position: leg.position,
            country,
            unlocode: unlocode(ck, &f("unlocode"), leg.unlocode),
            place: ck.text(&f("place"), leg.place, 200),
            role,
            departure_date: leg.departure_date,
            arrival_date: leg.arrival_date,
        });
    }
    // Positions must be exactly 1..n.
    let mut seen = HashSet::new();
    for (i, leg) in out.iter().enumerate() {
        if let Some(p) = leg.position.filter(|p| *p >= 1) {
            if !seen.insert(p) || p as usize > out.len() {
                ck.push(
                    format!("route[{i}].position"),
                    "sequence",
                    format!(
                        "positions must run from 1 to {} without gaps or repeats",
                        out.len()
                    ),
                );
            }
        }
    }
    out.sort_by_key(|l| l.position);
    out
}

/// Resolves `(existing id, inline record)` into a target, or reports why it cannot.
fn target<T>(
    ck: &mut Checker,
    field: &str,
    id_name: &str,
    id: Option<Uuid>,
    new: Option<T>,
) -> Option<Target<T>> {
    match (id, new) {
        (Some(id), None) => Some(Target::Existing(id)),
        (None, Some(new)) => Some(Target::New(new)),
        _ => {
            ck.push(
                format!("{field}.{id_name}"),
                "one_of",
                format!("give exactly one of {id_name} or a new record"),
            );
            None
        }
    }
}

/// Checks that linked records exist, adding `not_found` errors for those that do not.
fn missing(ck: &mut Checker, field: &str, id_name: &str, ids: &[(usize, Uuid)], existing: &[Uuid]) {
    for (i, id) in ids {
        if !existing.contains(id) {
            ck.push(
                format!("{field}[{i}].{id_name}"),
                "not_found",
                "no such record",
            );
        }
    }
}

fn existing_ids<T>(
    field: &str,
    links: &[(Target<T>, String)],
    ck: &mut Checker,
) -> Vec<(usize, Uuid)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, (t, role)) in links.iter().enumerate() {
        if let Target::Existing(id) = t {
            if !seen.insert((*id, role.clone())) {
                ck.push(
                    format!("{field}[{i}]"),
                    "duplicate",
                    "this record is already linked with this role",
                );
            }
            out.push((i, *id));
        }
    }
    out
}

/// How the links to one register are named and what roles they take.
struct LinkKind {
    /// The list in the input (`persons`), the inline record's field (`person`).
    list: &'static str,
    record: &'static str,
    roles: Roles,
}

enum Roles {
    /// Roles from a code list.
    CodeList(&'static str),
    /// Roles from a fixed set.
    OneOf(&'static [&'static str]),
}

impl LinkKind {
    fn persons() -> Self {
        LinkKind {
            list: "persons",
            record: "person",
            roles: Roles::CodeList("person_roles"),
        }
    }
    fn companies() -> Self {
        LinkKind {
            list: "companies",
            record: "company",
            roles: Roles::CodeList("company_roles"),
        }
    }
    fn conveyances() -> Self {
        LinkKind {
            list: "conveyances",
            record: "conveyance",
            roles: Roles::OneOf(CONVEYANCE_ROLES),
        }
    }
}

/// A link as sent: its role, and an existing record's id or a new record.
type LinkIn<I> = (Option<String>, Option<Uuid>, Option<I>);

/// Checks the case's links to one register: each has a role, and either an existing record's
/// id or a new record (cleaned like the register's own input).
fn links<R: Register>(
    book: &CodeBook,
    ck: &mut Checker,
    kind: LinkKind,
    items: Vec<LinkIn<R::Input>>,
) -> Vec<(Target<R::Clean>, String)> {
    let mut out = Vec::new();
    for (i, (role, id, new)) in items.into_iter().enumerate() {
        let field = format!("{}[{i}]", kind.list);
        let role_field = format!("{field}.role");
        let role = match kind.roles {
            Roles::CodeList(list) => ck.code(book, list, &role_field, role),
            Roles::OneOf(allowed) => ck.one_of(&role_field, role, allowed),
        };
        let prefix = format!("{field}.{}.", kind.record);
        let new = new.map(|r| R::clean(r, book, &prefix, ck));
        let id_name = format!("{}_id", kind.record);
        match (target(ck, &field, &id_name, id, new), role) {
            (Some(t), Some(role)) => out.push((t, role)),
            (_, None) => ck.push(role_field, "required", "is required"),
            _ => {}
        }
    }
    out
}

/// Reports links to records of register `R` that do not exist, and duplicates.
async fn require_existing<R: Register>(
    conn: &mut AsyncPgConnection,
    ck: &mut Checker,
    field: &str,
    id_name: &str,
    links: &[(Target<R::Clean>, String)],
) -> Result<(), Error> {
    let ids = existing_ids(field, links, ck);
    if !ids.is_empty() {
        let wanted: Vec<Uuid> = ids.iter().map(|(_, id)| *id).collect();
        let found = R::existing(conn, &wanted).await?;
        missing(ck, field, id_name, &ids, &found);
    }
    Ok(())
}

pub async fn check(conn: &mut AsyncPgConnection, input: CaseInput) -> Result<Plan, Error> {
    let book = CodeBook::load(conn, CODE_LISTS).await?;
    check_with(conn, &book, input).await
}

/// As `check`, with the code lists already loaded (`CODE_LISTS`; an import loads them once).
pub async fn check_with(
    conn: &mut AsyncPgConnection,
    book: &CodeBook,
    mut input: CaseInput,
) -> Result<Plan, Error> {
    let mut ck = Checker::new();
    let kind = ck.one_of("kind", input.kind.take(), KINDS);
    if kind.is_none() {
        ck.push("kind", "required", "is required");
    }
    when_and_where(&mut ck, &input);
    sizes(&mut ck, kind.as_deref(), &input);
    let goods = std::mem::take(&mut input.goods)
        .into_iter()
        .enumerate()
        .map(|(i, g)| goods_item(book, &mut ck, i, g))
        .collect();
    let route = route(book, &mut ck, std::mem::take(&mut input.route));
    let (persons, companies, conveyances) = parties(conn, book, &mut ck, &mut input).await?;
    let case = scalars(book, &mut ck, kind, input);
    ck.errors.sort_by(|a, b| a.field.cmp(&b.field));
    ck.finish()?;
    let kind = case
        .kind
        .as_deref()
        .and_then(CaseKind::parse)
        .ok_or_else(|| Error::validation("kind", "required", "is required"))?;
    Ok(Plan {
        kind,
        case,
        goods,
        route,
        persons,
        companies,
        conveyances,
    })
}

/// The detection time (required, not in the future) and the position (both coordinates
/// or neither, in range).
fn when_and_where(ck: &mut Checker, input: &CaseInput) {
    match input.detected_at {
        None => ck.push("detected_at", "required", "is required"),
        Some(t) if t > ck.now + Duration::minutes(5) => {
            ck.push("detected_at", "future", "must not be in the future")
        }
        Some(t) if t.timestamp() < 0 => ck.push("detected_at", "range", "must be 1970 or later"),
        _ => {}
    }
    match (input.latitude, input.longitude) {
        (Some(lat), Some(lon)) => {
            if !(-90.0..=90.0).contains(&lat) {
                ck.push("latitude", "range", "must be between -90 and 90");
            }
            if !(-180.0..=180.0).contains(&lon) {
                ck.push("longitude", "range", "must be between -180 and 180");
            }
        }
        (None, None) => {}
        (None, Some(_)) => ck.push("latitude", "required", "is required with a longitude"),
        (Some(_), None) => ck.push("longitude", "required", "is required with a latitude"),
    }
}

/// Goods as the kind requires (a seizure has some, an offence none), and the list limits.
fn sizes(ck: &mut Checker, kind: Option<&str>, input: &CaseInput) {
    let goods_count = input.goods.len();
    match kind {
        Some("seizure") if goods_count == 0 => ck.push(
            "goods",
            "required",
            "a seizure needs at least one goods item",
        ),
        Some("offence") if goods_count > 0 => ck.push(
            "goods",
            "not_allowed",
            "an offence case has no goods seized",
        ),
        _ => {}
    }
    if goods_count > 100 {
        ck.push("goods", "length", "at most 100 items");
    }
    if input.route.len() > 50 {
        ck.push("route", "length", "at most 50 legs");
    }
}

type Parties<T> = Vec<(Target<T>, String)>;

/// The linked persons, companies and conveyances: roles, inline records, and links to
/// records that must exist (one query per register).
async fn parties(
    conn: &mut AsyncPgConnection,
    book: &CodeBook,
    ck: &mut Checker,
    input: &mut CaseInput,
) -> Result<
    (
        Parties<PersonInput>,
        Parties<CompanyInput>,
        Parties<(ConveyanceInput, String)>,
    ),
    Error,
> {
    let persons = std::mem::take(&mut input.persons)
        .into_iter()
        .map(|l| (l.role, l.person_id, l.person));
    let persons = links::<Persons>(book, ck, LinkKind::persons(), persons.collect());
    let companies = std::mem::take(&mut input.companies)
        .into_iter()
        .map(|l| (l.role, l.company_id, l.company));
    let companies = links::<Companies>(book, ck, LinkKind::companies(), companies.collect());
    let conveyances = std::mem::take(&mut input.conveyances)
        .into_iter()
        .map(|l| (l.role, l.conveyance_id, l.conveyance));
    let conveyances =
        links::<Conveyances>(book, ck, LinkKind::conveyances(), conveyances.collect());
    require_existing::<Persons>(conn, ck, "persons", "person_id", &persons).await?;
    require_existing::<Companies>(conn, ck, "companies", "company_id", &companies).await?;
    require_existing::<Conveyances>(conn, ck, "conveyances", "conveyance_id", &conveyances).await?;
    Ok((persons, companies, conveyances))
}

/// The case's own fields, trimmed and checked against their code lists and limits.
fn scalars(book: &CodeBook, ck: &mut Checker, kind: Option<String>, input: CaseInput) -> CaseInput {
    CaseInput {
        kind,
        detected_at: input.detected_at,
        place: ck.text("place", input.place, 200),
        location_type: ck.code(book, "location_types", "location_type", input.location_type),
        unlocode: unlocode(ck, "unlocode", input.unlocode),
        country: ck.code(book, "countries", "country", input.country),
        latitude: input.latitude,
        longitude: input.longitude,
        direction: ck.code(book, "directions", "direction", input.direction),
        customs_procedure: ck.text("customs_procedure", input.customs_procedure, 100),
        declaration_reference: ck.text("declaration_reference", input.declaration_reference, 100),
        detection_methods: ck.codes(
            book,
            "detection_methods",
            "detection_methods",
            input.detection_methods,
        ),
        concealment_method: ck.code(
            book,
            "concealment_methods",
            "concealment_method",
            input.concealment_method,
        ),
        concealment_description: ck.text(
            "concealment_description",
            input.concealment_description,
            5000,
        ),
        narrative: ck.text("narrative", input.narrative, 50_000),
        summary_non_nominal: ck.text("summary_non_nominal", input.summary_non_nominal, 10_000),
        offender_nationality: ck.code(
            book,
            "countries",
            "offender_nationality",
            input.offender_nationality,
        ),
        offender_gender: ck.one_of("offender_gender", input.offender_gender, GENDERS),
        offender_age_band: ck.one_of("offender_age_band", input.offender_age_band, AGE_BANDS),
        ..Default::default()
    }
}
