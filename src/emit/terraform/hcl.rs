//! A small HCL writer whose output is already in `terraform fmt` layout.
//!
//! Takes blocks, attributes and expressions; returns text. Every string
//! that is not aiplan's own goes through [`escape`]: `Expr::Str` is the only
//! way to write a value, and references (`Expr::Ref`) take `&'static str`,
//! so text read from a plan cannot become an expression. Comments are
//! aiplan's own words, and lose any line break they might carry.
//!
//! `terraform fmt` aligns the `=` of consecutive single-line attributes;
//! an attribute whose value spans lines, a comment, a block or a blank line
//! ends the run. The writer does the same, so its output is fmt-clean.

/// An expression on the right of `=`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A literal string, escaped when written.
    Str(String),
    /// aiplan's own expression text: `var.region`, `string`, `null`.
    Ref(&'static str),
    Num(u64),
    Bool(bool),
    List(Vec<Expr>),
    /// An object; a key is written bare when it is a plain identifier,
    /// quoted (and escaped) otherwise.
    Object(Vec<(String, Expr)>),
}

impl Expr {
    pub fn str(text: impl Into<String>) -> Expr {
        Expr::Str(text.into())
    }

    /// A string, or `null` when there is none.
    pub fn opt_str(text: Option<&str>) -> Expr {
        text.map_or(Expr::Ref("null"), Expr::str)
    }

    pub fn strs<S: AsRef<str>>(items: &[S]) -> Expr {
        Expr::List(items.iter().map(|item| Expr::str(item.as_ref())).collect())
    }

    fn is_single_line(&self) -> bool {
        match self {
            Expr::List(items) => items.iter().all(Expr::is_single_line),
            Expr::Object(entries) => entries.is_empty(),
            _ => true,
        }
    }
}

/// One item of a body.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Attr(&'static str, Expr),
    Block(Block),
    Comment(String),
    Blank,
}

/// `kind "label" "label" { body }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    kind: &'static str,
    labels: Vec<&'static str>,
    body: Vec<Item>,
}

impl Block {
    pub fn new(kind: &'static str, labels: &[&'static str]) -> Block {
        Block {
            kind,
            labels: labels.to_vec(),
            body: Vec::new(),
        }
    }

    pub fn attr(mut self, name: &'static str, value: Expr) -> Block {
        self.body.push(Item::Attr(name, value));
        self
    }

    pub fn reference(self, name: &'static str, expression: &'static str) -> Block {
        self.attr(name, Expr::Ref(expression))
    }

    pub fn block(mut self, block: Block) -> Block {
        self.body.push(Item::Block(block));
        self
    }

    pub fn comment(mut self, text: impl Into<String>) -> Block {
        self.body.push(Item::Comment(text.into()));
        self
    }

    pub fn blank(mut self) -> Block {
        self.body.push(Item::Blank);
        self
    }
}

