//! What the demo messages are about and between whom, read back from the database once the
//! main transaction has committed: the demo's users (as the principals the API would build),
//! its units, its most recent cases with their goods, route, conveyances and persons, and
//! the labels of the codes the texts mention.

use crate::catalog::{self, Mode, Office, OFFICES};
use chrono::{DateTime, Utc};
use diesel::sql_types::{Array, Double, Nullable, SmallInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::audit::Actor;
use ncen_core::auth::{Principal, Role};
use ncen_core::seizures::dto::CaseStatus;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// How many of the most recent cases the messages may talk about.
const RECENT_CASES: i64 = 400;

/// A demo user: the principal the API would build for their session, and their audit actor.
pub(super) struct Person {
    pub(super) who: Principal,
    pub(super) actor: Actor,
}

impl Person {
    pub(super) fn has(&self, role: Role) -> bool {
        self.who.roles.contains(&role)
    }
}

pub(super) struct Conveyance {
    pub(super) id: Uuid,
    pub(super) kind: String,
    pub(super) identifier: String,
    pub(super) name: Option<String>,
    pub(super) country: Option<String>,
}

pub(super) struct Suspect {
    pub(super) id: Uuid,
    pub(super) name: String,
    pub(super) birth_year: Option<i16>,
    pub(super) nationality: Option<String>,
    pub(super) passport: Option<(String, Option<String>)>,
}

pub(super) struct Case {
    pub(super) id: Uuid,
    pub(super) reference: String,
    pub(super) status: CaseStatus,
    pub(super) unit: Uuid,
    pub(super) officer: Option<usize>,
    pub(super) detected_at: DateTime<Utc>,
    pub(super) group: Option<String>,
    pub(super) commodity: Option<String>,
    pub(super) quantity: f64,
    pub(super) measure: String,
    pub(super) mass_kg: Option<f64>,
    pub(super) concealment: Option<String>,
    /// Countries of the route legs, in order.
    pub(super) route: Vec<String>,
    pub(super) conveyances: Vec<Conveyance>,
    pub(super) suspects: Vec<Suspect>,
}

pub(super) struct World {
    pub(super) people: Vec<Person>,
    by_username: HashMap<String, usize>,
    /// Unit code → (id, name).
    units: HashMap<String, (Uuid, String)>,
    code_of: HashMap<Uuid, String>,
    members: HashMap<Uuid, Vec<usize>>,
    /// Most recent first.
    pub(super) cases: Vec<Case>,
    /// (list, code) → (English, French) label.
    labels: HashMap<(String, String), (String, String)>,
    countries: HashSet<String>,
}

#[derive(QueryableByName)]
struct UserRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    username: String,
    #[diesel(sql_type = Text)]
    display_name: String,
    #[diesel(sql_type = SqlUuid)]
    unit_id: Uuid,
    #[diesel(sql_type = Array<Text>)]
    roles: Vec<String>,
}

#[derive(QueryableByName)]
struct UnitRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct LabelRow {
    #[diesel(sql_type = Text)]
    list_name: String,
    #[diesel(sql_type = Text)]
    code: String,
    #[diesel(sql_type = Text)]
    en: String,
    #[diesel(sql_type = Text)]
    fr: String,
}

#[derive(QueryableByName)]
struct CaseRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    reference: String,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = SqlUuid)]
    reporting_unit_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    reporting_officer_id: Uuid,
    #[diesel(sql_type = Timestamptz)]
    detected_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Text>)]
    concealment_method: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    commodity_group: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    commodity_type: Option<String>,
    #[diesel(sql_type = Nullable<Double>)]
    quantity: Option<f64>,
    #[diesel(sql_type = Nullable<Text>)]
    unit: Option<String>,
    #[diesel(sql_type = Nullable<Double>)]
    mass_kg: Option<f64>,
    #[diesel(sql_type = Array<Text>)]
    route: Vec<String>,
}

#[derive(QueryableByName)]
struct ConveyanceRow {
    #[diesel(sql_type = SqlUuid)]
    case_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    identifier_kind: String,
    #[diesel(sql_type = Text)]
    identifier: String,
    #[diesel(sql_type = Nullable<Text>)]
    name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    country: Option<String>,
}

#[derive(QueryableByName)]
struct SuspectRow {
    #[diesel(sql_type = SqlUuid)]
    case_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Nullable<SmallInt>)]
    birth_year: Option<i16>,
    #[diesel(sql_type = Nullable<Text>)]
    nationality: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    passport: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    issuing_country: Option<String>,
}

