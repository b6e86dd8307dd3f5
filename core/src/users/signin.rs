//! Signing in and out: password sign-in (throttled, equally slow for unknown users), refresh
//! token rotation with re-use detection, sign-out, and changing one's own password. Every
//! attempt is audited, failures included.

use crate::audit::{record, Actor, Event, Outcome};
use crate::auth::sessions::{self, NewSession, Rotation};
use crate::auth::{password, throttle, Principal};
use crate::db::Pool;
use crate::error::{Error, Result};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use ipnetwork::IpNetwork;
use uuid::Uuid;

/// Where a request without a session comes from.
pub struct Client<'a> {
    pub ip: Option<IpNetwork>,
    pub request_id: Option<String>,
    pub user_agent: Option<&'a str>,
}

impl Client<'_> {
    fn actor(&self, user_id: Option<Uuid>, username: Option<&str>) -> Actor {
        Actor {
            id: user_id,
            ..Actor::anonymous(username, self.ip, self.request_id.clone())
        }
    }
}

/// The username as recorded in the attempt counts and the audit log: PostgreSQL text cannot
/// hold NUL, so a NUL becomes U+FFFD there (the attempt is still counted and audited).
fn recordable(username: &str) -> String {
    username.trim().to_lowercase().replace('\0', "\u{FFFD}")
}

/// Signs a user in: a new session of `ttl` seconds (`Error::InvalidCredentials` for an
/// unknown user, a wrong password or a disabled account; `Error::Throttled` after too many
/// failures; `Error::BadRequest` for a username holding a NUL, counted as a failure).
///
/// The password is checked with no database connection held (Argon2 takes tens of
/// milliseconds and its concurrency is bounded by `password`), so a flood of sign-ins
/// cannot empty the pool for the rest of the API.
pub async fn login(
    pool: &Pool,
    client: &Client<'_>,
    username: &str,
    password: String,
    ttl: i64,
) -> Result<(Uuid, NewSession)> {
    let (ip, user_agent) = (client.ip, client.user_agent);
    let name = recordable(username);
    let actor = client.actor(None, Some(&name));
    let (attempt, user) = {
        let mut conn = pool.get().await?;
        let attempt = match throttle::reserve(&mut conn, &name, ip).await {
            Err(Error::Throttled { retry_after_secs }) => {
                let event = Event::new("auth.login").outcome(Outcome::Throttled);
                record(&mut conn, &actor, event).await?;
                return Err(Error::Throttled { retry_after_secs });
            }
            other => other?,
        };
        if username.contains('\0') {
            let event = Event::new("auth.login")
                .outcome(Outcome::Failure)
                .details(serde_json::json!({ "reason": "nul_in_username" }));
            record(&mut conn, &actor, event).await?;
            return Err(Error::BadRequest(
                "the username contains a NUL character".into(),
            ));
        }
        let user = super::repo::by_username(&mut conn, &name).await?;
        (attempt, user)
    };
    // Verify against a dummy hash for unknown users so both paths cost the same.
    let stored = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_string());
    let password_ok = password::verify_blocking(stored, password).await;
    let user = user.filter(|u| password_ok && u.disabled_at.is_none());

    let mut conn = pool.get().await?;
    let outcome = conn
        .transaction(async |conn| match &user {
            Some(user) => {
                throttle::succeeded(conn, attempt).await?;
                let session = sessions::create(conn, user.id, ttl, ip, user_agent).await?;
                let actor = Actor {
                    id: Some(user.id),
                    ..actor.clone()
                };
                let event = Event::new("auth.login").object("session", session.session_id);
                record(conn, &actor, event).await?;
                Ok::<_, Error>(Some((user.id, session)))
            }
            None => {
                let event = Event::new("auth.login").outcome(Outcome::Failure);
                record(conn, &actor, event).await?;
                Ok(None)
            }
        })
        .await?;
    outcome.ok_or(Error::InvalidCredentials)
}

