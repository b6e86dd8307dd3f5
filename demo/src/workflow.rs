//! The workflow of a case: its status (draft, submitted, validated), the times of each step, and the history rows.

use super::cases::Facts;
use super::goods::Item;
use super::sql;
use super::state::Gen;
use chrono::{DateTime, Utc};
use rand::Rng;
use serde_json::json;
use uuid::Uuid;

/// Where a case stands, and when each step happened.
#[derive(Clone, Copy)]
pub(super) struct Workflow {
    pub(super) status: &'static str,
    pub(super) version: i64,
    pub(super) created_at: DateTime<Utc>,
    pub(super) submitted_at: DateTime<Utc>,
    pub(super) validated_at: DateTime<Utc>,
    pub(super) updated_by: Uuid,
    pub(super) updated_at: DateTime<Utc>,
}

impl Gen<'_> {
    pub(super) fn workflow(&mut self, c: &Facts) -> Workflow {
        let Facts {
            when,
            officer_id,
            supervisor_id,
            ..
        } = *c;
        // Workflow: older cases are mostly validated.
        let age_days = (self.end - when).num_days();
        let roll: f64 = self.rng.random();
        let status = if age_days > 60 {
            if roll < 0.85 {
                "validated"
            } else if roll < 0.95 {
                "submitted"
            } else {
                "draft"
            }
        } else if roll < 0.35 {
            "draft"
        } else if roll < 0.7 {
            "submitted"
        } else {
            "validated"
        };
        let version: i64 = match status {
            "draft" => 1,
            "submitted" => 2,
            _ => 3,
        };
        let created_at = self.at(when, 1, 30);
        let submitted_at = self.at(created_at, 1, 72);
        let validated_at = self.at(submitted_at, 2, 240);
        let (updated_by, updated_at) = match status {
            "draft" => (officer_id, created_at),
            "submitted" => (officer_id, submitted_at),
            _ => (supervisor_id, validated_at),
        };
        Workflow {
            status,
            version,
            created_at,
            submitted_at,
            validated_at,
            updated_by,
            updated_at,
        }
    }

    /// Writes the history rows the API would have written for the same steps.
    pub(super) fn history(
        &mut self,
        c: &Facts,
        w: &Workflow,
        direction: &str,
        items: &[(Item, Vec<String>)],
    ) {
        let Facts {
            case_id,
            when,
            office,
            offence,
            officer_id,
            supervisor_id,
            ..
        } = *c;
        let (officer_name, supervisor_name) = (&c.officer_name, &c.supervisor_name);
        let Workflow {
            version,
            created_at,
            submitted_at,
            validated_at,
            ..
        } = *w;
        // History: what the API would have written for the same steps.
        let created = json!({
            "kind": { "old": null, "new": if offence { "offence" } else { "seizure" } },
            "detected_at": { "old": null, "new": when },
            "place": { "old": null, "new": office.name },
            "direction": { "old": null, "new": direction },
            "goods": { "old": null, "new": items.len() },
        });
        let mut steps = vec![(
            1,
            "create",
            officer_id,
            officer_name.clone(),
            created_at,
            created,
        )];
        if version >= 2 {
            steps.push((
                2,
                "submit",
                officer_id,
                officer_name.clone(),
                submitted_at,
                json!({ "status": { "old": "draft", "new": "submitted" } }),
            ));
        }
        if version >= 3 {
            steps.push((
                3,
                "validate",
                supervisor_id,
                supervisor_name.clone(),
                validated_at,
                json!({ "status": { "old": "submitted", "new": "validated" } }),
            ));
        }
        for (v, action, actor, name, at, changes) in steps {
            self.t.history.push(&[
                sql::uuid(case_id),
                sql::int(v),
                sql::text(action),
                sql::uuid(actor),
                sql::text(&name),
                sql::time(at),
                "NULL".into(),
                sql::json(&changes),
            ]);
        }
    }
}
