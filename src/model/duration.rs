//! Phase durations: `4 weeks`, `8w`, `10 days`, `3 months`, `1 week`, and
//! ranges `6-12 months` (optimistic-pessimistic) or `6-8-12 months`
//! (optimistic-most likely-pessimistic).
//!
//! Durations are calendar days, seven a week. A month is a fixed 30 days, so
//! that a schedule is a pure count of days that does not change with the
//! start date. A range is a three-point estimate; when the most likely value
//! is not written it is the midpoint. The schedule uses the PERT expected
//! value `(optimistic + 4 × most likely + pessimistic) / 6`, rounded up to a
//! whole day.

use std::fmt;

/// Days in one unit.
const DAYS_PER_WEEK: u64 = 7;
const DAYS_PER_MONTH: u64 = 30;
/// The longest duration one phase may have: a century.
pub const MAX_DAYS: u64 = 36_500;

/// A parsed duration, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub optimistic: u64,
    /// The most likely value, in half days when it is a midpoint.
    likely_halves: u64,
    pub pessimistic: u64,
}

impl Duration {
    /// A fixed duration.
    pub fn days(days: u64) -> Duration {
        Duration {
            optimistic: days,
            likely_halves: days * 2,
            pessimistic: days,
        }
    }

    pub fn is_estimate(&self) -> bool {
        self.optimistic != self.pessimistic
    }

    /// The most likely value in days (a midpoint may end in a half day).
    pub fn likely(&self) -> f64 {
        self.likely_halves as f64 / 2.0
    }

    /// The point of the estimate the schedule uses: the PERT expected
    /// value, rounded up to a whole day.
    pub fn scheduled_days(&self) -> u64 {
        // (o + 4m + p) / 6 with m in halves: (2o + 4·m2 + 2p) / 12.
        let twelfths = 2 * self.optimistic + 4 * self.likely_halves + 2 * self.pessimistic;
        twelfths.div_ceil(12)
    }
}

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DurationError {
    Empty,
    Negative,
    Fractional,
    UnknownUnit(String),
    MissingUnit,
    NotANumber,
    ReversedRange,
    TooLong,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DurationError::Empty => f.write_str("the duration is empty"),
            DurationError::Negative => f.write_str("a duration cannot be negative"),
            DurationError::Fractional => {
                f.write_str("durations are whole numbers of days, weeks or months")
            }
            DurationError::UnknownUnit(unit) => write!(f, "`{unit}` is not a unit of duration"),
            DurationError::MissingUnit => f.write_str("the duration has no unit"),
            DurationError::NotANumber => f.write_str("the duration does not start with a number"),
            DurationError::ReversedRange => f.write_str(
                "a range goes from the optimistic to the pessimistic value, smallest first",
            ),
            DurationError::TooLong => write!(f, "a phase may last at most {MAX_DAYS} days"),
        }
    }
}

/// The forms a duration may take, for help texts.
pub const ACCEPTED_FORMS: &str = "write a whole number and a unit: `10 days`, `10d`, `1 week`, \
    `4 weeks`, `4w`, `3 months`, `3mo` (a month is 30 days), or a range `6-12 months` / \
    `6-8-12 months` (optimistic-[most likely-]pessimistic)";

pub fn parse_duration(text: &str) -> Result<Duration, DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    if text.starts_with('-') {
        return Err(DurationError::Negative);
    }
    let numbers_end = text
        .find(|c: char| {
            !(c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | '.' | ','))
        })
        .unwrap_or(text.len());
    let (numbers, unit) = text.split_at(numbers_end);
    let unit = unit.trim();
    if numbers.trim().is_empty() {
        return Err(DurationError::NotANumber);
    }
    if numbers.contains(['.', ',']) {
        return Err(DurationError::Fractional);
    }
    let per_unit = unit_days(unit)?;
    let values: Vec<u64> = numbers
        .split(['-', '–'])
        .map(|part| {
            let part = part.trim();
            if part.is_empty() {
                return Err(DurationError::NotANumber);
            }
            part.parse::<u64>()
                .map_err(|_| DurationError::TooLong)?
                .checked_mul(per_unit)
                .filter(|&days| days <= MAX_DAYS)
                .ok_or(DurationError::TooLong)
        })
        .collect::<Result<_, _>>()?;
    let duration = match values[..] {
        [days] => Duration::days(days),
        [optimistic, pessimistic] => Duration {
            optimistic,
            likely_halves: optimistic + pessimistic,
            pessimistic,
        },
        [optimistic, likely, pessimistic] if optimistic <= likely => Duration {
            optimistic,
            likely_halves: likely * 2,
            pessimistic,
        },
        [_, _, _] => return Err(DurationError::ReversedRange),
        _ => return Err(DurationError::NotANumber),
    };
    if duration.optimistic > duration.pessimistic || duration.likely() > duration.pessimistic as f64
    {
        return Err(DurationError::ReversedRange);
    }
    Ok(duration)
}

