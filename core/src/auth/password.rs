//! Password hashing with Argon2id (19 MiB, t=2, p=1 — the OWASP baseline).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

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

/// Argon2 runs on a few dedicated threads (`limit_concurrency`; by default half the
/// cores, at least one), fed by a queue: a flood of sign-ins waits its turn there instead of
/// taking every core. The threads run at a lower scheduling priority than the rest of the
/// server, so signed-in requests go first when the cores are busy. Being few and always the
/// same, they also keep the memory flat: each hash takes 19 MiB, and the allocator keeps a
/// freed block per thread that used it (with the blocking pool's many threads, a flood left
/// hundreds of MB behind).
type Job = Box<dyn FnOnce() + Send>;

struct Hashers {
    jobs: Mutex<std::sync::mpsc::Sender<Job>>,
}

static HASHERS: OnceLock<Hashers> = OnceLock::new();

fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(1, |n| (n.get() / 2).max(1))
}

/// Nice value of the hashing threads (Linux: per thread).
const HASHING_NICE: libc::c_int = 10;

fn lower_priority() {
    // SAFETY: `gettid` and `setpriority` only read their arguments; a failure leaves the
    // thread at the normal priority, which is harmless.
    let failed = unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, HASHING_NICE) != 0
    };
    if failed {
        tracing::debug!("could not lower the priority of a password hashing thread");
    }
}

/// glibc raises its mmap threshold to the size of the largest block freed (up to 32 MiB), so
/// after the first hash each 19 MiB work area comes from a thread's heap arena and stays in
/// the process (measured: 145 MB after 1 000 sign-ins with one hashing thread, 242 MB with
/// two). A fixed threshold keeps large blocks mapped on their own, returned when freed.
fn keep_large_blocks_mapped() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes the allocator's tuning; a refusal (0) leaves the default.
    unsafe {
        if libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20) == 0 {
            tracing::debug!("could not fix the allocator's mmap threshold");
        }
    }
}

fn start(n: usize) -> Hashers {
    keep_large_blocks_mapped();
    let (jobs, queue) = std::sync::mpsc::channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..n.max(1) {
        let queue = Arc::clone(&queue);
        let started = std::thread::Builder::new()
            .name(format!("ncen-hash-{i}"))
            .spawn(move || {
                lower_priority();
                loop {
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
        if let Err(e) = started {
            tracing::error!(error = %e, "could not start a password hashing thread");
        }
    }
    Hashers {
        jobs: Mutex::new(jobs),
    }
}

/// Sets how many password hashes may run at once (0: the default). Call before serving.
pub fn limit_concurrency(n: usize) {
    let n = if n == 0 { default_concurrency() } else { n };
    let _ = HASHERS.get_or_init(|| start(n));
}

/// Hashes running now, and the most that ever ran at once (observability, and the proof
/// in the tests that the bound holds under a flood).
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The most password hashes that ran at once in this process.
pub fn peak_concurrency() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Runs `work` on a hashing thread, counted; `None` if the hashing threads are gone.
async fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let now = IN_FLIGHT.fetch_add(1, Ordering::Relaxed) + 1;
        PEAK.fetch_max(now, Ordering::Relaxed);
        let out = work();
        IN_FLIGHT.fetch_sub(1, Ordering::Relaxed);
        let _ = done.send(out);
    });
    let hashers = HASHERS.get_or_init(|| start(default_concurrency()));
    hashers.jobs.lock().ok()?.send(job).ok()?;
    result.await.ok()
}

/// Checks a password against its hash off the async executor, in turn.
pub async fn verify_blocking(stored_hash: String, password: String) -> bool {
    on_hashing_thread(move || verify(&stored_hash, &password))
        .await
        .unwrap_or(false)
}

pub async fn hash_blocking(password: String) -> anyhow::Result<String> {
    on_hashing_thread(move || hash(&password))
        .await
        .ok_or_else(|| anyhow::anyhow!("the password hashing threads are gone"))?
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
