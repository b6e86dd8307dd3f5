//! What an investigation is about: seizure cases, persons, companies, conveyances, alerts and
//! their hits, other investigations — each link with a role and a note. A link is made only to
//! what the caller may see (anything else reads as not found).

use super::timeline::{event, EventKind};
use super::{require, visible, workflow::Standing, writable};
use crate::audit::{record, Actor, Event};
use crate::auth::{Permission, Principal};
use crate::common::check::Checker;
use crate::common::names::{self, Named};
use crate::db::schema::{
    alert_hits, alerts, companies, conveyances, investigation_links as l, investigations, persons,
};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::HashMap;
use utoipa::ToSchema;
use uuid::Uuid;

crate::text_enum! {
    /// What a link points at.
    pub enum TargetKind {
        Case = "case",
        Person = "person",
        Company = "company",
        Conveyance = "conveyance",
        Alert = "alert",
        AlertHit = "alert_hit",
        Investigation = "investigation",
    }
}

impl TargetKind {
    /// The roles a link of this kind may have.
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            TargetKind::Case => &["origin", "evidence", "related"],
            TargetKind::Person => &[
                "suspect",
                "accomplice",
                "witness",
                "victim",
                "contact",
                "other",
            ],
            TargetKind::Company => &["suspect", "front", "intermediary", "victim", "other"],
            TargetKind::Conveyance => &["used", "other"],
            TargetKind::Alert | TargetKind::AlertHit => &["origin", "related"],
            TargetKind::Investigation => &["related", "merged_into"],
        }
    }
}

