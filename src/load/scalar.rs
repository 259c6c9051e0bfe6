//! Resolving plain YAML scalars to JSON values, by the YAML 1.2 core schema
//! and stricter than YAML 1.1: only `true`/`false` are booleans (`no`, `on`,
//! `yes` stay strings, so a country code `NO` stays `NO`), and a number with a
//! leading zero (`0755`, `007`) stays a string instead of becoming 755.

use serde_json::{Number, Value};

/// The value of a plain (unquoted, untagged) scalar.
pub fn resolve_plain(text: &str) -> Value {
    resolve_non_string(text).unwrap_or_else(|| Value::String(text.to_owned()))
}

/// The value of a plain scalar when it is not a string (null, a boolean or
/// a number); `None` when it is a string, so the caller can keep the text it
/// owns instead of copying it.
pub fn resolve_non_string(text: &str) -> Option<Value> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Some(Value::Null),
        "true" | "True" | "TRUE" => Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => Some(Value::Bool(false)),
        _ => resolve_number(text),
    }
}

/// What kind of value a plain scalar resolves to, for checking `!!int` and
/// friends.
pub fn core_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(number) if number.is_f64() => "float",
        Value::Number(_) => "int",
        _ => "str",
    }
}

fn resolve_number(text: &str) -> Option<Value> {
    let first = *text.as_bytes().first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok().map(Value::from);
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return i64::from_str_radix(octal, 8).ok().map(Value::from);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let digits = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 1 && unsigned.starts_with('0') {
        return None;
    }
    if digits == unsigned.len() && digits > 0 {
        if let Ok(integer) = text.parse::<i64>() {
            return Some(Value::from(integer));
        }
        if let Ok(integer) = text.parse::<u64>() {
            return Some(Value::from(integer));
        }
    }
    if !is_core_float(unsigned) {
        return None;
    }
    let float: f64 = text.parse().ok()?;
    // JSON Schema counts `2.0` as the integer 2; so must the model, or a
    // value the schema accepted (`gpu_nodes: 2.0`) would fail to load.
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if float.fract() == 0.0 && float.abs() < EXACT {
        return Some(Value::from(float as i64));
    }
    Number::from_f64(float).map(Value::Number)
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's float
/// (without sign, infinities and NaN, which JSON cannot hold).
fn is_core_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(index) => (&text[..index], Some(&text[index + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(fraction) => {
            all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty())
        }
        None => !whole.is_empty() && all_digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|exponent| {
        let digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        !digits.is_empty() && all_digits(digits)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_1_1_booleans_stay_strings() {
        for text in ["no", "No", "NO", "yes", "on", "off", "y", "n"] {
            assert_eq!(resolve_plain(text), json!(text), "{text}");
        }
        assert_eq!(resolve_plain("true"), json!(true));
        assert_eq!(resolve_plain("FALSE"), json!(false));
    }

    #[test]
    fn leading_zero_numbers_stay_strings() {
        assert_eq!(resolve_plain("0755"), json!("0755"));
        assert_eq!(resolve_plain("007"), json!("007"));
        assert_eq!(resolve_plain("-012"), json!("-012"));
        assert_eq!(resolve_plain("0"), json!(0));
        assert_eq!(resolve_plain("0.5"), json!(0.5));
    }

    #[test]
    fn numbers_resolve() {
        assert_eq!(resolve_plain("42"), json!(42));
        assert_eq!(resolve_plain("-7"), json!(-7));
        assert_eq!(resolve_plain("1.5e3"), json!(1500));
        assert_eq!(resolve_plain("2.0"), json!(2));
        assert_eq!(resolve_plain("2.5"), json!(2.5));
        assert_eq!(resolve_plain(".5"), json!(0.5));
        assert_eq!(resolve_plain("0x1F"), json!(31));
        assert_eq!(resolve_plain("0o17"), json!(15));
        assert_eq!(resolve_plain("18446744073709551615"), json!(u64::MAX));
    }

    #[test]
    fn other_text_stays_a_string() {
        for text in [
            "4 weeks",
            "8w",
            "1.2.3",
            ".inf",
            ".nan",
            "-",
            "e5",
            "1e",
            "2027-01-04",
        ] {
            assert_eq!(resolve_plain(text), json!(text), "{text}");
        }
        assert_eq!(resolve_plain("~"), Value::Null);
        assert_eq!(resolve_plain(""), Value::Null);
    }
}