impl World {
    pub(super) async fn load(
        conn: &mut AsyncPgConnection,
        rng: &mut rand::rngs::StdRng,
    ) -> anyhow::Result<World> {
        let codes: Vec<String> = OFFICES
            .iter()
            .map(|o| o.code)
            .chain(catalog::DIRECTORATES.iter().map(|d| d.0))
            .chain([catalog::NATIONAL_UNIT.0])
            .map(str::to_string)
            .collect();
        let unit_rows: Vec<UnitRow> = diesel::sql_query(
            "SELECT id, code, name FROM units WHERE code = ANY($1) ORDER BY code",
        )
        .bind::<Array<Text>, _>(&codes)
        .load(conn)
        .await?;
        let user_rows: Vec<UserRow> = diesel::sql_query(
            "SELECT u.id, u.username, u.display_name, u.unit_id, u.roles FROM users u \
             JOIN units n ON n.id = u.unit_id \
             WHERE u.disabled_at IS NULL AND n.code = ANY($1) ORDER BY u.username",
        )
        .bind::<Array<Text>, _>(&codes)
        .load(conn)
        .await?;
        let mut world = World {
            people: Vec::new(),
            by_username: HashMap::new(),
            units: HashMap::new(),
            code_of: HashMap::new(),
            members: HashMap::new(),
            cases: Vec::new(),
            labels: HashMap::new(),
            countries: HashSet::new(),
        };
        for u in unit_rows {
            world.code_of.insert(u.id, u.code.clone());
            world.units.insert(u.code, (u.id, u.name));
        }
        for u in user_rows {
            let i = world.people.len();
            world.by_username.insert(u.username.clone(), i);
            world.members.entry(u.unit_id).or_default().push(i);
            let actor = Actor::user(u.id, &u.username, None, Some("ncen-demo".into()));
            world.people.push(Person {
                who: Principal {
                    id: u.id,
                    username: u.username,
                    display_name: u.display_name,
                    unit_id: u.unit_id,
                    roles: u.roles.iter().filter_map(|r| Role::parse(r)).collect(),
                    session_id: crate::random::new_id(rng),
                },
                actor,
            });
        }
        let labels: Vec<LabelRow> = diesel::sql_query(
            "SELECT list_name, code, coalesce(labels->>'en', code) AS en, \
                    coalesce(labels->>'fr', labels->>'en', code) AS fr \
               FROM codelist_entries WHERE retired_at IS NULL AND list_name IN \
               ('countries', 'commodity_types', 'commodity_groups', 'concealment_methods', 'units_of_measure')",
        )
        .load(conn)
        .await?;
        for l in labels {
            if l.list_name == "countries" {
                world.countries.insert(l.code.clone());
            }
            world.labels.insert((l.list_name, l.code), (l.en, l.fr));
        }
        world.load_cases(conn).await?;
        Ok(world)
    }