fn unit_days(unit: &str) -> Result<u64, DurationError> {
    match unit.to_ascii_lowercase().as_str() {
        "" => Err(DurationError::MissingUnit),
        "d" | "day" | "days" => Ok(1),
        "w" | "wk" | "wks" | "week" | "weeks" => Ok(DAYS_PER_WEEK),
        "mo" | "mos" | "month" | "months" => Ok(DAYS_PER_MONTH),
        _ => Err(DurationError::UnknownUnit(unit.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> u64 {
        parse_duration(text)
            .unwrap_or_else(|error| panic!("{text}: {error}"))
            .scheduled_days()
    }

    #[test]
    fn long_short_and_singular_forms() {
        assert_eq!(days("4 weeks"), 28);
        assert_eq!(days("8w"), 56);
        assert_eq!(days("1 week"), 7);
        assert_eq!(days("10 days"), 10);
        assert_eq!(days("10d"), 10);
        assert_eq!(days("1 day"), 1);
        assert_eq!(days("3 months"), 90);
        assert_eq!(days("3mo"), 90);
        assert_eq!(days("1 Month"), 30);
        assert_eq!(days("  2 WEEKS "), 14);
        assert_eq!(days("0 days"), 0);
    }

    #[test]
    fn ranges_are_three_point_estimates() {
        let range = parse_duration("6-12 months").expect("range");
        assert_eq!((range.optimistic, range.pessimistic), (180, 360));
        assert_eq!(range.likely(), 270.0);
        assert_eq!(range.scheduled_days(), 270);
        assert!(range.is_estimate());
        // Written most likely value: (14 + 4·21 + 42) / 6 = 23.33… → 24.
        assert_eq!(days("2-3-6 weeks"), 24);
        // Midpoint of an odd span is a half day: (1 + 4·1.5 + 2) / 6 = 1.5 → 2.
        assert_eq!(days("1-2 days"), 2);
        assert_eq!(days("6–10 weeks"), 56);
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(parse_duration(""), Err(DurationError::Empty));
        assert_eq!(parse_duration("-3 days"), Err(DurationError::Negative));
        assert_eq!(parse_duration("1.5 weeks"), Err(DurationError::Fractional));
        assert_eq!(parse_duration("4"), Err(DurationError::MissingUnit));
        assert_eq!(parse_duration("four weeks"), Err(DurationError::NotANumber));
        assert_eq!(
            parse_duration("3 fortnights"),
            Err(DurationError::UnknownUnit("fortnights".into()))
        );
        assert_eq!(
            parse_duration("12-6 months"),
            Err(DurationError::ReversedRange)
        );
        assert_eq!(
            parse_duration("2-9-6 weeks"),
            Err(DurationError::ReversedRange)
        );
        assert_eq!(
            parse_duration("200 years"),
            Err(DurationError::UnknownUnit("years".into()))
        );
        assert_eq!(
            parse_duration("99999999999999999999 days"),
            Err(DurationError::TooLong)
        );
        assert_eq!(parse_duration("5000 months"), Err(DurationError::TooLong));
        assert_eq!(parse_duration("4-"), Err(DurationError::MissingUnit));
        assert_eq!(parse_duration("4- weeks"), Err(DurationError::NotANumber));
    }
}