/// Rotates a refresh token: the user, session and new token. A token rotated less than
/// `reuse_grace_secs` ago (another tab refreshing at the same moment) is `Error::Conflict`
/// (retry); an older rotated token is theft: the session is revoked, audited, and the answer
/// is `Error::Unauthenticated`.
pub async fn refresh(
    conn: &mut AsyncPgConnection,
    client: &Client<'_>,
    token: &str,
    reuse_grace_secs: i64,
) -> Result<(Uuid, Uuid, String)> {
    let rotation = conn
        .transaction(async |conn| {
            let rotation = sessions::rotate(conn, token, reuse_grace_secs).await?;
            if let Rotation::Reused {
                user_id,
                session_id,
            } = &rotation
            {
                let event = Event::new("auth.refresh_reuse")
                    .object("session", session_id)
                    .outcome(Outcome::Denied);
                record(conn, &client.actor(Some(*user_id), None), event).await?;
            }
            Ok::<_, Error>(rotation)
        })
        .await?;
    match rotation {
        Rotation::Rotated {
            user_id,
            session_id,
            refresh_token,
        } => Ok((user_id, session_id, refresh_token)),
        Rotation::Reused { .. } | Rotation::Invalid => Err(Error::Unauthenticated),
    }
}

/// Ends the session a refresh token belongs to (nothing for an unknown token).
pub async fn logout(conn: &mut AsyncPgConnection, client: &Client<'_>, token: &str) -> Result<()> {
    conn.transaction(async |conn| {
        if let Some((session_id, user_id)) = sessions::session_of(conn, token).await? {
            sessions::revoke(conn, session_id, "logout").await?;
            let event = Event::new("auth.logout").object("session", session_id);
            record(conn, &client.actor(Some(user_id), None), event).await?;
        }
        Ok::<_, Error>(())
    })
    .await
}

/// Changes the signed-in user's own password (the current one must be given); their other
/// sessions end. Wrong current passwords count towards sign-in throttling like sign-ins do
/// (a stolen session cannot be used to guess the password), and no database connection is
/// held while Argon2 runs.
pub async fn change_password(
    pool: &Pool,
    who: &Principal,
    actor: &Actor,
    current: String,
    new: String,
) -> Result<()> {
    if let Some((code, message)) = password::policy_violation(&new, Some(&who.username)) {
        return Err(Error::validation("new_password", code, &message));
    }
    let (attempt, stored) = {
        let mut conn = pool.get().await?;
        let attempt = match throttle::reserve(&mut conn, &who.username, actor.ip).await {
            Err(Error::Throttled { retry_after_secs }) => {
                let event = Event::new("user.password_change")
                    .object("user", who.id)
                    .outcome(Outcome::Throttled);
                record(&mut conn, actor, event).await?;
                return Err(Error::Throttled { retry_after_secs });
            }
            other => other?,
        };
        let (row, _) = super::repo::find_with_unit(&mut conn, who.id).await?;
        (attempt, row.password_hash)
    };
    if !password::verify_blocking(stored, current).await {
        let mut conn = pool.get().await?;
        let event = Event::new("user.password_change")
            .object("user", who.id)
            .outcome(Outcome::Failure);
        record(&mut conn, actor, event).await?;
        return Err(Error::validation(
            "current_password",
            "mismatch",
            "is not your current password",
        ));
    }
    let hash = password::hash_blocking(new)
        .await
        .map_err(Error::internal)?;
    let mut conn = pool.get().await?;
    conn.transaction(async |conn| {
        throttle::succeeded(conn, attempt).await?;
        super::repo::set_password(conn, who.id, hash).await?;
        sessions::revoke_all(conn, who.id, Some(who.session_id), "password_changed").await?;
        let event = Event::new("user.password_change").object("user", who.id);
        record(conn, actor, event).await?;
        Ok::<_, Error>(())
    })
    .await
}
