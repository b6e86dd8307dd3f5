//! Seizure statistics: what an analyst asks (groupings, period, filters) and what comes back
//! (rows of measures, a total, comparisons).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

crate::text_enum! {
    /// What a statistics table can be grouped or filtered by. `period` groups by the
    /// request's `period`; the others are the dimensions of a case (`detection_method`,
    /// `conveyance_type` and the route countries may hold several values: a case counts once
    /// under each) or of its goods (`commodity_group`, `commodity_type`, `unit`).
    /// `route` is `origin>destination` (ISO countries; empty when not recorded);
    /// `route_segment` each pair of consecutive route legs in different countries (`FR>BE`;
    /// a case counts once under each); `place` where the goods were seized, as
    /// `latitude,longitude` rounded to 0.01° (empty when not recorded).
    pub enum Dimension {
        Period = "period",
        Kind = "kind",
        ReportingUnit = "reporting_unit",
        CommodityGroup = "commodity_group",
        CommodityType = "commodity_type",
        Unit = "unit",
        DetectionMethod = "detection_method",
        ConcealmentMethod = "concealment_method",
        LocationType = "location_type",
        Direction = "direction",
        OriginCountry = "origin_country",
        TransitCountry = "transit_country",
        DestinationCountry = "destination_country",
        Route = "route",
        RouteSegment = "route_segment",
        Place = "place",
        ConveyanceType = "conveyance_type",
        OffenderNationality = "offender_nationality",
    }
}

impl Dimension {
    /// Dimensions of a goods line rather than of the case: a cell of one holds only the
    /// lines with that value.
    pub fn of_goods(self) -> bool {
        matches!(
            self,
            Dimension::CommodityGroup | Dimension::CommodityType | Dimension::Unit
        )
    }
}

crate::text_enum! {
    /// The length of the periods a table grouped by `period` counts by. Keys: `2026-03-05`,
    /// `2026-W10` (ISO week), `2026-03`, `2026-Q1`, `2026`.
    pub enum Period {
        Day = "day",
        Week = "week",
        Month = "month",
        Quarter = "quarter",
        Year = "year",
    }
}

crate::text_enum! {
    /// Which cases are counted: submitted and validated (drafts never: until submitted a
    /// case is known to its unit only).
    pub enum CountedStatus {
        Submitted = "submitted",
        Validated = "validated",
    }
}

/// A statistics request, read from the query string.
#[derive(Debug, Clone, Default)]
pub struct StatsQuery {
    /// At most two; none for the totals only.
    pub group: Vec<Dimension>,
    pub period: Period,
    /// Detection dates, both included.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: Option<CountedStatus>,
    /// Keep the cases having this value (each filter a dimension other than `period`).
    pub filters: Vec<(Dimension, String)>,
    /// Only these cases (the seizure list's person, company, conveyance and text filters,
    /// resolved first); `None`: every case.
    pub cases: Option<Vec<Uuid>>,
    /// Add the previous period of the same length and the same period a year before.
    pub compare: bool,
}

// `text_enum!` declares the variants, so `#[default]` cannot be put on one.
#[allow(clippy::derivable_impls)]
impl Default for Period {
    fn default() -> Self {
        Period::Month
    }
}

/// A quantity without a mass (litres, pieces, sticks…), per unit of measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UnitQuantity {
    pub unit: String,
    pub quantity: f64,
}

/// What a cell of the table counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Measures {
    /// Cases (a case in several values of a grouping counts once in each).
    pub cases: i64,
    /// Goods lines.
    pub lines: i64,
    /// Mass of the goods, where their unit converts to kg.
    pub kg: f64,
    /// Value of the goods in `currency` (EUR), converted with the rates of the `currencies`
    /// code list (`eur_rate`).
    pub value: f64,
    /// Goods lines with a value in a currency that has no rate (not in `value`).
    pub unconverted_lines: i64,
    /// Quantities of goods without a mass, per unit.
    pub quantities: Vec<UnitQuantity>,
}

