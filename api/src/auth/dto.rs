use ncen_core::users::dto::UserDto;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(min_length = 1, max_length = 64)]
    pub username: String,
    #[schema(min_length = 1, max_length = 256)]
    pub password: String,
}

impl LoginRequest {
    /// The limits published above; 422 with every field error.
    pub fn check(&self) -> Result<(), ncen_core::Error> {
        let mut ck = ncen_core::common::check::Checker::new();
        ck.length("password", &self.password, 1, 256);
        ck.length("username", &self.username, 1, 64);
        ck.finish()
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeDto {
    #[serde(flatten)]
    pub user: UserDto,
    /// What the user's roles allow, e.g. `users.manage`, `audit.read`.
    pub permissions: Vec<String>,
    /// This administration's ISO 3166-1 alpha-2 code (`XX` when not configured).
    pub country: String,
    /// This administration's ISO 4217 currency, when configured.
    pub currency: Option<String>,
    /// The user's own unit as an office: the defaults of where a case is recorded.
    pub office: Option<OfficeDto>,
}

/// A unit as the place where its officers work.
#[derive(Debug, Serialize, ToSchema)]
pub struct OfficeDto {
    pub unit_id: uuid::Uuid,
    pub unit_name: String,
    /// The unit's name in other languages, where given.
    pub unit_name_translations: ncen_core::units::dto::UnitNames,
    /// Code from `location_types`.
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    /// ISO 3166-1 alpha-2: the country part of the UN/LOCODE, else the administration's.
    pub country: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    /// 12–256 characters, not containing the username.
    #[schema(min_length = 12, max_length = 256)]
    pub new_password: String,
}
