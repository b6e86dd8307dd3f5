//! Anchoring the audit chain outside the database.
//!
//! The hash chain shows an edited, deleted or reordered row, but not a chain whose newest
//! rows were deleted, nor one recomputed from scratch by someone who can write the tables.
//! So the server signs the chain head (position and hash) with an Ed25519 key kept outside
//! the database, on a schedule, and appends each signed checkpoint as one JSON line to a
//! file outside the database. `ncen audit verify` (and `GET /audit/verify`) then require the
//! chain to still hold, at each checkpointed position, the hash that was signed there.
//!
//! Each checkpoint names the database it was signed for (`database_identity`: the cluster's
//! system identifier and the database's oid, which PostgreSQL assigns and a recreated or
//! restored database does not keep), so that a file that outlived its database does not
//! condemn the next one: checkpoints of another database are counted and reported
//! (`other_databases`), never silently taken for this one's.
//!
//! The key file (`NCEN_AUDIT_KEY_FILE`) is created on first start with mode 0600; its
//! public half is written beside it (`<file>.pub`, hex) for verifiers elsewhere. Keep the
//! checkpoint file (`NCEN_AUDIT_CHECKPOINT_FILE`) where the database's administrators
//! cannot rewrite it (another volume, a write-once bucket), and back it up with the
//! database.

use super::chain::BrokenLink;
use crate::db::schema::audit_chain;
use anyhow::Context;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// One signed chain head.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Checkpoint {
    /// The database it was signed for (`database_identity`); absent in checkpoints written
    /// before checkpoints named their database, which are taken as this database's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database: Option<String>,
    pub seq: i64,
    /// The chain hash at `seq`, hex.
    pub hash: String,
    pub at: chrono::DateTime<chrono::Utc>,
    /// Ed25519 over `message()`, hex.
    pub signature: String,
}

impl Checkpoint {
    fn message(
        database: Option<&str>,
        seq: i64,
        hash: &str,
        at: &chrono::DateTime<chrono::Utc>,
    ) -> Vec<u8> {
        let at = at.to_rfc3339();
        match database {
            Some(db) => format!("ncen-audit-checkpoint-v2\n{db}\n{seq}\n{hash}\n{at}"),
            None => format!("ncen-audit-checkpoint\n{seq}\n{hash}\n{at}"),
        }
        .into_bytes()
    }

    fn verify(&self, key: &VerifyingKey) -> bool {
        let Ok(bytes) = hex::decode(&self.signature) else {
            return false;
        };
        let Ok(signature) = Signature::from_slice(&bytes) else {
            return false;
        };
        let message = Self::message(self.database.as_deref(), self.seq, &self.hash, &self.at);
        key.verify(&message, &signature).is_ok()
    }
}

/// The signing key and where checkpoints go.
pub struct Anchor {
    key: SigningKey,
    file: PathBuf,
}

fn private_dir(path: &Path) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Ok(())
}

/// The key in `path` (32 bytes, hex), created on first use with its public half beside it;
/// `what` names it in the log (`audit checkpoint`, `exchange`).
pub fn load_or_create_key(path: &Path, what: &str) -> anyhow::Result<SigningKey> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes: [u8; 32] = hex::decode(text.trim())
                .ok()
                .and_then(|b| b.try_into().ok())
                .with_context(|| format!("{} is not a 32-byte hex key", path.display()))?;
            return Ok(SigningKey::from_bytes(&bytes));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
    private_dir(path)?;
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let key = SigningKey::from_bytes(&secret);
    let created = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path);
    match created {
        Ok(mut file) => {
            file.write_all(hex::encode(secret).as_bytes())?;
            file.sync_all()?;
            std::fs::write(
                public_path(path),
                hex::encode(key.verifying_key().to_bytes()),
            )?;
            tracing::info!(file = %path.display(), "generated the {what} key");
            Ok(key)
        }
        // Another instance created it first.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => load_or_create_key(path, what),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}

/// Where the public half of the key at `path` is written.
pub fn public_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

impl Anchor {
    pub fn open(key_file: &Path, checkpoint_file: &Path) -> anyhow::Result<Self> {
        Ok(Anchor {
            key: load_or_create_key(key_file, "audit checkpoint")?,
            file: checkpoint_file.to_path_buf(),
        })
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Signs the current chain head and appends it to the checkpoint file, unless the last
    /// checkpoint already names it. Returns the new checkpoint.
    pub async fn checkpoint(
        &self,
        conn: &mut AsyncPgConnection,
    ) -> anyhow::Result<Option<Checkpoint>> {
        let head: Option<(i64, Vec<u8>)> = audit_chain::table
            .order(audit_chain::seq.desc())
            .select((audit_chain::seq, audit_chain::hash))
            .first(conn)
            .await
            .optional()?;
        let Some((seq, hash)) = head else {
            return Ok(None);
        };
        let database = database_identity(conn).await?;
        let last = read_lines(&self.file)?
            .into_iter()
            .rfind(|c| c.database.as_deref().is_none_or(|d| d == database));
        if last.is_some_and(|c| c.seq >= seq) {
            return Ok(None);
        }
        let hash = hex::encode(hash);
        let at = chrono::Utc::now();
        let signature = self
            .key
            .sign(&Checkpoint::message(Some(&database), seq, &hash, &at));
        let checkpoint = Checkpoint {
            database: Some(database),
            seq,
            hash,
            at,
            signature: hex::encode(signature.to_bytes()),
        };
        private_dir(&self.file)?;
        let mut line = serde_json::to_vec(&checkpoint)?;
        line.push(b'\n');
        // One write of one line with O_APPEND: instances sharing the file do not interleave.
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .open(&self.file)
            .with_context(|| format!("cannot open {}", self.file.display()))?;
        file.write_all(&line)?;
        file.sync_data()?;
        Ok(Some(checkpoint))
    }
}

#[derive(QueryableByName)]
struct Identity {
    #[diesel(sql_type = diesel::sql_types::Text)]
    identity: String,
}

/// Which database this is: `<system identifier>/<database oid>`. PostgreSQL assigns both (the
/// first at `initdb`, the second when the database is created), so a recreated or restored
/// database has another identity; nobody with SQL access can set them.
pub async fn database_identity(conn: &mut AsyncPgConnection) -> QueryResult<String> {
    let row: Identity = diesel::sql_query(
        "SELECT (SELECT system_identifier FROM pg_control_system())::text || '/' || d.oid::text AS identity
           FROM pg_database d WHERE d.datname = current_database()",
    )
    .get_result(conn)
    .await?;
    Ok(row.identity)
}

fn read_lines(file: &Path) -> anyhow::Result<Vec<Checkpoint>> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", file.display())),
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).context("a checkpoint line is not valid JSON"))
        .collect()
}

