//! The link analysis's demo: a network an analyst follows from a courier to the company
//! behind three cases. The courier, stopped with cocaine in the latest drug case, gave a
//! phone number that is also the phone of the logistics manager of an import company; the
//! company was the importer in three earlier drug cases. Nothing links the courier to the
//! company on paper: only the graph (courier → phone → manager → company → cases) does.
//!
//! Records go through the registers and the company database's services as the demo users.

use crate::alerts::user;
use crate::company_network::{case, company, name_in_case};
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use ncen_core::codelists::book::CodeBook;
use ncen_core::common::check::Checker;
use ncen_core::companies::dto::{CompanyPersonInput, PersonRole};
use ncen_core::companies::links;
use ncen_core::registers::companies::dto::CompanyInput;
use ncen_core::registers::companies::Companies;
use ncen_core::registers::persons::dto::PersonInput;
use ncen_core::registers::persons::Persons;
use ncen_core::registers::Register;
use uuid::Uuid;

/// The courier the analyst starts from.
pub const COURIER: (&str, &str) = ("Kowalczyk", "Marek");
/// The company behind the three cases.
pub const COMPANY: &str = "Veltrano Import Export SARL";
/// The phone the courier and the company's manager share (two spellings of one number).
const PHONE: [&str; 2] = ["+33 6 48 27 19 55", "06.48.27.19.55"];

async fn person(
    conn: &mut AsyncPgConnection,
    by: Uuid,
    input: PersonInput,
) -> anyhow::Result<Uuid> {
    let mut ck = Checker::new();
    let clean = Persons::clean(
        input,
        &CodeBook::load(conn, Persons::CODE_LISTS).await?,
        "",
        &mut ck,
    );
    ck.finish()
        .map_err(|e| anyhow::anyhow!("demo person: {e:?}"))?;
    let id = Uuid::new_v4();
    Persons::insert(conn, id, &clean, by, None)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(id)
}

/// Writes the network; returns the cases it named (the courier's, then the company's).
pub async fn create(conn: &mut AsyncPgConnection) -> anyhow::Result<Vec<Uuid>> {
    let (officer, officer_actor) = user(conn, "ncu.investigator").await?;
    let by = officer.id;
    let courier = person(
        conn,
        by,
        PersonInput {
            family_name: Some(COURIER.0.into()),
            given_names: Some(COURIER.1.into()),
            date_of_birth: Some("1993-02-11".into()),
            nationalities: vec!["PL".into()],
            phones: vec![PHONE[0].into()],
            ..Default::default()
        },
    )
    .await?;
    let manager = person(
        conn,
        by,
        PersonInput {
            family_name: Some("Benali".into()),
            given_names: Some("Karim".into()),
            date_of_birth: Some("1979-06-30".into()),
            nationalities: vec!["FR".into()],
            phones: vec![PHONE[1].into()],
            addresses: vec!["8 rue des Entrepôts, 13002 Marseille".into()],
            ..Default::default()
        },
    )
    .await?;
    let book = CodeBook::load(conn, Companies::CODE_LISTS).await?;
    let company_id = company(
        conn,
        &book,
        by,
        CompanyInput {
            name: Some(COMPANY.into()),
            legal_form: Some("fr_sarl".into()),
            country: Some("FR".into()),
            status: Some("active".into()),
            activities: vec!["importer".into()],
            ..Default::default()
        },
    )
    .await?;
    links::add_person(
        conn,
        &officer,
        &officer_actor,
        company_id,
        CompanyPersonInput {
            person_id: manager,
            role: PersonRole::Employee,
            share_percent: None,
            from: None,
            until: None,
            note: Some("Logistics manager".into()),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    // the company: importer in three drug cases of the last year; the courier: the latest
    let mut named = Vec::new();
    let latest = case(conn, "drugs", 0, 1).await?;
    if let Some(c) = latest {
        diesel::sql_query(
            "INSERT INTO seizure_case_persons (case_id, person_id, role, position) \
             SELECT $1, $2, $3, coalesce(max(position), 0) + 1 FROM seizure_case_persons WHERE case_id = $1 \
             ON CONFLICT DO NOTHING",
        )
        .bind::<SqlUuid, _>(c)
        .bind::<SqlUuid, _>(courier)
        .bind::<Text, _>("courier")
        .execute(conn)
        .await?;
        named.push(c);
    }
    for (min_days, skip) in [(40, 0), (120, 0), (250, 0)] {
        if let Some(c) = case(conn, "drugs", min_days, skip).await? {
            name_in_case(conn, c, company_id).await?;
            named.push(c);
        }
    }
    Ok(named)
}
