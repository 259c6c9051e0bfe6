//! The schedule as a terminal table, JSON or CSV.

use crate::check::CheckedPlan;
use crate::graph::schedule::Schedule;
use serde::Serialize;

#[derive(Serialize)]
struct JsonSchedule<'a> {
    start: Option<String>,
    total_days: u64,
    critical_path: Vec<&'a str>,
    phases: Vec<JsonPhase<'a>>,
}

#[derive(Serialize)]
struct JsonPhase<'a> {
    id: &'a str,
    name: &'a str,
    start_day: u64,
    finish_day: u64,
    latest_start_day: u64,
    latest_finish_day: u64,
    float_days: u64,
    critical: bool,
    start: Option<String>,
    finish: Option<String>,
}

/// `{"start","total_days","critical_path","phases":[…]}`; days count from
/// the plan's start (day 0) and a finish is the day after the last day.
pub fn json(plan: &CheckedPlan, schedule: &Schedule) -> String {
    let nodes = &plan.analysis.nodes;
    let document = JsonSchedule {
        start: schedule.start.map(|date| date.to_string()),
        total_days: schedule.total_days,
        critical_path: schedule
            .critical_path
            .iter()
            .map(|&index| nodes[index].id.as_str())
            .collect(),
        phases: schedule
            .phases
            .iter()
            .zip(nodes)
            .map(|(times, node)| JsonPhase {
                id: &node.id,
                name: &node.name,
                start_day: times.start_day,
                finish_day: times.finish_day,
                latest_start_day: times.latest_start_day,
                latest_finish_day: times.latest_finish_day,
                float_days: times.float_days,
                critical: times.critical,
                start: schedule.date(times.start_day).map(|date| date.to_string()),
                finish: schedule.date(times.finish_day).map(|date| date.to_string()),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}

/// RFC 4180 CSV with a header row. A cell that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
/// prefixed with `'`, so a hostile phase name stays text.
pub fn csv(plan: &CheckedPlan, schedule: &Schedule) -> String {
    let mut out = String::from(
        "id,name,start_day,finish_day,latest_start_day,latest_finish_day,float_days,critical,start,finish\n",
    );
    for (times, node) in schedule.phases.iter().zip(&plan.analysis.nodes) {
        let date = |day| {
            schedule
                .date(day)
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        let cells = [
            csv_cell(&node.id),
            csv_cell(&node.name),
            times.start_day.to_string(),
            times.finish_day.to_string(),
            times.latest_start_day.to_string(),
            times.latest_finish_day.to_string(),
            times.float_days.to_string(),
            times.critical.to_string(),
            date(times.start_day),
            date(times.finish_day),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The table a person reads in a terminal.
pub fn table(plan: &CheckedPlan, schedule: &Schedule) -> String {
    let nodes = &plan.analysis.nodes;
    let dated = schedule.start.is_some();
    let mut header = vec!["ID", "NAME", "DAYS", "START", "FINISH", "FLOAT", "CRITICAL"];
    if dated {
        header.extend(["START DATE", "FINISH DATE"]);
    }
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    // People read a schedule in time order; ties keep the plan's order.
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&index| (schedule.phases[index].start_day, index));
    for index in order {
        let (times, node) = (&schedule.phases[index], &nodes[index]);
        let mut row = vec![
            printable(&node.id, 32),
            printable(&node.name, 40),
            (times.finish_day - times.start_day).to_string(),
            times.start_day.to_string(),
            times.finish_day.to_string(),
            times.float_days.to_string(),
            if times.critical { "yes" } else { "" }.to_string(),
        ];
        if dated {
            let date = |day| {
                schedule
                    .date(day)
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            };
            row.extend([date(times.start_day), date(times.finish_day)]);
        }
        rows.push(row);
    }
    let columns = rows[0].len();
    let widths: Vec<usize> = (0..columns)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let numeric = |column: usize| (2..=5).contains(&column);
    let mut out = format!("{}\n", printable(&plan.resolved.plan.name, 120));
    let path: Vec<&str> = schedule
        .critical_path
        .iter()
        .map(|&index| nodes[index].id.as_str())
        .collect();
    out.push_str(&format!(
        "{} days{}; critical path: {}\n\n",
        schedule.total_days,
        match schedule.start.zip(schedule.date(schedule.total_days)) {
            Some((start, end)) => format!(" ({start} to {end})"),
            None => String::new(),
        },
        if path.is_empty() {
            "none".to_string()
        } else {
            path.join(" → ")
        }
    ));
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                let pad = widths[column] - cell.chars().count();
                if numeric(column) {
                    format!("{}{cell}", " ".repeat(pad))
                } else {
                    format!("{cell}{}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out.push_str("\nDays count from the plan's start (day 0); a phase finishes at the start of its FINISH day.\n");
    out
}

/// Text made safe for a terminal cell: control characters (which could move
/// the cursor or recolour the screen) become spaces, and long text is cut.
fn printable(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() > max {
        format!("{}…", clean.chars().take(max - 1).collect::<String>())
    } else {
        clean
    }
}
