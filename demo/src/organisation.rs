//! The organisation: the demo's units (national unit, directorates, offices) and their users of every role.

use super::random::{new_id, pick};
use super::sql::{self, Batch};
use super::text::ascii_fold;
use super::{catalog, Report};
use crate::unit_names;
use catalog::OFFICES;
use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use rand::rngs::StdRng;
use rand::Rng;
use std::collections::HashMap;
use uuid::Uuid;

pub(super) struct UnitInfo {
    pub(super) id: Uuid,
    pub(super) officers: Vec<(Uuid, String)>,
    pub(super) supervisor: (Uuid, String),
}

#[derive(QueryableByName)]
struct IdRow {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    id: Uuid,
}

/// Writes the units and users; returns every office's unit, officers and supervisor.
pub(super) async fn create(
    conn: &mut AsyncPgConnection,
    rng: &mut StdRng,
    hash: &str,
    report: &mut Report,
) -> anyhow::Result<HashMap<&'static str, UnitInfo>> {
    // Units: the root (kept if it exists), the national unit, directorates, offices.
    let root: Option<IdRow> = diesel::sql_query(
        "SELECT id FROM units WHERE parent_id IS NULL ORDER BY created_at LIMIT 1",
    )
    .get_result(conn)
    .await
    .ok();
    let mut units_batch = Batch::new(
        "units",
        &[
            "id",
            "code",
            "name",
            "parent_id",
            "location_type",
            "unlocode",
            "name_translations",
        ],
    );
    let root_id = match root {
        Some(r) => r.id,
        None => {
            let id = new_id(rng);
            units_batch.push(&[
                sql::uuid(id),
                sql::text("HQ"),
                sql::text("Headquarters"),
                "NULL".into(),
                "NULL".into(),
                "NULL".into(),
                sql::json(&unit_names::translations("HQ")),
            ]);
            id
        }
    };
    let mut unit_ids: HashMap<&str, Uuid> = HashMap::new();
    let ncu = new_id(rng);
    units_batch.push(&[
        sql::uuid(ncu),
        sql::text(catalog::NATIONAL_UNIT.0),
        sql::text(catalog::NATIONAL_UNIT.1),
        sql::uuid(root_id),
        sql::text("inland"),
        sql::text("FRPAR"),
        sql::json(&unit_names::translations(catalog::NATIONAL_UNIT.0)),
    ]);
    for (code, name, locode) in catalog::DIRECTORATES {
        let id = new_id(rng);
        unit_ids.insert(code, id);
        units_batch.push(&[
            sql::uuid(id),
            sql::text(code),
            sql::text(name),
            sql::uuid(root_id),
            "NULL".into(),
            sql::text(locode),
            sql::json(&unit_names::translations(code)),
        ]);
    }
    for o in OFFICES {
        let id = new_id(rng);
        unit_ids.insert(o.code, id);
        units_batch.push(&[
            sql::uuid(id),
            sql::text(o.code),
            sql::text(o.name),
            sql::opt_uuid(unit_ids.get(o.parent).copied()),
            sql::text(o.location_type),
            sql::text(o.unlocode),
            sql::json(&unit_names::translations(o.code)),
        ]);
    }
    units_batch.flush(conn).await?;
    report.units = units_batch.written;

    // Users: officers and a supervisor per office; a supervisor, an investigator and
    // an analyst per directorate; the national unit holds every other role.
    let mut users = Batch::new(
        "users",
        &[
            "id",
            "username",
            "display_name",
            "email",
            "unit_id",
            "roles",
            "password_hash",
        ],
    );
    let mut unit_info: HashMap<&'static str, UnitInfo> = HashMap::new();
    let add_user = |rng: &mut StdRng,
                    users: &mut Batch,
                    username: String,
                    unit: Uuid,
                    roles: &[&str]|
     -> (Uuid, String) {
        let id = new_id(rng);
        let female = rng.random_bool(0.45);
        let given = if female {
            pick(rng, catalog::names_for("FR").female)
        } else {
            pick(rng, catalog::names_for("FR").male)
        };
        let family = pick(rng, catalog::names_for("FR").family);
        let display = format!("{given} {family}");
        let email = format!(
            "{}.{}@customs.example",
            ascii_fold(given),
            ascii_fold(family)
        );
        users.push(&[
            sql::uuid(id),
            sql::text(&username),
            sql::text(&display),
            sql::text(&email),
            sql::uuid(unit),
            sql::texts(roles),
            sql::text(hash),
        ]);
        (id, display)
    };
    let mut sample_users = Vec::new();
    for o in OFFICES {
        let unit = unit_ids[o.code];
        let prefix = o.code.to_lowercase();
        let n = if o.weight >= 8 { 3 } else { 2 };
        let officers: Vec<(Uuid, String)> = (1..=n)
            .map(|i| {
                add_user(
                    rng,
                    &mut users,
                    format!("{prefix}.officer{i}"),
                    unit,
                    &["officer"],
                )
            })
            .collect();
        let supervisor = add_user(
            rng,
            &mut users,
            format!("{prefix}.supervisor"),
            unit,
            &["supervisor"],
        );
        unit_info.insert(
            o.code,
            UnitInfo {
                id: unit,
                officers,
                supervisor,
            },
        );
    }
    for (code, _, _) in catalog::DIRECTORATES {
        let unit = unit_ids[code];
        let prefix = code.to_lowercase();
        for role in ["supervisor", "investigator", "analyst"] {
            add_user(rng, &mut users, format!("{prefix}.{role}"), unit, &[role]);
        }
    }
    for role in [
        "analyst",
        "investigator",
        "supervisor",
        "liaison",
        "auditor",
    ] {
        add_user(rng, &mut users, format!("ncu.{role}"), ncu, &[role]);
    }
    add_user(rng, &mut users, "demo.admin".into(), ncu, &["admin"]);
    for (u, what) in [
        (
            "cdg-pax.officer1",
            "officer at Paris-CDG passenger terminals (records cases)",
        ),
        (
            "cdg-pax.supervisor",
            "supervisor of that office (validates, reopens)",
        ),
        ("leh-port.officer1", "officer at the port of Le Havre"),
        ("ncu.analyst", "analyst (reads every case)"),
        ("ncu.investigator", "investigator"),
        ("ncu.liaison", "liaison officer"),
        ("ncu.auditor", "auditor (reads the audit trail)"),
        ("demo.admin", "administrator (users, units, code lists)"),
    ] {
        sample_users.push((u.to_string(), what.to_string()));
    }
    users.flush(conn).await?;
    report.users = users.written;
    report.sample_users = sample_users;
    Ok(unit_info)
}
