//! What every handler can reach: the pool, the token keys and the settings.

use crate::config::Settings;
use crate::error::ApiError;
use ncen_core::auth::tokens::JwtKeys;
use ncen_core::db::{Conn, Pool};
use ncen_core::files::media::Processing;
use ncen_core::files::storage::Storage;

pub struct AppState {
    pub pool: Pool,
    pub jwt: JwtKeys,
    pub settings: Settings,
    pub storage: Storage,
    /// The audit checkpoint file and the public key that verifies it (`audit::anchor`).
    pub anchor: Option<(std::path::PathBuf, ed25519_dalek::VerifyingKey)>,
    /// This node's exchange key (`exchange::keys`): signs packages and acknowledgements.
    pub exchange_key: std::sync::Arc<ed25519_dalek::SigningKey>,
    /// The bound on upload processing (image decoding, PDF cleaning).
    pub media: Processing,
    /// The live-event streams open on this instance (`events`).
    pub hub: std::sync::Arc<ncen_core::events::hub::Hub>,
}

impl AppState {
    pub async fn conn(&self) -> Result<Conn, ApiError> {
        Ok(self.pool.get().await?)
    }
}
