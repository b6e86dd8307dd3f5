//! Dates of birth, full or partial, compared the way records disagree in practice: one side
//! knows only the year, day and month were swapped, one digit was mistyped.

use crate::Feature;

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn parse(raw: &str) -> Option<PartialDate> {
        let mut parts = raw.trim().split('-');
        let year: u16 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
        let month = match parts.next() {
            Some(p) => Some(p.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(p) => Some(p.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        Some(PartialDate { year, month, day })
    }

    fn text(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// Digits that differ between two equally long strings.
fn differing(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count()
}

/// The date-of-birth evidence between two dates.
pub fn compare(a: PartialDate, b: PartialDate) -> Feature {
    let detail = format!("{} / {}", a.text(), b.text());
    let full = |d: PartialDate| d.month.is_some() && d.day.is_some();
    if full(a) && full(b) {
        if a == b {
            return Feature::new("date_of_birth", format!("{detail}: same"), 0.15);
        }
        if a.year == b.year && a.month == b.day && a.day == b.month {
            return Feature::new(
                "date_of_birth",
                format!("{detail}: day and month swapped"),
                0.08,
            );
        }
        if differing(&a.text(), &b.text()) == 1 {
            return Feature::new("date_of_birth", format!("{detail}: one digit apart"), 0.04);
        }
        return different(a, b, detail);
    }
    let months_agree = match (a.month, b.month) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    if a.year == b.year && months_agree {
        return Feature::new("date_of_birth", format!("{detail}: compatible"), 0.05);
    }
    if differing(&format!("{:04}", a.year), &format!("{:04}", b.year)) == 1
        && a.year.abs_diff(b.year) <= 9
        && months_agree
    {
        return Feature::new(
            "date_of_birth",
            format!("{detail}: year one digit apart"),
            0.0,
        );
    }
    if a.year == b.year {
        return Feature::new(
            "date_of_birth",
            format!("{detail}: same year, different month"),
            -0.15,
        );
    }
    different(a, b, detail)
}

/// Years apart weigh more than a different day in the same years.
fn different(a: PartialDate, b: PartialDate, detail: String) -> Feature {
    let penalty = if a.year.abs_diff(b.year) > 5 {
        -0.45
    } else {
        -0.35
    };
    Feature::new("date_of_birth", format!("{detail}: different"), penalty)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn c(a: &str, b: &str) -> f64 {
        compare(
            PartialDate::parse(a).unwrap(),
            PartialDate::parse(b).unwrap(),
        )
        .contribution
    }

    #[test]
    fn partial_swapped_and_mistyped_dates() {
        assert!(c("1979-11-07", "1979-11-07") > 0.1);
        assert!(c("1979-11-07", "1979") > 0.0);
        assert!(c("1979-11-07", "1979-07-11") > 0.0);
        assert!(c("1979-11-07", "1979-11-01") > 0.0);
        assert!(c("1979", "1978") == 0.0);
        assert!(c("1979-11-07", "1992-03-01") < 0.0);
        assert!(PartialDate::parse("1979-13").is_none());
    }
}
