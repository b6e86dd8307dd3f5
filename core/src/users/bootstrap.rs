//! First start: with no users at all, create the root unit and the `admin` account.

use super::model::NewUser;
use super::repo;
use crate::audit::{record, Actor, Event};
use crate::auth::password;
use crate::db::schema::units;
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use rand::distr::{Alphanumeric, SampleString};
use uuid::Uuid;

pub enum Bootstrap {
    AlreadyDone,
    Created { generated_password: Option<String> },
}

pub async fn ensure_admin(
    conn: &mut AsyncPgConnection,
    configured: Option<&str>,
) -> anyhow::Result<Bootstrap> {
    let generated = configured
        .is_none()
        .then(|| Alphanumeric.sample_string(&mut rand::rng(), 20));
    let password = configured
        .map(str::to_string)
        .or_else(|| generated.clone())
        .unwrap_or_default();
    if let Some((_, message)) = password::policy_violation(&password, Some("admin")) {
        anyhow::bail!("NCEN_ADMIN_PASSWORD {message}");
    }
    let hash = password::hash_blocking(password).await?;
    let created = conn
        .transaction(async |conn| {
            // Several instances may start together: one creates, the others see it done.
            diesel::sql_query("SELECT pg_advisory_xact_lock(7263002)")
                .execute(conn)
                .await?;
            if repo::count(conn).await? > 0 {
                return Ok::<_, diesel::result::Error>(false);
            }
            let unit_id = match units::table
                .filter(units::parent_id.is_null())
                .select(units::id)
                .first::<Uuid>(conn)
                .await
                .optional()?
            {
                Some(id) => id,
                None => {
                    let id = Uuid::now_v7();
                    diesel::insert_into(units::table)
                        .values((
                            units::id.eq(id),
                            units::code.eq("HQ"),
                            units::name.eq("Headquarters"),
                            units::name_translations
                                .eq(serde_json::json!({ "fr": "Siège", "ar": "المقر الرئيسي" })),
                        ))
                        .execute(conn)
                        .await?;
                    id
                }
            };
            let user = repo::insert(
                conn,
                NewUser {
                    id: Uuid::now_v7(),
                    username: "admin".into(),
                    display_name: "Administrator".into(),
                    email: None,
                    unit_id,
                    roles: vec!["admin".into()],
                    password_hash: hash,
                },
            )
            .await?;
            record(
                conn,
                &Actor::system(),
                Event::new("user.create")
                    .object("user", user.id)
                    .details(serde_json::json!({"username": "admin", "bootstrap": true})),
            )
            .await?;
            Ok(true)
        })
        .await?;
    Ok(if created {
        Bootstrap::Created {
            generated_password: generated,
        }
    } else {
        Bootstrap::AlreadyDone
    })
}
