//! Measurable targets written as text: `<20ms`, `<5 second latency`,
//! `99.9% uptime`, `Completeness >95%`, `Freshness <1 hour`, `>1000 MB/s`,
//! `<0.001 USD`. Each parses into a name (the words around it), a comparison
//! (when written), a value and a unit.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Less => "<",
            Comparison::LessOrEqual => "<=",
            Comparison::Greater => ">",
            Comparison::GreaterOrEqual => ">=",
            Comparison::Equal => "=",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The words around the number (`latency`, `Completeness`), if any.
    pub name: Option<String>,
    /// The comparison, when one is written.
    pub comparison: Option<Comparison>,
    pub value: f64,
    /// The unit as written, lower-cased (`ms`, `second`, `%`, `mb/s`), if any.
    pub unit: Option<String>,
}

impl Target {
    /// The value as a duration in milliseconds, when the unit is one of time.
    pub fn milliseconds(&self) -> Option<f64> {
        let factor = match self.unit.as_deref()? {
            "us" | "µs" | "microsecond" | "microseconds" => 0.001,
            "ms" | "millisecond" | "milliseconds" => 1.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1_000.0,
            "min" | "mins" | "minute" | "minutes" => 60_000.0,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3_600_000.0,
            "d" | "day" | "days" => 86_400_000.0,
            _ => return None,
        };
        Some(self.value * factor)
    }
}

/// The shape a target is written in, for warnings.
pub const TARGET_SHAPE: &str = "a comparison, a number and a unit, with the measure's name \
    before or after: `<5 second latency`, `99.9% uptime`, `Completeness >95%`, `<20ms`";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetError {
    NoNumber,
    SeveralNumbers,
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetError::NoNumber => "it holds no number to measure against",
            TargetError::SeveralNumbers => "it holds more than one number",
        })
    }
}

const UNITS: &[&str] = &[
    "us",
    "µs",
    "microsecond",
    "microseconds",
    "ms",
    "millisecond",
    "milliseconds",
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "min",
    "mins",
    "minute",
    "minutes",
    "h",
    "hr",
    "hrs",
    "hour",
    "hours",
    "d",
    "day",
    "days",
    "week",
    "weeks",
    "%",
    "percent",
    "x",
    "gbps",
    "mbps",
    "kbps",
    "gb/s",
    "mb/s",
    "kb/s",
    "tb",
    "gb",
    "mb",
    "kb",
    "usd",
    "$",
    "eur",
    "rps",
    "qps",
];

pub fn parse_target(text: &str) -> Result<Target, TargetError> {
    let text = text.trim();
    let start = text
        .find(|c: char| {
            c.is_ascii_digit() || (c == '.' && text.contains(|d: char| d.is_ascii_digit()))
        })
        .ok_or(TargetError::NoNumber)?;
    let number_end = text[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(text.len(), |offset| start + offset);
    let value: f64 = text[start..number_end]
        .replace(',', "")
        .parse()
        .map_err(|_| TargetError::NoNumber)?;
    // The comparison is written right before the number (or `$` before it).
    let before = text[..start].trim_end().trim_end_matches('$').trim_end();
    let (comparison, name_before) = split_comparison(before);
    let mut rest = text[number_end..].trim_start();
    let mut unit = None;
    let lowered = rest.to_lowercase();
    if text[..start].trim_end().ends_with('$') {
        unit = Some("usd".to_string());
    } else if let Some(found) = UNITS
        .iter()
        .filter(|unit| {
            lowered.starts_with(*unit)
                && lowered[unit.len()..]
                    .chars()
                    .next()
                    .is_none_or(|next| !next.is_alphanumeric() && next != '/')
        })
        .max_by_key(|unit| unit.len())
    {
        unit = Some(found.to_string());
        rest = rest[found.len()..].trim_start();
    }
    if rest.contains(|c: char| c.is_ascii_digit())
        || name_before.contains(|c: char| c.is_ascii_digit())
    {
        return Err(TargetError::SeveralNumbers);
    }
    let name = [name_before.trim(), rest.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Target {
        name: (!name.is_empty()).then_some(name),
        comparison,
        value,
        unit,
    })
}

/// Splits `Completeness >=` into the comparison and the words before it.
fn split_comparison(before: &str) -> (Option<Comparison>, &str) {
    for (symbol, comparison) in [
        ("<=", Comparison::LessOrEqual),
        ("≤", Comparison::LessOrEqual),
        (">=", Comparison::GreaterOrEqual),
        ("≥", Comparison::GreaterOrEqual),
        ("<", Comparison::Less),
        (">", Comparison::Greater),
        ("=", Comparison::Equal),
    ] {
        if let Some(name) = before.strip_suffix(symbol) {
            return (Some(comparison), name);
        }
    }
    (None, before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(text: &str) -> Target {
        parse_target(text).unwrap_or_else(|error| panic!("{text}: {error}"))
    }

    #[test]
    fn the_published_targets_parse() {
        let latency = target("<5 second latency");
        assert_eq!(latency.name.as_deref(), Some("latency"));
        assert_eq!(latency.comparison, Some(Comparison::Less));
        assert_eq!(latency.value, 5.0);
        assert_eq!(latency.milliseconds(), Some(5000.0));
        let uptime = target("99.9% uptime");
        assert_eq!(
            (
                uptime.name.as_deref(),
                uptime.comparison,
                uptime.value,
                uptime.unit.as_deref()
            ),
            (Some("uptime"), None, 99.9, Some("%"))
        );
        let completeness = target("Completeness >95%");
        assert_eq!(
            (
                completeness.name.as_deref(),
                completeness.comparison,
                completeness.value,
                completeness.unit.as_deref()
            ),
            (
                Some("Completeness"),
                Some(Comparison::Greater),
                95.0,
                Some("%")
            )
        );
        let freshness = target("Freshness <1 hour");
        assert_eq!(freshness.milliseconds(), Some(3_600_000.0));
        assert_eq!(freshness.name.as_deref(), Some("Freshness"));
    }

    #[test]
    fn bounds_and_money() {
        assert_eq!(target("<20ms").milliseconds(), Some(20.0));
        assert_eq!(target("≤ 15 ms").comparison, Some(Comparison::LessOrEqual));
        assert_eq!(target("20ms").comparison, None);
        assert_eq!(target("<0.5s").milliseconds(), Some(500.0));
        let cost = target("<0.001 USD");
        assert_eq!((cost.value, cost.unit.as_deref()), (0.001, Some("usd")));
        assert_eq!(target("<$50").unit.as_deref(), Some("usd"));
        assert_eq!(target(">1000 MB/s").unit.as_deref(), Some("mb/s"));
        assert_eq!(target("10x faster").unit.as_deref(), Some("x"));
        // A word that merely starts like a unit is part of the name.
        assert_eq!(target("5 sessions").unit, None);
    }

    #[test]
    fn refusals() {
        assert_eq!(parse_target("fast"), Err(TargetError::NoNumber));
        assert_eq!(parse_target(""), Err(TargetError::NoNumber));
        assert_eq!(
            parse_target("<5ms to 10ms"),
            Err(TargetError::SeveralNumbers)
        );
    }
}
