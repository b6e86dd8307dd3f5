//! Signing in and out: password sign-in (throttled, equally slow for unknown users), refresh
//! token rotation with re-use detection, sign-out, and changing one's own password. Every
//! attempt is audited, failures included.

use crate::audit::{record, Actor, Event, Outcome};
use crate::auth::sessions::{self, NewSession, Rotation};
use crate::auth::{password, throttle, Principal};
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

/// Signs a user in: a new session of `ttl` seconds (`Error::InvalidCredentials` for an
/// unknown user, a wrong password or a disabled account; `Error::Throttled` after too many
/// failures).
pub async fn login(
    conn: &mut AsyncPgConnection,
    client: &Client<'_>,
    username: &str,
    password: String,
    ttl: i64,
) -> Result<(Uuid, NewSession)> {
    let (ip, request_id, user_agent) = (client.ip, client.request_id.clone(), client.user_agent);
    let username = username.trim().to_lowercase();
    let actor = Actor::anonymous(Some(&username), ip, request_id);

    if let Some(wait) = throttle::blocked_for(conn, &username, ip).await? {
        let event = Event::new("auth.login").outcome(Outcome::Throttled);
        record(conn, &actor, event).await?;
        return Err(Error::Throttled {
            retry_after_secs: wait,
        });
    }

    let user = super::repo::by_username(conn, &username).await?;
    // Verify against a dummy hash for unknown users so both paths cost the same.
    let stored = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| password::dummy_hash().to_string());
    let password_ok = password::verify_blocking(stored, password).await;
    let user = user.filter(|u| password_ok && u.disabled_at.is_none());

    let outcome = conn
        .transaction(async |conn| {
            throttle::record_attempt(conn, &username, ip, user.is_some()).await?;
            match &user {
                Some(user) => {
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
                    record(
                        conn,
                        &actor,
                        Event::new("auth.login").outcome(Outcome::Failure),
                    )
                    .await?;
                    Ok(None)
                }
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
        Rotation::Concurrent => Err(Error::Conflict(
            "the session was refreshed concurrently; retry".into(),
        )),
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
/// sessions end.
pub async fn change_password(
    conn: &mut AsyncPgConnection,
    who: &Principal,
    actor: &Actor,
    current: String,
    new: String,
) -> Result<()> {
    if let Some((code, message)) = password::policy_violation(&new, Some(&who.username)) {
        return Err(Error::validation("new_password", code, &message));
    }
    let (row, _) = super::repo::find_with_unit(conn, who.id).await?;
    if !password::verify_blocking(row.password_hash, current).await {
        return Err(Error::validation(
            "current_password",
            "mismatch",
            "is not your current password",
        ));
    }
    let hash = password::hash_blocking(new)
        .await
        .map_err(Error::internal)?;
    conn.transaction(async |conn| {
        super::repo::set_password(conn, who.id, hash).await?;
        sessions::revoke_all(conn, who.id, Some(who.session_id), "password_changed").await?;
        let event = Event::new("user.password_change").object("user", who.id);
        record(conn, actor, event).await?;
        Ok::<_, Error>(())
    })
    .await
}