    async fn load_cases(&mut self, conn: &mut AsyncPgConnection) -> anyhow::Result<()> {
        let units: Vec<Uuid> = self.code_of.keys().copied().collect();
        let rows: Vec<CaseRow> = diesel::sql_query(
            "SELECT c.id, c.reference, c.status, c.reporting_unit_id, c.reporting_officer_id, \
                    c.detected_at, c.concealment_method, g.commodity_group, g.commodity_type, \
                    g.quantity, g.unit, g.mass_kg, \
                    coalesce((SELECT array_agg(l.country ORDER BY l.position) \
                                FROM seizure_route_legs l WHERE l.case_id = c.id), '{}') AS route \
               FROM seizure_cases c \
               LEFT JOIN LATERAL (SELECT * FROM seizure_goods g WHERE g.case_id = c.id \
                                   ORDER BY g.position LIMIT 1) g ON true \
              WHERE c.reporting_unit_id = ANY($1) \
              ORDER BY c.detected_at DESC, c.id LIMIT $2",
        )
        .bind::<Array<SqlUuid>, _>(&units)
        .bind::<diesel::sql_types::BigInt, _>(RECENT_CASES)
        .load(conn)
        .await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let conveyances: Vec<ConveyanceRow> = diesel::sql_query(
            "SELECT l.case_id, v.id, v.identifier_kind, v.identifier, v.name, v.country \
               FROM seizure_case_conveyances l JOIN conveyances v ON v.id = l.conveyance_id \
              WHERE l.case_id = ANY($1) ORDER BY l.case_id, l.position, v.id",
        )
        .bind::<Array<SqlUuid>, _>(&ids)
        .load(conn)
        .await?;
        let suspects: Vec<SuspectRow> = diesel::sql_query(
            "SELECT l.case_id, p.id, concat_ws(' ', p.given_names, upper(p.family_name)) AS name, \
                    p.birth_year, p.nationalities[1] AS nationality, d.number AS passport, \
                    d.issuing_country \
               FROM seizure_case_persons l JOIN persons p ON p.id = l.person_id \
               LEFT JOIN LATERAL (SELECT number, issuing_country FROM person_documents d \
                                   WHERE d.person_id = p.id AND d.document_type = 'passport' \
                                   ORDER BY d.position LIMIT 1) d ON true \
              WHERE l.case_id = ANY($1) ORDER BY l.case_id, l.position, p.id",
        )
        .bind::<Array<SqlUuid>, _>(&ids)
        .load(conn)
        .await?;
        let mut by_case: HashMap<Uuid, (Vec<Conveyance>, Vec<Suspect>)> = HashMap::new();
        for c in conveyances {
            by_case.entry(c.case_id).or_default().0.push(Conveyance {
                id: c.id,
                kind: c.identifier_kind,
                identifier: c.identifier,
                name: c.name,
                country: c.country,
            });
        }
        for s in suspects {
            by_case.entry(s.case_id).or_default().1.push(Suspect {
                id: s.id,
                name: s.name,
                birth_year: s.birth_year,
                nationality: s.nationality,
                passport: s.passport.map(|p| (p, s.issuing_country)),
            });
        }
        for r in rows {
            let Some(status) = CaseStatus::parse(&r.status) else {
                continue;
            };
            let (conveyances, suspects) = by_case.remove(&r.id).unwrap_or_default();
            let officer = self
                .people
                .iter()
                .position(|p| p.who.id == r.reporting_officer_id);
            self.cases.push(Case {
                id: r.id,
                reference: r.reference,
                status,
                unit: r.reporting_unit_id,
                officer,
                detected_at: r.detected_at,
                group: r.commodity_group,
                commodity: r.commodity_type,
                quantity: r.quantity.unwrap_or(0.0),
                measure: r.unit.unwrap_or_else(|| "pcs".into()),
                mass_kg: r.mass_kg,
                concealment: r.concealment_method,
                route: r.route,
                conveyances,
                suspects,
            });
        }
        Ok(())
    }

    pub(super) fn user(&self, username: &str) -> Option<usize> {
        self.by_username.get(username).copied()
    }

    pub(super) fn unit(&self, code: &str) -> Option<Uuid> {
        self.units.get(code).map(|u| u.0)
    }

    pub(super) fn unit_name(&self, id: Uuid) -> String {
        self.code_of
            .get(&id)
            .and_then(|c| self.units.get(c))
            .map(|u| u.1.clone())
            .unwrap_or_default()
    }

    pub(super) fn unit_code(&self, id: Uuid) -> &str {
        self.code_of.get(&id).map_or("", String::as_str)
    }

    /// The enabled users of a unit, by username.
    pub(super) fn members(&self, unit: Uuid) -> &[usize] {
        self.members.get(&unit).map_or(&[], Vec::as_slice)
    }

    /// The office a unit is (offices only).
    pub(super) fn office(&self, unit: Uuid) -> Option<&'static Office> {
        let code = self.code_of.get(&unit)?;
        OFFICES.iter().find(|o| o.code == code)
    }

    /// Offices that handle `mode`.
    pub(super) fn offices_for(&self, mode: Mode) -> Vec<&'static Office> {
        OFFICES
            .iter()
            .filter(|o| o.modes.contains(&mode) && self.units.contains_key(o.code))
            .collect()
    }

    /// The user `<unit code>.<role>` (e.g. `dr-paris.investigator`), if there is one.
    pub(super) fn role_at(&self, unit_code: &str, role: &str) -> Option<usize> {
        self.user(&format!("{}.{role}", unit_code.to_lowercase()))
    }

    pub(super) fn officers(&self, unit: Uuid) -> Vec<usize> {
        self.members(unit)
            .iter()
            .copied()
            .filter(|i| self.people[*i].has(Role::Officer))
            .collect()
    }

    pub(super) fn supervisor(&self, unit: Uuid) -> Option<usize> {
        self.members(unit)
            .iter()
            .copied()
            .find(|i| self.people[*i].has(Role::Supervisor))
    }

    pub(super) fn label(&self, list: &str, code: &str, fr: bool) -> String {
        match self.labels.get(&(list.to_string(), code.to_string())) {
            Some((en, f)) => {
                if fr {
                    f.clone()
                } else {
                    en.clone()
                }
            }
            None => code.replace('_', " "),
        }
    }

    pub(super) fn is_country(&self, code: &str) -> bool {
        self.countries.contains(code)
    }

    /// Whether the user may see the case (the seizure module's own rule).
    pub(super) fn sees(&self, user: usize, case: &Case) -> bool {
        ncen_core::seizures::visible(&self.people[user].who, case.status, case.unit)
    }
}
