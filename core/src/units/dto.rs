use super::model::UnitRow;
use crate::common::check::Checker;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// A unit's name in the app's other languages, where the administration gives one (the
/// browser app shows `name` where a language has none). 1–200 characters each; empty or
/// blank removes a translation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitNames {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 200)]
    pub ar: Option<String>,
}

impl UnitNames {
    /// As stored (a JSON object; anything else reads as no translation).
    pub fn from_stored(v: &serde_json::Value) -> UnitNames {
        serde_json::from_value(v.clone()).unwrap_or_default()
    }

    /// Trimmed, blanks dropped, each checked under `name_translations.<lang>`.
    pub(crate) fn cleaned(self, ck: &mut Checker) -> UnitNames {
        let mut one = |lang: &str, v: Option<String>| {
            let v = v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())?;
            ck.length(&format!("name_translations.{lang}"), &v, 1, 200);
            Some(v)
        };
        UnitNames {
            en: one("en", self.en),
            fr: one("fr", self.fr),
            ar: one("ar", self.ar),
        }
    }

    pub fn stored(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_else(|_| serde_json::json!({}))
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnitDto {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub name_translations: UnitNames,
    pub parent_id: Option<Uuid>,
    /// Code from the `location_types` list (customs offices).
    pub location_type: Option<String>,
    pub unlocode: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<UnitRow> for UnitDto {
    fn from(r: UnitRow) -> Self {
        UnitDto {
            id: r.id,
            code: r.code,
            name: r.name,
            name_translations: UnitNames::from_stored(&r.name_translations),
            parent_id: r.parent_id,
            location_type: r.location_type,
            unlocode: r.unlocode,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnitList {
    /// Every unit, flat; build the tree from `parent_id`.
    pub items: Vec<UnitDto>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUnit {
    /// Upper-case letters, digits, `_`, `.`, `-` (not first); 1–32 characters; unique.
    #[schema(
        min_length = 1,
        max_length = 32,
        pattern = "^[A-Z0-9][A-Z0-9_.-]{0,31}$"
    )]
    pub code: String,
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[serde(default)]
    pub name_translations: UnitNames,
    pub parent_id: Option<Uuid>,
    pub location_type: Option<String>,
    /// UN/LOCODE, five characters (e.g. `FRPAR`).
    #[schema(pattern = "^[A-Z]{2}[A-Z2-9]{3}$")]
    pub unlocode: Option<String>,
}

/// A unit's editable fields. `PATCH /units/{id}` takes a JSON merge patch of them
/// (RFC 7396): only what changes; `null` clears an optional field. The patched whole is
/// checked like a creation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUnit {
    #[schema(
        min_length = 1,
        max_length = 32,
        pattern = "^[A-Z0-9][A-Z0-9_.-]{0,31}$",
        nullable = false
    )]
    pub code: Option<String>,
    #[schema(min_length = 1, max_length = 200, nullable = false)]
    pub name: Option<String>,
    /// Merged like the rest of the patch: a language given is set, a language given as
    /// `null` (or blank) is removed, the others stay.
    pub name_translations: Option<UnitNames>,
    /// `null` makes the unit a root.
    pub parent_id: Option<Uuid>,
    pub location_type: Option<String>,
    #[schema(pattern = "^[A-Z]{2}[A-Z2-9]{3}$")]
    pub unlocode: Option<String>,
}

impl UpdateUnit {
    /// The current fields of a unit, the document a patch applies to.
    pub fn current(row: &UnitRow) -> Self {
        UpdateUnit {
            code: Some(row.code.clone()),
            name: Some(row.name.clone()),
            name_translations: Some(UnitNames::from_stored(&row.name_translations)),
            parent_id: row.parent_id,
            location_type: row.location_type.clone(),
            unlocode: row.unlocode.clone(),
        }
    }
}

/// Unit limits, checked by `units::service` and published in the schema above.
impl CreateUnit {
    pub(crate) fn check(&self, ck: &mut Checker) {
        ck.length("code", &self.code, 1, 32);
        ck.length("name", &self.name, 1, 200);
    }
}

impl UpdateUnit {
    pub(crate) fn check(&self, ck: &mut Checker) {
        match &self.code {
            Some(code) => ck.length("code", code, 1, 32),
            None => ck.push("code", "required", "is required"),
        }
        match &self.name {
            Some(name) => ck.length("name", name, 1, 200),
            None => ck.push("name", "required", "is required"),
        }
    }
}
