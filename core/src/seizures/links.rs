//! What the seizure database knows about a register record: the cases it is linked to, and
//! its role in each. The link tables belong to this module; the registers never read them.

use super::dto::{CaseKind, CaseStatus};
use crate::db::schema::{
    seizure_case_companies, seizure_case_conveyances, seizure_case_persons, seizure_cases,
};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
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

/// Every case `id` appears in, newest first, with its role there.
pub async fn appearances(
    conn: &mut AsyncPgConnection,
    party: Party,
    id: Uuid,
) -> QueryResult<Vec<CaseAppearance>> {
    macro_rules! linked_by {
        ($links:ident, $column:ident) => {
            $links::table
                .inner_join(seizure_cases::table)
                .filter($links::$column.eq(id))
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
