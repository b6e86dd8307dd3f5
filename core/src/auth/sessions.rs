//! Sessions and their rotating refresh tokens.

use super::tokens;
use crate::db::schema::{refresh_tokens, sessions, users};
use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ipnetwork::IpNetwork;
use uuid::Uuid;

pub struct NewSession {
    pub session_id: Uuid,
    pub refresh_token: String,
}

pub async fn create(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    ttl_secs: i64,
    ip: Option<IpNetwork>,
    user_agent: Option<&str>,
) -> QueryResult<NewSession> {
    let id = Uuid::now_v7();
    let expires = Utc::now() + Duration::seconds(ttl_secs);
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(id),
            sessions::user_id.eq(user_id),
            sessions::expires_at.eq(expires),
            sessions::ip.eq(ip),
            sessions::user_agent.eq(user_agent),
        ))
        .execute(conn)
        .await?;
    let refresh_token = issue_refresh(conn, id, expires).await?;
    Ok(NewSession {
        session_id: id,
        refresh_token,
    })
}

async fn issue_refresh(
    conn: &mut AsyncPgConnection,
    session_id: Uuid,
    expires: DateTime<Utc>,
) -> QueryResult<String> {
    let (token, hash) = tokens::new_refresh_token();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::token_hash.eq(hash),
            refresh_tokens::session_id.eq(session_id),
            refresh_tokens::expires_at.eq(expires),
        ))
        .execute(conn)
        .await?;
    Ok(token)
}

pub enum Rotation {
    Rotated {
        user_id: Uuid,
        session_id: Uuid,
        refresh_token: String,
    },
    /// A rotated token came back: the family is revoked.
    Reused {
        user_id: Uuid,
        session_id: Uuid,
    },
    Invalid,
}

/// What rotation needs to know about a presented refresh token.
#[derive(Queryable, Selectable)]
#[diesel(check_for_backend(diesel::pg::Pg))]
struct TokenState {
    #[diesel(select_expression = refresh_tokens::used_at)]
    used_at: Option<DateTime<Utc>>,
    #[diesel(select_expression = refresh_tokens::expires_at)]
    expires_at: DateTime<Utc>,
    #[diesel(select_expression = sessions::id)]
    session_id: Uuid,
    #[diesel(select_expression = sessions::user_id)]
    user_id: Uuid,
    #[diesel(select_expression = sessions::revoked_at)]
    revoked_at: Option<DateTime<Utc>>,
    #[diesel(select_expression = sessions::expires_at)]
    session_expires: DateTime<Utc>,
    #[diesel(select_expression = users::disabled_at)]
    disabled_at: Option<DateTime<Utc>>,
}

/// Exchanges a refresh token for a new one (call inside a transaction). A rotated token
/// presented again within `reuse_grace_secs` of its first use gets a successor of its own,
/// as a refresh-token "reuse interval" does: the browser may never have stored the first
/// successor (a reload or a lost connection aborts the answer after the server rotated), and
/// another tab may be refreshing at the same moment. Past the grace it is theft: the session
/// is revoked. The grace runs from the first use, so successors do not extend it.
pub async fn rotate(
    conn: &mut AsyncPgConnection,
    token: &str,
    reuse_grace_secs: i64,
) -> QueryResult<Rotation> {
    let hash = tokens::hash_refresh_token(token);
    let found: Option<TokenState> = refresh_tokens::table
        .inner_join(sessions::table.inner_join(users::table))
        .filter(refresh_tokens::token_hash.eq(&hash))
        .select(TokenState::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?;
    let Some(TokenState {
        used_at,
        expires_at,
        session_id,
        user_id,
        revoked_at,
        session_expires,
        disabled_at,
    }) = found
    else {
        return Ok(Rotation::Invalid);
    };
    let now = Utc::now();
    if revoked_at.is_some() || disabled_at.is_some() || expires_at <= now || session_expires <= now
    {
        return Ok(Rotation::Invalid);
    }
    if let Some(used_at) = used_at {
        if now - used_at >= Duration::seconds(reuse_grace_secs) {
            revoke(conn, session_id, "refresh_token_reuse").await?;
            return Ok(Rotation::Reused {
                user_id,
                session_id,
            });
        }
    } else {
        diesel::update(refresh_tokens::table.filter(refresh_tokens::token_hash.eq(&hash)))
            .set(refresh_tokens::used_at.eq(now))
            .execute(conn)
            .await?;
    }
    let refresh_token = issue_refresh(conn, session_id, session_expires).await?;
    Ok(Rotation::Rotated {
        user_id,
        session_id,
        refresh_token,
    })
}

/// The live session a refresh token belongs to, if any.
pub async fn session_of(
    conn: &mut AsyncPgConnection,
    token: &str,
) -> QueryResult<Option<(Uuid, Uuid)>> {
    let hash = tokens::hash_refresh_token(token);
    refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(hash))
        .filter(sessions::revoked_at.is_null())
        .select((sessions::id, sessions::user_id))
        .first(conn)
        .await
        .optional()
}

pub async fn revoke(
    conn: &mut AsyncPgConnection,
    session_id: Uuid,
    reason: &str,
) -> QueryResult<()> {
    diesel::update(
        sessions::table
            .filter(sessions::id.eq(session_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Utc::now()),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends every session of a user (account disabled, password reset), optionally keeping one.
pub async fn revoke_all(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    keep: Option<Uuid>,
    reason: &str,
) -> QueryResult<()> {
    let keep = keep.unwrap_or(Uuid::nil());
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(Utc::now()),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)
    .await?;
    Ok(())
}
