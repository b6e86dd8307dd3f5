//! Authentication (passwords, tokens, sessions, sign-in throttling) and the role ×
//! permission matrix. The HTTP side (the `AuthUser` extractor, sign-in handlers) lives in
//! `ncen-api`.

pub mod keys;
pub mod password;
pub mod permissions;
pub mod sessions;
pub mod throttle;
pub mod tokens;

pub use permissions::{roles_granting, Permission, Role};

use crate::error::{Error, Result};
use uuid::Uuid;

/// Who is acting: a signed-in user with a live session, as the domain's rules see them.
/// (`ncen-api` builds it from the bearer token and the database on every request.)
#[derive(Debug, Clone)]
pub struct Principal {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub unit_id: Uuid,
    pub roles: Vec<Role>,
    pub session_id: Uuid,
}

impl Principal {
    pub fn can(&self, permission: Permission) -> bool {
        permissions::roles_allow(&self.roles, permission)
    }

    pub fn require(&self, permission: Permission) -> Result<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    pub fn permissions(&self) -> Vec<&'static str> {
        Permission::ALL
            .into_iter()
            .filter(|p| self.can(*p))
            .map(Permission::as_str)
            .collect()
    }
}