/// One row: its keys (one per grouping, in order; `""` where not recorded) and measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatsRow {
    pub keys: Vec<String>,
    #[serde(flatten)]
    pub measures: Measures,
    /// The same keys in the same period a year before (`compare=true`; a period key is
    /// matched to the same period of the year before).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_year: Option<Measures>,
    /// The same keys in the previous period of the same length (`compare=true`; not for a
    /// table grouped by period).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Measures>,
}

/// The totals of another range, for comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct StatsComparison {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub total: Measures,
}

/// A statistics table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SeizureStats {
    pub group: Vec<Dimension>,
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: Option<CountedStatus>,
    /// ISO 4217 code of `value`.
    pub currency: String,
    /// Rows, the largest count first (by period first when grouped by period).
    pub rows: Vec<StatsRow>,
    /// More rows than the 5 000 shown (the smallest left out): filter or group less finely.
    pub more: bool,
    /// Every counted case once.
    pub total: Measures,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<StatsComparison>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_year: Option<StatsComparison>,
    /// Cases saved in the last seconds and not counted yet (the statistics worker adds them
    /// within about a second).
    pub pending: i64,
}

/// The statistics request as the query string carries it. Filters combine with AND; those of
/// the seizure list keep their names.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsParams {
    /// Up to two groupings, comma-separated, in order (`period,commodity_group`); none for the
    /// totals only.
    #[param(
        max_length = 60,
        pattern = "^(period|kind|reporting_unit|commodity_group|commodity_type|unit|detection_method|concealment_method|location_type|direction|origin_country|transit_country|destination_country|route|route_segment|place|conveyance_type|offender_nationality)(,(period|kind|reporting_unit|commodity_group|commodity_type|unit|detection_method|concealment_method|location_type|direction|origin_country|transit_country|destination_country|route|route_segment|place|conveyance_type|offender_nationality))?$"
    )]
    pub group: Option<String>,
    /// What `period` groups by (default `month`).
    #[param(inline)]
    pub period: Option<Period>,
    /// First day counted (default: the first day of the month eleven months before `to`).
    pub from: Option<NaiveDate>,
    /// Last day counted (default: today).
    pub to: Option<NaiveDate>,
    /// Default: submitted and validated.
    #[param(inline)]
    pub status: Option<CountedStatus>,
    /// Add the previous period and the same period a year before.
    pub compare: Option<bool>,
    /// `seizure` or `offence`.
    #[param(max_length = 20)]
    pub kind: Option<String>,
    /// Reporting unit.
    pub unit_id: Option<Uuid>,
    #[param(max_length = 100)]
    pub commodity_group: Option<String>,
    #[param(max_length = 100)]
    pub commodity_type: Option<String>,
    /// Unit of measure of the goods.
    #[param(max_length = 100)]
    pub unit: Option<String>,
    #[param(max_length = 100)]
    pub detection_method: Option<String>,
    #[param(max_length = 100)]
    pub concealment_method: Option<String>,
    #[param(max_length = 100)]
    pub location_type: Option<String>,
    #[param(max_length = 100)]
    pub direction: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[param(max_length = 2)]
    pub origin_country: Option<String>,
    #[param(max_length = 2)]
    pub transit_country: Option<String>,
    #[param(max_length = 2)]
    pub destination_country: Option<String>,
    /// `origin>destination`, as the `route` grouping's keys.
    #[param(max_length = 5)]
    pub route: Option<String>,
    #[param(max_length = 100)]
    pub conveyance_type: Option<String>,
    #[param(max_length = 2)]
    pub offender_nationality: Option<String>,
    /// Any country on the route (as the seizure list).
    #[param(max_length = 2)]
    pub route_country: Option<String>,
    pub person_id: Option<Uuid>,
    pub company_id: Option<Uuid>,
    pub conveyance_id: Option<Uuid>,
    /// Free text, as the seizure list's.
    #[param(max_length = 200)]
    pub q: Option<String>,
}