/// What the checkpoints say about the chain.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AnchorReport {
    /// Checkpoints whose signature verified and whose position still holds the signed hash.
    pub checkpoints: i64,
    /// Checkpoints in the file signed for another database (`database_identity`): a file that
    /// outlived a recreated database, or a database restored elsewhere. Not checked.
    pub other_databases: i64,
    /// The first position where the chain disagrees with a signed checkpoint (or the first
    /// checkpoint whose signature does not verify).
    pub first_broken: Option<BrokenLink>,
}

/// Checks the chain in the database against every signed checkpoint in `file`, oldest
/// first. When one no longer holds (its position is gone, or holds another hash), the
/// first bad position reported is the first one after the last checkpoint that still holds:
/// nothing vouches for the positions from there on.
pub async fn verify(
    conn: &mut AsyncPgConnection,
    file: &Path,
    key: &VerifyingKey,
) -> anyhow::Result<AnchorReport> {
    let mut checked = 0i64;
    let mut other_databases = 0i64;
    let mut last_good = 0i64;
    let database = database_identity(conn).await?;
    for checkpoint in read_lines(file)? {
        let at = checkpoint.at.to_rfc3339();
        let first_unvouched = last_good + 1;
        if !checkpoint.verify(key) {
            return Ok(AnchorReport {
                checkpoints: checked,
                other_databases,
                first_broken: Some(BrokenLink {
                    seq: first_unvouched,
                    audit_id: None,
                    reason: format!(
                        "the checkpoint of {at} (position {}) does not carry a valid signature",
                        checkpoint.seq
                    ),
                }),
            });
        }
        // signed, but for another database: reported, not checked (and a forged
        // `database` field fails the signature above)
        if checkpoint
            .database
            .as_deref()
            .is_some_and(|d| d != database)
        {
            other_databases += 1;
            continue;
        }
        let held: Option<Vec<u8>> = audit_chain::table
            .filter(audit_chain::seq.eq(checkpoint.seq))
            .select(audit_chain::hash)
            .first(conn)
            .await
            .optional()?;
        let reason = match held {
            None => {
                let end: Option<i64> = audit_chain::table
                    .select(diesel::dsl::max(audit_chain::seq))
                    .first(conn)
                    .await?;
                Some(format!(
                    "the chain ends at position {}, but the checkpoint of {at} signed position {}: rows were deleted or the chain rebuilt after position {last_good}, the last checkpoint that still holds",
                    end.unwrap_or(0),
                    checkpoint.seq
                ))
            }
            Some(hash) if hex::encode(&hash) != checkpoint.hash => Some(format!(
                "position {} differs from the checkpoint of {at}: the chain was rewritten after position {last_good}, the last checkpoint that still holds",
                checkpoint.seq
            )),
            Some(_) => None,
        };
        if let Some(reason) = reason {
            let audit_id: Option<i64> = audit_chain::table
                .filter(audit_chain::seq.eq(first_unvouched))
                .select(audit_chain::event_id)
                .first(conn)
                .await
                .optional()?;
            return Ok(AnchorReport {
                checkpoints: checked,
                other_databases,
                first_broken: Some(BrokenLink {
                    seq: first_unvouched,
                    audit_id,
                    reason,
                }),
            });
        }
        last_good = checkpoint.seq;
        checked += 1;
    }
    Ok(AnchorReport {
        checkpoints: checked,
        other_databases,
        first_broken: None,
    })
}

/// Signs the chain head every `every` until the process ends.
pub fn spawn_checkpointer(pool: crate::db::Pool, anchor: Anchor, every: std::time::Duration) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let Ok(mut conn) = pool.get().await else {
                continue;
            };
            if let Err(err) = anchor.checkpoint(&mut conn).await {
                tracing::warn!(error = %err, "audit checkpoint failed; will retry");
            }
        }
    });
}

/// The public key of the checkpoint key at `key_file`: its `.pub` file, or derived from the
/// private key; `None` when neither exists (no checkpoint was ever signed here).
pub fn verifying_key_of(key_file: &Path) -> anyhow::Result<Option<VerifyingKey>> {
    if let Ok(text) = std::fs::read_to_string(public_path(key_file)) {
        let bytes: [u8; 32] = hex::decode(text.trim())
            .ok()
            .and_then(|b| b.try_into().ok())
            .context("the public checkpoint key is not 32 bytes of hex")?;
        return Ok(Some(VerifyingKey::from_bytes(&bytes)?));
    }
    match std::fs::read_to_string(key_file) {
        Ok(_) => Ok(Some(
            load_or_create_key(key_file, "audit checkpoint")?.verifying_key(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", key_file.display())),
    }
}