/// A link to make. Roles by kind: case `origin`, `evidence`, `related`; person `suspect`,
/// `accomplice`, `witness`, `victim`, `contact`, `other`; company `suspect`, `front`,
/// `intermediary`, `victim`, `other`; conveyance `used`, `other`; alert and alert hit
/// `origin`, `related`; investigation `related`, `merged_into`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkInput {
    #[schema(required = true, value_type = TargetKind)]
    pub target_kind: Option<String>,
    #[schema(required = true, value_type = Uuid)]
    pub target_id: Option<Uuid>,
    #[schema(required = true, value_type = String, max_length = 32)]
    pub role: Option<String>,
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LinkDto {
    pub id: Uuid,
    pub target_kind: TargetKind,
    pub target_id: Uuid,
    /// How lists show the target (a case's reference, a person's name and date of birth…).
    pub label: String,
    pub role: String,
    pub note: String,
    pub created_by: Named,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LinkList {
    pub items: Vec<LinkDto>,
}

/// A checked link, ready to insert.
pub struct Checked {
    pub kind: TargetKind,
    pub target: Uuid,
    pub role: String,
    pub note: String,
}

/// Checks a link at `field` (`links[2]`): kind, role, and a target that exists and that `who`
/// may see (`not_found` otherwise: nothing says whether it exists).
pub async fn check(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    ck: &mut Checker,
    field: &str,
    input: LinkInput,
    this: Option<Uuid>,
) -> Result<Option<Checked>> {
    let f = |name: &str| format!("{field}.{name}");
    let kind_text = ck.text(&f("target_kind"), input.target_kind, 32);
    let role = ck.text(&f("role"), input.role, 32);
    let note = ck.text(&f("note"), input.note, 2000).unwrap_or_default();
    let kind = match kind_text.as_deref() {
        None => {
            ck.push(f("target_kind"), "required", "is required");
            None
        }
        Some(k) => {
            let kind = TargetKind::parse(k);
            if kind.is_none() {
                ck.push(
                    f("target_kind"),
                    "unknown_code",
                    format!(
                        "must be one of: {}",
                        TargetKind::ALL
                            .iter()
                            .map(|k| k.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            kind
        }
    };
    let Some(target) = input.target_id else {
        ck.push(f("target_id"), "required", "is required");
        return Ok(None);
    };
    let Some(kind) = kind else {
        return Ok(None);
    };
    match role.as_deref() {
        None => ck.push(f("role"), "required", "is required"),
        Some(r) if !kind.roles().contains(&r) => ck.push(
            f("role"),
            "unknown_code",
            format!("must be one of: {}", kind.roles().join(", ")),
        ),
        Some(_) => {}
    }
    if this == Some(target) {
        ck.push(
            f("target_id"),
            "self",
            "an investigation is not linked to itself",
        );
        return Ok(None);
    }
    if !may_see(conn, who, kind, target).await? {
        ck.push(
            f("target_id"),
            "not_found",
            "no such record that you may see",
        );
        return Ok(None);
    }
    Ok(role.map(|role| Checked {
        kind,
        target,
        role,
        note,
    }))
}

async fn may_see(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    kind: TargetKind,
    id: Uuid,
) -> Result<bool> {
    use diesel::dsl::exists;
    let registers = who.can(Permission::RegistersRead);
    Ok(match kind {
        TargetKind::Case => match crate::seizures::read::find_row(conn, id).await {
            Ok(case) => crate::seizures::require_visible(who, &case).is_ok(),
            Err(Error::NotFound) => false,
            Err(e) => return Err(e),
        },
        TargetKind::Person => {
            registers
                && diesel::select(exists(persons::table.find(id)))
                    .get_result(conn)
                    .await?
        }
        TargetKind::Company => {
            registers
                && diesel::select(exists(companies::table.find(id)))
                    .get_result(conn)
                    .await?
        }
        TargetKind::Conveyance => {
            registers
                && diesel::select(exists(conveyances::table.find(id)))
                    .get_result(conn)
                    .await?
        }
        TargetKind::Alert => {
            diesel::select(exists(
                alerts::table.filter(alerts::id.eq(id).and(alerts::unit_id.eq(who.unit_id))),
            ))
            .get_result(conn)
            .await?
        }
        TargetKind::AlertHit => {
            diesel::select(exists(
                alert_hits::table
                    .inner_join(alerts::table)
                    .filter(alert_hits::id.eq(id).and(alerts::unit_id.eq(who.unit_id))),
            ))
            .get_result(conn)
            .await?
        }
        TargetKind::Investigation => match super::repo::find(conn, id).await {
            Ok(inv) => match super::standing(conn, who, &inv).await {
                Ok(_) => true,
                Err(Error::NotFound) => false,
                Err(e) => return Err(e),
            },
            Err(Error::NotFound) => false,
            Err(e) => return Err(e),
        },
    })
}

/// Writes a checked link (409 when the same target is linked already) and its timeline event.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    investigation: Uuid,
    by: Uuid,
    link: &Checked,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let target = Some(link.target);
    let none = None::<Uuid>;
    let pick = |k: TargetKind| if link.kind == k { target } else { none };
    let inserted = diesel::insert_into(l::table)
        .values((
            l::id.eq(id),
            l::investigation_id.eq(investigation),
            l::target_kind.eq(link.kind.as_str()),
            l::case_id.eq(pick(TargetKind::Case)),
            l::person_id.eq(pick(TargetKind::Person)),
            l::company_id.eq(pick(TargetKind::Company)),
            l::conveyance_id.eq(pick(TargetKind::Conveyance)),
            l::alert_id.eq(pick(TargetKind::Alert)),
            l::alert_hit_id.eq(pick(TargetKind::AlertHit)),
            l::related_id.eq(pick(TargetKind::Investigation)),
            l::role.eq(&link.role),
            l::note.eq(&link.note),
            l::created_by.eq(by),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted == 0 {
        return Err(Error::State(
            "already_linked",
            format!("this {} is already linked to the investigation", link.kind),
        ));
    }
    let label = labels(conn, &[(link.kind, link.target)])
        .await?
        .remove(&link.target)
        .unwrap_or_default();
    event(
        conn,
        investigation,
        Some(by),
        EventKind::LinkAdded,
        Some(id),
        json!({ "target_kind": link.kind, "target_id": link.target, "role": link.role, "label": label }),
    )
    .await?;
    Ok(id)
}

/// Labels of link targets, by target id.
pub async fn labels(
    conn: &mut AsyncPgConnection,
    targets: &[(TargetKind, Uuid)],
) -> Result<HashMap<Uuid, String>> {
    let of =
        |k: TargetKind| -> Vec<Uuid> { targets.iter().filter(|t| t.0 == k).map(|t| t.1).collect() };
    let mut out = crate::registers::labels::labels(
        conn,
        &of(TargetKind::Person),
        &of(TargetKind::Company),
        &of(TargetKind::Conveyance),
    )
    .await?;
    let cases: Vec<(Uuid, String)> = crate::db::schema::seizure_cases::table
        .filter(crate::db::schema::seizure_cases::id.eq_any(of(TargetKind::Case)))
        .select((
            crate::db::schema::seizure_cases::id,
            crate::db::schema::seizure_cases::reference,
        ))
        .load(conn)
        .await?;
    out.extend(cases);
    let alert_refs: Vec<(Uuid, String)> = alerts::table
        .filter(alerts::id.eq_any(of(TargetKind::Alert)))
        .select((alerts::id, alerts::reference))
        .load(conn)
        .await?;
    out.extend(alert_refs);
    let hits: Vec<(Uuid, String)> = alert_hits::table
        .inner_join(alerts::table)
        .filter(alert_hits::id.eq_any(of(TargetKind::AlertHit)))
        .select((alert_hits::id, alerts::reference))
        .load(conn)
        .await?;
    out.extend(hits.into_iter().map(|(id, r)| (id, format!("{r} (hit)"))));
    let related: Vec<(Uuid, String, String)> = investigations::table
        .filter(investigations::id.eq_any(of(TargetKind::Investigation)))
        .select((
            investigations::id,
            investigations::reference,
            investigations::title,
        ))
        .load(conn)
        .await?;
    out.extend(
        related
            .into_iter()
            .map(|(id, r, t)| (id, format!("{r} — {t}"))),
    );
    Ok(out)
}

type LinkRow = (
    Uuid,
    String,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    String,
    String,
    Uuid,
    DateTime<Utc>,
);

type LinkColumns = (
    l::id,
    l::target_kind,
    l::case_id,
    l::person_id,
    l::company_id,
    l::conveyance_id,
    l::alert_id,
    l::alert_hit_id,
    l::related_id,
    l::role,
    l::note,
    l::created_by,
    l::created_at,
);

const LINK_COLUMNS: LinkColumns = (
    l::id,
    l::target_kind,
    l::case_id,
    l::person_id,
    l::company_id,
    l::conveyance_id,
    l::alert_id,
    l::alert_hit_id,
    l::related_id,
    l::role,
    l::note,
    l::created_by,
    l::created_at,
);

/// What a link row points at.
fn target_of(r: &LinkRow) -> Option<(TargetKind, Uuid)> {
    let target = r.2.or(r.3).or(r.4).or(r.5).or(r.6).or(r.7).or(r.8)?;
    Some((TargetKind::parse(&r.1)?, target))
}

/// The investigation's links, oldest first (audited: they name persons).
pub async fn list(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
) -> Result<LinkList> {
    conn.transaction(async |conn| {
        let (_, standing) = visible(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let rows: Vec<LinkRow> = l::table
            .filter(l::investigation_id.eq(id))
            .order((l::created_at.asc(), l::id.asc()))
            .select(LINK_COLUMNS)
            .load(conn)
            .await?;
        let targets: Vec<(TargetKind, Uuid)> = rows.iter().filter_map(target_of).collect();
        let labels = labels(conn, &targets).await?;
        let creators: Vec<Uuid> = rows.iter().map(|r| r.11).collect();
        let users = names::user_names(conn, &creators).await?;
        record(
            conn,
            actor,
            Event::new("investigation.read")
                .object("investigation", id)
                .details(json!({ "part": "links" })),
        )
        .await?;
        let items = rows
            .into_iter()
            .zip(targets)
            .map(|(r, (kind, target))| LinkDto {
                id: r.0,
                target_kind: kind,
                target_id: target,
                label: labels.get(&target).cloned().unwrap_or_default(),
                role: r.9,
                note: r.10,
                created_by: names::named(&users, r.11),
                created_at: r.12,
            })
            .collect();
        Ok(LinkList { items })
    })
    .await
}

/// Links a record (any team member; the investigation must not be closed).
pub async fn add(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    input: LinkInput,
) -> Result<LinkDto> {
    conn.transaction(async |conn| {
        let (_, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Member)?;
        let mut ck = Checker::new();
        let checked = check(conn, who, &mut ck, "link", input, Some(id)).await?;
        ck.finish()?;
        let link = checked.ok_or_else(|| Error::validation("link", "required", "is required"))?;
        let link_id = insert(conn, id, who.id, &link).await?;
        record(
            conn,
            actor,
            Event::new("investigation.link_add")
                .object("investigation", id)
                .details(
                    json!({ "link": link_id, "target_kind": link.kind, "target_id": link.target }),
                ),
        )
        .await?;
        let label = labels(conn, &[(link.kind, link.target)])
            .await?
            .remove(&link.target)
            .unwrap_or_default();
        let me = names::user_names(conn, &[who.id]).await?;
        Ok(LinkDto {
            id: link_id,
            target_kind: link.kind,
            target_id: link.target,
            label,
            role: link.role,
            note: link.note,
            created_by: names::named(&me, who.id),
            created_at: Utc::now(),
        })
    })
    .await
}

/// Removes a link (the lead or a supervisor); the timeline keeps that it was there.
pub async fn remove(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    id: Uuid,
    link: Uuid,
) -> Result<()> {
    conn.transaction(async |conn| {
        let (_, standing) = writable(conn, who, id).await?;
        require(standing, Standing::Lead)?;
        let row: Option<LinkRow> = l::table
            .filter(l::id.eq(link).and(l::investigation_id.eq(id)))
            .select(LINK_COLUMNS)
            .first(conn)
            .await
            .optional()?;
        let r = row.ok_or(Error::NotFound)?;
        let target = target_of(&r);
        let label = match target {
            Some(t) => labels(conn, &[t]).await?.remove(&t.1),
            None => None,
        };
        diesel::delete(l::table.find(link)).execute(conn).await?;
        event(
            conn,
            id,
            Some(who.id),
            EventKind::LinkRemoved,
            Some(link),
            json!({ "target_kind": r.1, "target_id": target.map(|t| t.1), "role": r.9, "label": label }),
        )
        .await?;
        record(
            conn,
            actor,
            Event::new("investigation.link_remove")
                .object("investigation", id)
                .details(json!({ "link": link })),
        )
        .await?;
        Ok(())
    })
    .await
}
