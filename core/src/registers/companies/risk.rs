//! A company's risk as the register shows it: the stored score (0–100, computed by
//! `companies::risk` from the company's cases, alerts, investigations, typologies, links and
//! flags) and its band under the configured thresholds (`NCEN_RISK_MEDIUM`,
//! `NCEN_RISK_HIGH`). RiskBands are derived when read, so changing a threshold needs no
//! recomputation.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use utoipa::ToSchema;

/// The scores from which a company is of medium and of high risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct RiskBands {
    pub medium: i32,
    pub high: i32,
}

impl Default for RiskBands {
    fn default() -> Self {
        RiskBands {
            medium: 30,
            high: 60,
        }
    }
}

static BANDS: OnceLock<RiskBands> = OnceLock::new();

/// Sets the thresholds once, at start-up (later calls are ignored).
pub fn configure(bands: RiskBands) {
    let _ = BANDS.set(bands);
}

/// The configured thresholds (the defaults, 30 and 60, unless configured).
pub fn bands() -> RiskBands {
    BANDS.get().copied().unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskBand {
    Low,
    Medium,
    High,
}

impl RiskBand {
    pub fn of(score: i32) -> RiskBand {
        let b = bands();
        if score >= b.high {
            RiskBand::High
        } else if score >= b.medium {
            RiskBand::Medium
        } else {
            RiskBand::Low
        }
    }

    /// The scores of the band: from `.0` up to, not including, `.1`.
    pub fn range(self) -> (i32, i32) {
        let b = bands();
        match self {
            RiskBand::Low => (i32::MIN, b.medium),
            RiskBand::Medium => (b.medium, b.high),
            RiskBand::High => (b.high, i32::MAX),
        }
    }
}

/// The score and its band.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct RiskSummary {
    /// 0–100.
    pub score: i32,
    pub band: RiskBand,
}

impl RiskSummary {
    pub fn of(score: i32) -> RiskSummary {
        RiskSummary {
            score,
            band: RiskBand::of(score),
        }
    }
}
