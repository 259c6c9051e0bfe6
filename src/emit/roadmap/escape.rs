//! Escaping plan strings for the syntax they land in: Markdown text and
//! table cells, quoted Mermaid labels and gantt task names. Each function
//! turns any string into text that the syntax shows literally.

/// Text in a Markdown paragraph, list item, heading or table cell, shown
/// literally: every character Markdown or GitHub reads as syntax is
/// backslash-escaped (emphasis, code, links, HTML, tables, entities, math,
/// strikethrough, headings), line breaks become `<br>`, other control
/// characters a space, and the ends are trimmed. A leading `-`, `+`, `=`
/// or `1.` cannot start a list or a heading either.
pub fn md_text(text: &str) -> String {
    let mut out = escape_markdown(text.trim());
    // A block marker at the start: `- x`, `---`, `+ x`, `= x`, `1. x`, `1) x`.
    let ends_marker = |rest: &str| rest.is_empty() || rest.starts_with([' ', '<']);
    if out.starts_with('-') || (out.starts_with(['+', '=']) && ends_marker(&out[1..])) {
        out.insert(0, '\\');
    } else if let Some(end) = out.find(|c: char| !c.is_ascii_digit())
        && end > 0
        && out[end..].starts_with(['.', ')'])
        && ends_marker(&out[end + 1..])
    {
        out.insert(end, '\\');
    }
    out
}

/// The characters of [`md_text`], without trimming or looking at the
/// start: what a value printed without a filter gets (a joiner's spaces
/// stay).
pub(super) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '&' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A character as a Mermaid entity code (`#58;`), which Mermaid shows as
/// the character itself.
fn entity(out: &mut String, c: char) {
    out.push_str(&format!("#{};", u32::from(c)));
}

/// Text inside a quoted Mermaid flowchart label (`p0["…"]`). Quotes would
/// end the label; `#…;` is read as an entity; `<`, `>` and `&` are HTML;
/// backticks start Markdown strings; brackets, braces, parentheses, `|`,
/// `:` and `%` are written as entities too, so no Mermaid statement or
/// comment can form. Line breaks become `<br/>`.
pub fn mermaid_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    for c in text.chars() {
        match c {
            '\n' => out.push_str("<br/>"),
            '"' | '\'' | '#' | '<' | '>' | '`' | '&' | '|' | '[' | ']' | '{' | '}' | '(' | ')'
            | ':' | '%' | '\\' => entity(&mut out, c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Words that Mermaid's gantt lexer reads as a statement when a line starts
/// with them (case-insensitive).
const GANTT_KEYWORDS: &[&str] = &[
    "gantt",
    "dateformat",
    "inclusiveenddates",
    "topaxis",
    "axisformat",
    "tickinterval",
    "includes",
    "excludes",
    "todaymarker",
    "weekday",
    "weekend",
    "title",
    "accdescription",
    "accdescr",
    "acctitle",
    "section",
    "click",
    "href",
    "call",
];

/// A gantt task name. The name ends at a `:`, `%` starts a comment and `#`
/// an entity, so those (and HTML's `<`, `>`, `&`, `"`) are written as
/// entities; a name that starts like a gantt statement (`section …`,
/// `click …`, a date) has its first character written as an entity; line
/// breaks become spaces, as a task name is one line.
pub fn gantt_task(text: &str) -> String {
    let text: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let lowered = text.to_lowercase();
    let statement = GANTT_KEYWORDS
        .iter()
        .any(|keyword| lowered.starts_with(keyword))
        || text.starts_with(|c: char| c.is_ascii_digit());
    let mut out = String::with_capacity(text.len() + 8);
    for (index, c) in text.chars().enumerate() {
        match c {
            ':' | '#' | '%' | ';' | '<' | '>' | '&' | '"' | '`' | '\\' => entity(&mut out, c),
            c if index == 0 && statement => entity(&mut out, c),
            c => out.push(c),
        }
    }
    if out.is_empty() {
        out.push_str("(unnamed)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_text_is_literal() {
        assert_eq!(md_text("a | b"), "a \\| b");
        assert_eq!(md_text("`x` *y* _z_"), "\\`x\\` \\*y\\* \\_z\\_");
        assert_eq!(md_text("</script>"), "\\</script\\>");
        assert_eq!(md_text("line\r\nnext\nlast"), "line<br>next<br>last");
        assert_eq!(md_text("- item"), "\\- item");
        assert_eq!(md_text("12. point"), "12\\. point");
        assert_eq!(md_text("99.9% uptime"), "99.9% uptime");
        assert_eq!(md_text("+5 ms"), "+5 ms");
        assert_eq!(md_text("${x} &amp; #1"), "\\${x} \\&amp; \\#1");
        assert_eq!(md_text("  padded\t "), "padded");
    }

    #[test]
    fn mermaid_label_cannot_end_a_label() {
        assert_eq!(mermaid_label("a \"b\" [c]"), "a #34;b#34; #91;c#93;");
        assert_eq!(mermaid_label("x\ny"), "x<br/>y");
        assert_eq!(mermaid_label("%% c: d"), "#37;#37; c#58; d");
    }

    #[test]
    fn gantt_names_cannot_end_or_start_a_statement() {
        assert_eq!(gantt_task("Pilot: #1"), "Pilot#58; #35;1");
        assert_eq!(gantt_task("section x"), "#115;ection x");
        assert_eq!(gantt_task("2027-01-04 go"), "#50;027-01-04 go");
        assert_eq!(gantt_task("a\nb %% c"), "a b #37;#37; c");
        assert_eq!(gantt_task(""), "(unnamed)");
    }
}
