//! Password hashing with Argon2id (19 MiB, t=2, p=1 — the OWASP baseline).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub const MIN_LENGTH: usize = 12;
pub const MAX_LENGTH: usize = 256;

fn hasher() -> Argon2<'static> {
    // The parameters are constants, so building them cannot fail; fall back to the
    // library default (also Argon2id 19 MiB t=2 p=1) rather than panic.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("could not hash password: {e}"))
}

pub fn verify(stored_hash: &str, password: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash to verify against when the user does not exist, so that unknown users and wrong
/// passwords take the same time.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash("ncen-dummy-password-for-timing").unwrap_or_default())
}

/// Argon2 runs at most this many at a time (each takes 19 MiB and a core for tens of
/// milliseconds); the rest wait their turn. Set once at start-up (`limit_concurrency`);
/// by default half the cores, at least one, so a flood of sign-ins leaves the API a core
/// and a bounded amount of memory.
static HASHING: OnceLock<Arc<Semaphore>> = OnceLock::new();

fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

/// Sets how many password hashes may run at once (0: the default). Call before serving.
pub fn limit_concurrency(n: usize) {
    let n = if n == 0 { default_concurrency() } else { n };
    let _ = HASHING.set(Arc::new(Semaphore::new(n)));
}

async fn hashing_permit() -> Option<OwnedSemaphorePermit> {
    let semaphore = HASHING.get_or_init(|| Arc::new(Semaphore::new(default_concurrency())));
    semaphore.clone().acquire_owned().await.ok()
}

/// Hashes running now, and the most that ever ran at once (observability, and the proof
/// in the tests that the bound holds under a flood).
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The most password hashes that ran at once in this process.
pub fn peak_concurrency() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Runs `work` on the blocking pool, counted, holding `permit` until it is done.
async fn run_counted<T: Send + 'static>(
    permit: Option<OwnedSemaphorePermit>,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let now = IN_FLIGHT.fetch_add(1, Ordering::Relaxed) + 1;
        PEAK.fetch_max(now, Ordering::Relaxed);
        let out = work();
        IN_FLIGHT.fetch_sub(1, Ordering::Relaxed);
        out
    })
    .await
}

/// Runs a hash check off the async executor, within the concurrency bound. The permit
/// travels with the work, so a caller that goes away does not free a slot early.
pub async fn verify_blocking(stored_hash: String, password: String) -> bool {
    let permit = hashing_permit().await;
    run_counted(permit, move || verify(&stored_hash, &password))
        .await
        .unwrap_or(false)
}

pub async fn hash_blocking(password: String) -> anyhow::Result<String> {
    let permit = hashing_permit().await;
    run_counted(permit, move || hash(&password)).await?
}

/// Checks the password policy, returning a field error code and message when it fails.
pub fn policy_violation(password: &str, username: Option<&str>) -> Option<(&'static str, String)> {
    let len = password.chars().count();
    if len < MIN_LENGTH {
        return Some((
            "length",
            format!("must be at least {MIN_LENGTH} characters long"),
        ));
    }
    if len > MAX_LENGTH {
        return Some((
            "length",
            format!("must be at most {MAX_LENGTH} characters long"),
        ));
    }
    if let Some(u) = username {
        if !u.is_empty() && password.to_lowercase().contains(&u.to_lowercase()) {
            return Some(("contains_username", "must not contain the username".into()));
        }
    }
    None
}
