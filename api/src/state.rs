//! What every handler can reach: the pool, the token keys and the settings.

use crate::attachments::storage::Storage;
use crate::auth::tokens::JwtKeys;
use crate::config::Settings;
use crate::db::{Conn, Pool};
use crate::error::ApiError;

pub struct AppState {
    pub pool: Pool,
    pub jwt: JwtKeys,
    pub settings: Settings,
    pub storage: Storage,
}

impl AppState {
    pub async fn conn(&self) -> Result<Conn, ApiError> {
        Ok(self.pool.get().await?)
    }
}
