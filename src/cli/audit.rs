//! `aiplan audit PLAN`: the readiness score of the plan's assessment, and
//! `aiplan audit --probe`: an `assessment:` block measured on this machine.

use super::plan_input::{PlanArgs, load};
use super::{print_stderr, print_stdout};
use crate::decide::probe;
use crate::decide::readiness::{self, Readiness, Status};
use crate::diagnostics::terminal;
use crate::model::ReadinessThresholds;
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Score (defaults; a plan overrides them under `thresholds.readiness`):
  at least one GPU 30, at least 8 CPU cores 20, download above 100 Mbps 25,
  a Python data stack (numpy plus pandas or polars) 25.
Bands: under 50 urgent-action-required, under 75 modernisation-needed,
  otherwise good-foundation.

Exit codes:
  0  audited (warnings allowed)
  1  the score is below --min-score, or the plan has errors
  2  usage or I/O problem (bad arguments, missing file)";

/// Score the plan's assessment for AI readiness: points, band, the gaps by
/// name and what to do about them. With --probe, measure this machine
/// instead and print an `assessment:` block to paste into a plan.
#[derive(Debug, Args)]
#[command(
    after_help = AFTER_HELP,
    // PLAN is required, except with --probe.
    mut_arg("plan", |arg| arg.required(false).required_unless_present("probe")),
)]
pub struct AuditArgs {
    #[command(flatten)]
    plan: Option<PlanArgs>,
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit 1 when the score is below N (for gating CI).
    #[arg(long, value_name = "N")]
    min_score: Option<u32>,
    /// Measure this machine (CPU cores, memory, disks, GPUs through
    /// nvidia-smi, the Python data stack) and print an `assessment:` block
    /// for a plan; what cannot be measured is said in comments.
    #[arg(long, conflicts_with_all = ["PlanArgs", "format", "min_score"])]
    probe: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &AuditArgs) -> ExitCode {
    if args.probe {
        let text = probe::yaml(&probe::probe());
        return if print_stdout(&text) {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        };
    }
    let Some(plan_args) = &args.plan else {
        print_stderr("error: name a plan to audit, or pass --probe\n");
        return ExitCode::from(2);
    };
    let loaded = match load(plan_args) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let Some(checked) = loaded.plan() else {
        print_stderr("error: the plan cannot be audited until the errors above are fixed\n");
        return ExitCode::from(1);
    };
    let plan = &checked.resolved.plan;
    let defaults = ReadinessThresholds::default();
    let thresholds = plan
        .thresholds
        .as_ref()
        .map_or(&defaults, |thresholds| &thresholds.readiness);
    let result = readiness::score(plan.assessment.as_ref(), thresholds);
    let text = match args.format {
        Format::Text => text(&plan.name, plan.assessment.is_some(), &result, thresholds),
        Format::Json => json(&result),
    };
    if !print_stdout(&text) {
        return ExitCode::from(2);
    }
    if let Some(min) = args.min_score
        && result.score < min
    {
        print_stderr(&format!(
            "error: the readiness score {} is below the required {min}\n",
            result.score
        ));
        return ExitCode::from(1);
    }
    loaded.exit
}

#[derive(Serialize)]
struct JsonAudit<'a> {
    score: u32,
    band: &'static str,
    gaps: Vec<JsonGap<'a>>,
    recommendations: &'a [String],
}

#[derive(Serialize)]
struct JsonGap<'a> {
    id: &'static str,
    message: &'a str,
}

/// `{"score":N,"band":"…","gaps":[{"id","message"}…],"recommendations":["…"]}`.
fn json(result: &Readiness) -> String {
    let document = JsonAudit {
        score: result.score,
        band: result.band.id(),
        gaps: result
            .gaps
            .iter()
            .map(|gap| JsonGap {
                id: gap.id,
                message: &gap.message,
            })
            .collect(),
        recommendations: &result.recommendations,
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}

/// The report a person reads in a terminal.
fn text(
    name: &str,
    has_assessment: bool,
    result: &Readiness,
    thresholds: &ReadinessThresholds,
) -> String {
    let mut out = format!("{}\n", printable(name, 120));
    out.push_str(&format!(
        "Readiness {}/{}: {} (under {} urgent action required, under {} modernisation needed)\n",
        result.score,
        result.max_score,
        result.band.label(),
        thresholds.urgent_below,
        thresholds.modernise_below
    ));
    if !has_assessment {
        out.push_str("The plan has no `assessment:` section, so nothing could be scored.\n");
    }
    out.push('\n');
    let label_width = result
        .criteria
        .iter()
        .map(|criterion| criterion.kind.label().chars().count())
        .max()
        .unwrap_or(0);
    let points: Vec<String> = result
        .criteria
        .iter()
        .map(|criterion| format!("{}/{}", criterion.points, criterion.max_points))
        .collect();
    let points_width = points.iter().map(String::len).max().unwrap_or(0);
    for (criterion, points) in result.criteria.iter().zip(&points) {
        let mark = match criterion.status {
            Status::Met => "met      ",
            Status::Absent => "gap      ",
            Status::NotAssessed => "unknown  ",
        };
        let label = criterion.kind.label();
        out.push_str(&format!(
            "  {mark}{label}{}  {points:>points_width$}  {}\n",
            " ".repeat(label_width - label.chars().count()),
            printable(&criterion.detail, 100),
        ));
    }
    if !result.gaps.is_empty() {
        out.push_str("\nGaps:\n");
        let id_width = result
            .gaps
            .iter()
            .map(|gap| gap.id.len())
            .max()
            .unwrap_or(0);
        for gap in &result.gaps {
            out.push_str(&format!(
                "  {:id_width$}  {}\n",
                gap.id,
                printable(&gap.message, 200)
            ));
        }
    }
    if !result.recommendations.is_empty() {
        out.push_str("\nRecommendations:\n");
        for recommendation in &result.recommendations {
            out.push_str(&format!("  - {}\n", printable(recommendation, 300)));
        }
    }
    out
}

/// Text made safe for a terminal: control characters and bidirectional
/// overrides (which could move the cursor, recolour the screen or reorder
/// the line) are shown as visible escapes such as `\e` or `\u{202e}`, and
/// text longer than `max` characters as shown is cut, never inside an
/// escape.
fn printable(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut shown = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mut piece = String::new();
        terminal::push_escaped(&mut piece, c);
        let width = piece.chars().count();
        // The last character fits when nothing follows it; otherwise keep
        // room for the ellipsis.
        let room = if chars.peek().is_none() { max } else { max - 1 };
        if shown + width > room {
            out.push('…');
            break;
        }
        out.push_str(&piece);
        shown += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn printable_escapes_and_cuts_between_escapes() {
        assert_eq!(printable("N\u{1b}[2J\u{202e}", 20), "N\\e[2J\\u{202e}");
        assert_eq!(printable("abcdef", 6), "abcdef");
        assert_eq!(printable("abcdefg", 6), "abcde…");
        // The escape would not fit whole: it is left out, not cut.
        assert_eq!(printable("abcd\u{1b}x", 6), "abcd…");
        assert_eq!(printable("abc\u{1b}", 6), "abc\\e");
    }
}
