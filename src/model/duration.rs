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
    /// A range written largest first; `instead` is the same range smallest
    /// first, as it should be written.
    ReversedRange {
        instead: String,
    },
    /// A three-point range whose optimistic value is above its most likely.
    OptimisticAboveLikely {
        optimistic: u64,
        likely: u64,
    },
    /// A three-point range whose most likely value is above its pessimistic.
    LikelyAbovePessimistic {
        likely: u64,
        pessimistic: u64,
    },
    /// A range with a unit after a value other than the last
    /// (`6 weeks-3 months`); `instead` is the range in one unit, when it can
    /// be worked out.
    UnitInsideRange {
        instead: Option<String>,
    },
    TooLong,
}

/// What a three-point range must satisfy, said the same way each time.
const THREE_POINT_ORDER: &str = "a three-point range is optimistic-most likely-pessimistic, \
    with optimistic ≤ most likely ≤ pessimistic";

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
            DurationError::ReversedRange { instead } => write!(
                f,
                "a range goes from the optimistic to the pessimistic value, smallest first: \
                 write `{instead}`"
            ),
            DurationError::OptimisticAboveLikely { optimistic, likely } => write!(
                f,
                "the optimistic value ({optimistic}) is above the most likely one ({likely}): \
                 {THREE_POINT_ORDER}"
            ),
            DurationError::LikelyAbovePessimistic {
                likely,
                pessimistic,
            } => write!(
                f,
                "the most likely value ({likely}) is above the pessimistic one ({pessimistic}): \
                 {THREE_POINT_ORDER}"
            ),
            DurationError::UnitInsideRange { instead } => {
                f.write_str("a range takes one unit, written once at the end (`6-12 weeks`)")?;
                match instead {
                    Some(instead) => write!(f, ": write `{instead}`"),
                    None => Ok(()),
                }
            }
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
    let per_unit = unit_days(unit).map_err(|error| unit_inside_range(text).unwrap_or(error))?;
    let written: Vec<u64> = numbers
        .split(RANGE_DASHES)
        .map(|part| {
            let part = part.trim();
            if part.is_empty() {
                return Err(DurationError::NotANumber);
            }
            let value = part.parse::<u64>().map_err(|_| DurationError::TooLong)?;
            value
                .checked_mul(per_unit)
                .filter(|&days| days <= MAX_DAYS)
                .ok_or(DurationError::TooLong)?;
            Ok(value)
        })
        .collect::<Result<_, _>>()?;
    // Whole values of the same unit: their order is the order of the days.
    let reversed = || {
        let values: Vec<String> = written.iter().rev().map(u64::to_string).collect();
        DurationError::ReversedRange {
            instead: format!("{}{}", values.join("-"), &text[numbers.trim_end().len()..]),
        }
    };
    let days: Vec<u64> = written.iter().map(|value| value * per_unit).collect();
    match (&written[..], &days[..]) {
        (_, &[days]) => Ok(Duration::days(days)),
        (&[optimistic, pessimistic], _) if optimistic > pessimistic => Err(reversed()),
        (_, &[optimistic, pessimistic]) => Ok(Duration {
            optimistic,
            likely_halves: optimistic + pessimistic,
            pessimistic,
        }),
        (&[optimistic, likely, pessimistic], _) if optimistic > likely && likely > pessimistic => {
            Err(reversed())
        }
        (&[optimistic, likely, _], _) if optimistic > likely => {
            Err(DurationError::OptimisticAboveLikely { optimistic, likely })
        }
        (&[_, likely, pessimistic], _) if likely > pessimistic => {
            Err(DurationError::LikelyAbovePessimistic {
                likely,
                pessimistic,
            })
        }
        (_, &[optimistic, likely, pessimistic]) => Ok(Duration {
            optimistic,
            likely_halves: likely * 2,
            pessimistic,
        }),
        _ => Err(DurationError::NotANumber),
    }
}

/// What separates the values of a range.
const RANGE_DASHES: [char; 2] = ['-', '–'];

/// `6 weeks-3 months`: a range whose values each carry a unit. `None` when
/// the text is not a range of numbers (`3 man-weeks` has an unknown unit).
fn unit_inside_range(text: &str) -> Option<DurationError> {
    let parts: Vec<&str> = text.split(RANGE_DASHES).map(str::trim).collect();
    let is_range = parts.len() > 1
        && parts
            .iter()
            .all(|part| part.starts_with(|c: char| c.is_ascii_digit()));
    is_range.then(|| DurationError::UnitInsideRange {
        instead: in_one_unit(&parts),
    })
}