/// The contents of a quoted HCL string (without the quotes) that reads back
/// as `text`, literally: no interpolation, no directive.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `${` and `%{` open an interpolation or a directive; doubling
            // the sigil makes them literal (`$${`, `%%{`).
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            // Other control characters, line separators and bidirectional
            // overrides would hide or reorder text for a reviewer.
            c if c.is_control() || is_invisible_hazard(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

fn is_invisible_hazard(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A quoted HCL string.
pub fn quote(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// An object key: bare when HCL reads it back as the same literal key.
fn object_key(key: &str) -> String {
    let mut chars = key.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !matches!(key, "for" | "if" | "in" | "null" | "true" | "false");
    if plain { key.to_string() } else { quote(key) }
}

/// A file: aiplan's header comment lines, then the blocks with a blank line
/// between them.
pub fn file(header: &[&str], items: Vec<Item>) -> String {
    let mut out = String::new();
    for line in header {
        out.push_str("# ");
        out.push_str(&comment_text(line));
        out.push('\n');
    }
    if !items.is_empty() {
        out.push('\n');
    }
    render_body(&items, 0, &mut out);
    out
}

fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || is_invisible_hazard(c) {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn indent(out: &mut String, level: usize) {
    out.extend(std::iter::repeat_n("  ", level));
}

fn render_body(items: &[Item], level: usize, out: &mut String) {
    let mut index = 0;
    while index < items.len() {
        match &items[index] {
            Item::Attr(..) => {
                let run_end = items[index..]
                    .iter()
                    .position(
                        |item| !matches!(item, Item::Attr(_, value) if value.is_single_line()),
                    )
                    .map_or(items.len(), |offset| index + offset);
                if run_end == index {
                    // A value over several lines stands alone.
                    if let Item::Attr(name, value) = &items[index] {
                        render_attr(name, 0, value, level, out);
                    }
                    index += 1;
                    continue;
                }
                let width = items[index..run_end]
                    .iter()
                    .map(|item| match item {
                        Item::Attr(name, _) => name.len(),
                        _ => 0,
                    })
                    .max()
                    .unwrap_or(0);
                for item in &items[index..run_end] {
                    if let Item::Attr(name, value) = item {
                        render_attr(name, width, value, level, out);
                    }
                }
                index = run_end;
            }
            Item::Block(block) => {
                render_block(block, level, out);
                index += 1;
            }
            Item::Comment(text) => {
                indent(out, level);
                out.push_str("# ");
                out.push_str(&comment_text(text));
                out.push('\n');
                index += 1;
            }
            Item::Blank => {
                out.push('\n');
                index += 1;
            }
        }
    }
}

fn render_attr(name: &str, width: usize, value: &Expr, level: usize, out: &mut String) {
    indent(out, level);
    out.push_str(name);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(name.len())));
    out.push_str(" = ");
    render_expr(value, level, out);
    out.push('\n');
}

fn render_block(block: &Block, level: usize, out: &mut String) {
    indent(out, level);
    out.push_str(block.kind);
    for label in &block.labels {
        out.push(' ');
        out.push_str(&quote(label));
    }
    if block.body.is_empty() {
        out.push_str(" {}\n");
        return;
    }
    out.push_str(" {\n");
    render_body(&block.body, level + 1, out);
    indent(out, level);
    out.push_str("}\n");
}

/// Writes `expr` starting mid-line at nesting `level`; a value over several
/// lines ends with its closing bracket, without a newline.
fn render_expr(expr: &Expr, level: usize, out: &mut String) {
    match expr {
        Expr::Str(text) => out.push_str(&quote(text)),
        Expr::Ref(text) => out.push_str(text),
        Expr::Num(number) => out.push_str(&number.to_string()),
        Expr::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
        Expr::List(items) if expr.is_single_line() => {
            out.push('[');
            for (position, item) in items.iter().enumerate() {
                if position > 0 {
                    out.push_str(", ");
                }
                render_expr(item, level, out);
            }
            out.push(']');
        }
        Expr::List(items) => {
            out.push_str("[\n");
            for item in items {
                indent(out, level + 1);
                render_expr(item, level + 1, out);
                out.push_str(",\n");
            }
            indent(out, level);
            out.push(']');
        }
        Expr::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Expr::Object(entries) => {
            out.push_str("{\n");
            let mut index = 0;
            while index < entries.len() {
                let run_end = entries[index..]
                    .iter()
                    .position(|(_, value)| !value.is_single_line())
                    .map_or(entries.len(), |offset| index + offset);
                let run = if run_end == index { index + 1 } else { run_end };
                let width = if run_end == index {
                    0
                } else {
                    entries[index..run]
                        .iter()
                        .map(|(key, _)| object_key(key).chars().count())
                        .max()
                        .unwrap_or(0)
                };
                for (key, value) in &entries[index..run] {
                    let key = object_key(key);
                    indent(out, level + 1);
                    out.push_str(&key);
                    out.extend(std::iter::repeat_n(
                        ' ',
                        width.saturating_sub(key.chars().count()),
                    ));
                    out.push_str(" = ");
                    render_expr(value, level + 1, out);
                    out.push('\n');
                }
                index = run;
            }
            indent(out, level);
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(escape(r#"say "hi" \o/"#), r#"say \"hi\" \\o/"#);
        assert_eq!(escape("a\nb\r\tc"), r"a\nb\r\tc");
        assert_eq!(escape("bell\u{7}"), r"bell\u0007");
        assert_eq!(escape("rtl\u{202E}txt"), r"rtl\u202Etxt");
    }

    #[test]
    fn interpolations_and_directives_stay_literal() {
        assert_eq!(
            escape(r#"${file("/etc/passwd")}"#),
            r#"$${file(\"/etc/passwd\")}"#
        );
        assert_eq!(escape("%{ for x in y }"), "%%{ for x in y }");
        // An already doubled sigil stays literal too: `$` then the escape.
        assert_eq!(escape("$${x}"), "$$${x}");
        assert_eq!(escape("%%{"), "%%%{");
        // A lone sigil needs nothing.
        assert_eq!(escape("100% $5 {x}"), "100% $5 {x}");
        assert_eq!(escape("ends with $"), "ends with $");
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(
            escape("Northbridge Health — é ✓"),
            "Northbridge Health — é ✓"
        );
    }

    /// No `${` or `%{` survives unless its sigil is doubled, whatever the input.
    #[test]
    fn no_unescaped_template_sequence_survives() {
        let inputs = [
            "${", "$${", "$$${", "%{", "%%{", "\\${", "\"${", "${${", "%{%{",
        ];
        for input in inputs {
            let escaped = escape(input);
            let bytes = escaped.as_bytes();
            for (at, window) in bytes.windows(2).enumerate() {
                if window[1] == b'{' && (window[0] == b'$' || window[0] == b'%') {
                    // Count the run of the same sigil ending here: an even
                    // run is escapes only.
                    let run = bytes[..=at]
                        .iter()
                        .rev()
                        .take_while(|&&b| b == window[0])
                        .count();
                    assert!(run >= 2, "{input:?} -> {escaped:?}");
                }
            }
        }
    }

    #[test]
    fn aligns_like_terraform_fmt() {
        let block = Block::new("resource", &["x", "y"])
            .reference("a", "var.a")
            .attr("bbb", Expr::Num(1))
            .attr(
                "list",
                Expr::List(vec![Expr::Object(vec![("k".into(), Expr::Num(1))])]),
            )
            .attr("c", Expr::Bool(true))
            .block(Block::new("empty", &[]));
        let text = file(&["Generated by aiplan"], vec![Item::Block(block)]);
        assert_eq!(
            text,
            "# Generated by aiplan\n\nresource \"x\" \"y\" {\n  a   = var.a\n  bbb = 1\n  list = [\n    {\n      k = 1\n    },\n  ]\n  c = true\n  empty {}\n}\n"
        );
    }

    #[test]
    fn comments_cannot_break_out_of_their_line() {
        let text = file(&["one\nresource \"x\" \"y\" {}"], Vec::new());
        assert_eq!(text.lines().count(), 1);
    }
}
