//! Text from a plan, made safe to print on a terminal.
//!
//! A plan's strings (names, reasons, file names) reach human output, and a
//! terminal acts on some characters instead of showing them: escape
//! sequences set the window title or clear the screen, a carriage return or
//! backspace lets later text overwrite earlier text, a line break forges
//! extra diagnostic lines, and bidirectional overrides reorder what is
//! shown. Every such character is shown as a visible escape instead (`\e`,
//! `\r`, `\n`, `\x7f`, `\u{9b}`, `\u{202e}`), so the reader sees what is in
//! the file. Machine formats (JSON, SARIF, GitHub annotations) have their
//! own escaping and do not use this.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: a C0 control (tab and
/// line feed included), DEL, a C1 control, or a bidirectional embedding,
/// override or isolate (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Appends the visible escape of `c`, or `c` itself when it is safe.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\0' => out.push_str("\\0"),
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\u{B}' => out.push_str("\\v"),
        '\u{C}' => out.push_str("\\f"),
        '\r' => out.push_str("\\r"),
        '\u{1B}' => out.push_str("\\e"),
        c if c.is_ascii() && is_unsafe(c) => out.push_str(&format!("\\x{:02x}", u32::from(c))),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// `text` with every unsafe character escaped (line breaks included: the
/// caller adds its own); borrowed when there is none.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_text_is_borrowed_unchanged() {
        let text = "Zoë's phase → «cloud» 東京";
        assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn controls_and_overrides_become_visible_escapes() {
        assert_eq!(
            escape("X\u{1b}]0;T\u{7}\u{1b}[2J\r\u{8}\t\n\0\u{b}\u{c}\u{1}\u{7f}"),
            "X\\e]0;T\\a\\e[2J\\r\\b\\t\\n\\0\\v\\f\\x01\\x7f"
        );
        assert_eq!(
            escape("a\u{85}\u{9b}b\u{202a}\u{202e}\u{2066}\u{2069}c"),
            "a\\u{85}\\u{9b}b\\u{202a}\\u{202e}\\u{2066}\\u{2069}c"
        );
    }

    #[test]
    fn neighbours_of_the_ranges_are_kept() {
        for c in [
            '\u{2029}', '\u{202F}', '\u{2065}', '\u{206A}', '\u{A0}', '~',
        ] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }
}
