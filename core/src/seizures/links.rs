//! What the seizure database knows about a register record: the cases it is linked to, and
//! its role in each. The link tables belong to this module; the registers never read them.

use super::dto::{CaseKind, CaseStatus};
use crate::auth::Principal;
use crate::db::schema::{
    seizure_case_companies, seizure_case_conveyances, seizure_case_persons, seizure_cases,
};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The kind of register record a case links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Person,
    Company,
    Conveyance,
}

/// A case a register record appears in, and its role there.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseAppearance {
    pub case_id: Uuid,
    pub reference: String,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub detected_at: DateTime<Utc>,
    pub role: String,
}

type Appearance = (Uuid, String, CaseKind, CaseStatus, DateTime<Utc>, String);

/// Every case `id` appears in that `viewer` may know of (another unit's drafts are left
/// out, `seizures::visible`), newest first, with its role there.
pub async fn appearances(
    conn: &mut AsyncPgConnection,
    party: Party,
    id: Uuid,
    viewer: &Principal,
) -> QueryResult<Vec<CaseAppearance>> {
    let own_drafts = super::sees_drafts_of_own_unit(viewer);
    let visible = || {
        seizure_cases::status
            .ne(CaseStatus::Draft)
            .or(seizure_cases::reporting_unit_id
                .eq(viewer.unit_id)
                .and(own_drafts.into_sql::<Bool>()))
    };
    macro_rules! linked_by {
        ($links:ident, $column:ident) => {
            $links::table
                .inner_join(seizure_cases::table)
                .filter($links::$column.eq(id))
                .filter(visible())
                .order((seizure_cases::detected_at.desc(), seizure_cases::id.desc()))
                .select((
                    seizure_cases::id,
                    seizure_cases::reference,
                    seizure_cases::kind,
                    seizure_cases::status,
                    seizure_cases::detected_at,
                    $links::role,
                ))
                .load::<Appearance>(conn)
                .await?
        };
    }
    let rows = match party {
        Party::Person => linked_by!(seizure_case_persons, person_id),
        Party::Company => linked_by!(seizure_case_companies, company_id),
        Party::Conveyance => linked_by!(seizure_case_conveyances, conveyance_id),
    };
    Ok(rows
        .into_iter()
        .map(
            |(case_id, reference, kind, status, detected_at, role)| CaseAppearance {
                case_id,
                reference,
                kind,
                status,
                detected_at,
                role,
            },
        )
        .collect())
}
