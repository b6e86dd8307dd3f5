//! The insert/flush layer: one row batch per table the generator writes, flushed parents before children.

use super::sql::Batch;
use diesel_async::AsyncPgConnection;

pub(super) struct Tables {
    pub(super) cases: Batch,
    pub(super) goods: Batch,
    pub(super) legs: Batch,
    pub(super) persons: Batch,
    pub(super) documents: Batch,
    pub(super) companies: Batch,
    pub(super) conveyances: Batch,
    pub(super) case_persons: Batch,
    pub(super) case_companies: Batch,
    pub(super) case_conveyances: Batch,
    pub(super) history: Batch,
    pub(super) attachments: Batch,
}

impl Tables {
    pub(super) fn new() -> Self {
        Tables {
            cases: Batch::new(
                "seizure_cases",
                &[
                    "id",
                    "reference",
                    "kind",
                    "status",
                    "reporting_unit_id",
                    "reporting_officer_id",
                    "detected_at",
                    "place",
                    "location_type",
                    "unlocode",
                    "country",
                    "latitude",
                    "longitude",
                    "direction",
                    "customs_procedure",
                    "declaration_reference",
                    "detection_methods",
                    "concealment_method",
                    "concealment_description",
                    "narrative",
                    "summary_non_nominal",
                    "offender_nationality",
                    "offender_gender",
                    "offender_age_band",
                    "version",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                    "route_countries",
                    "conveyance_types",
                ],
            ),
            goods: Batch::new(
                "seizure_goods",
                &[
                    "id",
                    "case_id",
                    "position",
                    "commodity_group",
                    "commodity_type",
                    "hs_code",
                    "description",
                    "quantity",
                    "unit",
                    "mass_kg",
                    "value",
                    "currency",
                    "packaging",
                    "brand",
                    "species",
                    "cites_appendix",
                    "purity_percent",
                ],
            ),
            legs: Batch::new(
                "seizure_route_legs",
                &[
                    "case_id",
                    "position",
                    "country",
                    "unlocode",
                    "place",
                    "role",
                    "departure_date",
                    "arrival_date",
                ],
            ),
            persons: Batch::new(
                "persons",
                &[
                    "id",
                    "family_name",
                    "given_names",
                    "aliases",
                    "original_script_name",
                    "birth_year",
                    "birth_month",
                    "birth_day",
                    "place_of_birth",
                    "gender",
                    "nationalities",
                    "addresses",
                    "phones",
                    "emails",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            ),
            documents: Batch::new(
                "person_documents",
                &[
                    "person_id",
                    "position",
                    "document_type",
                    "number",
                    "number_norm",
                    "issuing_country",
                    "expires_on",
                ],
            ),
            companies: Batch::new(
                "companies",
                &[
                    "id",
                    "name",
                    "aliases",
                    "registration_number",
                    "tax_id",
                    "eori",
                    "country",
                    "activities",
                    "status",
                    "addresses",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            ),
            conveyances: Batch::new(
                "conveyances",
                &[
                    "id",
                    "conveyance_type",
                    "identifier_kind",
                    "identifier",
                    "identifier_norm",
                    "country",
                    "name",
                    "make",
                    "model",
                    "notes",
                    "created_by",
                    "created_at",
                    "updated_by",
                    "updated_at",
                ],
            ),
            case_persons: Batch::new(
                "seizure_case_persons",
                &["case_id", "person_id", "role", "position"],
            ),
            case_companies: Batch::new(
                "seizure_case_companies",
                &["case_id", "company_id", "role", "position"],
            ),
            case_conveyances: Batch::new(
                "seizure_case_conveyances",
                &["case_id", "conveyance_id", "role", "position"],
            ),
            history: Batch::new(
                "seizure_history",
                &[
                    "case_id",
                    "version",
                    "action",
                    "actor_id",
                    "actor_username",
                    "at",
                    "reason",
                    "changes",
                ],
            ),
            attachments: Batch::new(
                "seizure_attachments",
                &[
                    "id",
                    "case_id",
                    "kind",
                    "caption",
                    "cleared_for_export",
                    "media_type",
                    "original_filename",
                    "size_bytes",
                    "sha256",
                    "width",
                    "height",
                    "storage_key",
                    "thumbnail_key",
                    "uploaded_by",
                    "uploaded_at",
                ],
            ),
        }
    }

    /// Writes every pending row, parents before children.
    pub(super) async fn flush(&mut self, conn: &mut AsyncPgConnection) -> diesel::QueryResult<()> {
        self.persons.flush(conn).await?;
        self.documents.flush(conn).await?;
        self.companies.flush(conn).await?;
        self.conveyances.flush(conn).await?;
        self.cases.flush(conn).await?;
        self.goods.flush(conn).await?;
        self.legs.flush(conn).await?;
        self.case_persons.flush(conn).await?;
        self.case_companies.flush(conn).await?;
        self.case_conveyances.flush(conn).await?;
        self.history.flush(conn).await?;
        self.attachments.flush(conn).await?;
        Ok(())
    }
}