/// The values of a range with units inside it, written in one unit: the
/// largest unit the plan used in which every value is whole, else days.
/// `None` when a value cannot be read or the values are out of order.
fn in_one_unit(parts: &[&str]) -> Option<String> {
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut days = vec![0; parts.len()];
    let mut used = vec![1];
    // A value without a unit takes the unit written after it (`2-4 weeks-…`).
    let mut next_unit = None;
    for (index, part) in parts.iter().enumerate().rev() {
        let digits = part
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(part.len());
        let (value, unit) = part.split_at(digits);
        let unit = unit.trim();
        if !unit.is_empty() {
            let per_unit = unit_days(unit).ok()?;
            used.push(per_unit);
            next_unit = Some(per_unit);
        }
        days[index] = value
            .parse::<u64>()
            .ok()?
            .checked_mul(next_unit?)
            .filter(|&days| days <= MAX_DAYS)?;
    }
    if !days.is_sorted() {
        return None;
    }
    let per_unit = used
        .into_iter()
        .filter(|&per_unit| days.iter().all(|day| day % per_unit == 0))
        .max()?;
    let name = match per_unit {
        DAYS_PER_MONTH => "months",
        DAYS_PER_WEEK => "weeks",
        _ => "days",
    };
    let values: Vec<String> = days
        .iter()
        .map(|day| (day / per_unit).to_string())
        .collect();
    Some(format!("{} {name}", values.join("-")))
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

    fn message(text: &str) -> String {
        parse_duration(text)
            .expect_err("an unreadable duration")
            .to_string()
    }

    #[test]
    fn a_range_out_of_order_says_which_values_are() {
        assert_eq!(
            message("12-6 months"),
            "a range goes from the optimistic to the pessimistic value, smallest first: write `6-12 months`"
        );
        assert_eq!(
            message("2-8-6 weeks"),
            "the most likely value (8) is above the pessimistic one (6): a three-point range is \
             optimistic-most likely-pessimistic, with optimistic ≤ most likely ≤ pessimistic"
        );
        assert_eq!(
            message("9-4-12 weeks"),
            "the optimistic value (9) is above the most likely one (4): a three-point range is \
             optimistic-most likely-pessimistic, with optimistic ≤ most likely ≤ pessimistic"
        );
        assert_eq!(
            message("9-8-4 weeks"),
            "a range goes from the optimistic to the pessimistic value, smallest first: write `4-8-9 weeks`"
        );
        assert_eq!(
            message("12–6mo"),
            "a range goes from the optimistic to the pessimistic value, smallest first: write `6-12mo`"
        );
        // Equal values are in order.
        assert_eq!(days("2-2-2 weeks"), 14);
        assert_eq!(days("2-6-6 weeks"), 38);
    }

    #[test]
    fn a_unit_inside_a_range_is_one_unit_too_many() {
        assert_eq!(
            message("6 weeks-3 months"),
            "a range takes one unit, written once at the end (`6-12 weeks`): \
             write `42-90 days`"
        );
        assert_eq!(
            message("6 weeks - 12 weeks"),
            "a range takes one unit, written once at the end (`6-12 weeks`): \
             write `6-12 weeks`"
        );
        assert_eq!(
            message("1 month-2 months"),
            "a range takes one unit, written once at the end (`6-12 weeks`): \
             write `1-2 months`"
        );
        assert_eq!(
            message("2-4 weeks-2 months"),
            "a range takes one unit, written once at the end (`6-12 weeks`): \
             write `14-28-60 days`"
        );
        assert_eq!(
            message("2w-6w"),
            "a range takes one unit, written once at the end (`6-12 weeks`): \
             write `2-6 weeks`"
        );
        // No suggestion where the range is out of order or a part is unreadable.
        assert_eq!(
            message("3 months-6 weeks"),
            "a range takes one unit, written once at the end (`6-12 weeks`)"
        );
        assert_eq!(
            message("6 weeks-3 fortnights"),
            "a range takes one unit, written once at the end (`6-12 weeks`)"
        );
        assert_eq!(
            message("6 weeks-3"),
            "a range takes one unit, written once at the end (`6-12 weeks`)"
        );
        // A dash that is not between numbers is still an unknown unit.
        assert_eq!(
            parse_duration("3 man-weeks"),
            Err(DurationError::UnknownUnit("man-weeks".into()))
        );
    }
}
