//! The access-token signing key on disk, never in the database: a database dump or a
//! read-only SQL injection must not yield a key that mints tokens.
//!
//! With no key configured, the server keeps one in a file (default `.data/keys/jwt.key`),
//! created on first start with mode 0600 in a 0700 folder. Rotation (`ncen rotate-jwt-key`)
//! moves it to `<file>.previous` and writes a new one: after a restart the new key signs,
//! and the previous one still verifies the tokens it signed until they expire.

use anyhow::Context;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The shortest key accepted (HS256 wants at least 256 bits).
pub const MIN_KEY_BYTES: usize = 32;

/// The file that keeps the previous key during a rotation.
pub fn previous_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".previous");
    PathBuf::from(name)
}

/// The key in `path` (its text, trimmed), or `None` when there is no such file.
pub fn read(path: &Path) -> anyhow::Result<Option<Vec<u8>>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    let key = text.trim().as_bytes().to_vec();
    anyhow::ensure!(
        key.len() >= MIN_KEY_BYTES,
        "{} holds fewer than {MIN_KEY_BYTES} bytes",
        path.display()
    );
    let mode = fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        tracing::warn!(
            file = %path.display(),
            mode = format!("{:o}", mode & 0o777),
            "the token key file is readable by others: chmod 600 it"
        );
    }
    Ok(Some(key))
}

/// Writes a new random key to `path` (mode 0600), failing if the file exists.
fn create(path: &Path) -> anyhow::Result<Vec<u8>> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let key = super::tokens::random_secret();
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(key.as_bytes())?;
    file.sync_all()?;
    Ok(key.into_bytes())
}

/// The key in `path`, created on first use. Two instances starting together on the same
/// folder agree: the second finds the file the first created.
pub fn load_or_create(path: &Path) -> anyhow::Result<Vec<u8>> {
    if let Some(key) = read(path)? {
        return Ok(key);
    }
    match create(path) {
        Ok(key) => {
            tracing::info!(file = %path.display(), "generated the token signing key");
            Ok(key)
        }
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::AlreadyExists) =>
        {
            read(path)?.context("the key file vanished while it was being created")
        }
        Err(e) => Err(e.context(format!("cannot create {}", path.display()))),
    }
}

/// Starts a rotation: the current key becomes the previous one and a new key is written.
/// Returns the ids (`tokens::key_id`) of the previous and the new key.
pub fn rotate(path: &Path) -> anyhow::Result<(Option<String>, String)> {
    let old = read(path)?;
    if old.is_some() {
        fs::rename(path, previous_path(path))
            .with_context(|| format!("cannot move {} aside", path.display()))?;
    }
    let new = create(path)?;
    Ok((
        old.map(|k| super::tokens::key_id(&k)),
        super::tokens::key_id(&new),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_created_private_and_rotation_keeps_the_previous_one() {
        let dir = std::env::temp_dir().join(format!("ncen-keys-{}", uuid::Uuid::new_v4()));
        let path = dir.join("keys").join("jwt.key");
        let first = load_or_create(&path).unwrap_or_default();
        assert_eq!(first.len(), 64);
        let mode = fs::metadata(&path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0);
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(load_or_create(&path).unwrap_or_default(), first);
        let (old, new) = rotate(&path).unwrap_or((None, String::new()));
        assert_eq!(old, Some(super::super::tokens::key_id(&first)));
        assert_eq!(
            read(&previous_path(&path)).ok().flatten(),
            Some(first.clone())
        );
        let second = read(&path).ok().flatten().unwrap_or_default();
        assert_ne!(second, first);
        assert_eq!(new, super::super::tokens::key_id(&second));
        let _ = fs::remove_dir_all(dir);
    }
}
