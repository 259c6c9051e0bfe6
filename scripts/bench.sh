#!/usr/bin/env bash
# The performance record (issue 7): generates plans of 1k, 10k and 100k
# phases and measures, in one run, on the same plan file of each size: the
# bare YAML parse and `check` (in-process, medians), `aiplan check` and
# `aiplan schedule` as fresh processes, TaskJuggler (tj3, when installed) on
# the equivalent project, check-jsonschema with aiplan's own schema (as pip
# installs it, and with ruamel.yaml's C loader), and the peak RSS of
# `aiplan check`. Then the detail: load and check stage by stage and peak
# RSS on richer migration plans, the heap by stage, and the dependency
# graph. Writes BENCHMARKS.md.
#
# Usage: scripts/bench.sh [--sizes 1000,10000,100000] [--tj3-max 10000]
#                         [--check-jsonschema-max 100000] [--out FILE]
#
# Targets (issue 7): at 10,000 phases `aiplan schedule` more than 150x
# faster than tj3 and `aiplan check` more than 60x faster than
# check-jsonschema; at 100,000 phases `check` within 2x the bare parse of
# the same file, with a peak RSS under 8x the file size; linear growth.
# Also (the schedule issue): the graph of 100,000 phases built, checked and
# scheduled well under a second, tj3 giving the same dates. tj3 runs on the
# sizes up to --tj3-max (it takes minutes beyond 10,000 tasks),
# check-jsonschema up to --check-jsonschema-max (0: not at all).
#
# Installs what is missing: GNU time (apt) for peak RSS, and two pinned
# check-jsonschema venvs from PyPI under .bench/ (python3 -m venv).
# Release builds go to $CARGO_TARGET_DIR (default: target/bench) so that
# they do not contend for the lock of the everyday target directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="1000,10000,100000"
out="$root/BENCHMARKS.md"
tj3_max=10000
cjs_max=100000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --tj3-max) tj3_max="$2"; shift 2 ;;
        --check-jsonschema-max) cjs_max="$2"; shift 2 ;;
        -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/bench}"

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time (for peak RSS)" >&2
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && apt-get install -y -qq time >/dev/null
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq time >/dev/null
    fi
fi

# check-jsonschema, pinned, in two venvs: as pip installs it today
# (ruamel.yaml 0.19 leaves its C loader out unless asked), and with
# ruamel.yaml's C loader (ruamel.yaml.clib), which check-jsonschema uses
# whenever it can import it.
cjs_pins=(check-jsonschema==0.39.0 ruamel.yaml==0.19.1)
cjs_home="$root/.bench/check-jsonschema"
cjsc_home="$root/.bench/check-jsonschema-clib"
# A venv at $1 with exactly the pins that follow.
venv_with() {
    local home="$1"
    shift
    [[ -x $home/bin/python ]] || python3 -m venv "$home" || return 1
    if ! "$home/bin/python" - "$@" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (a.split("==") for a in sys.argv[1:])))
PY
    then
        "$home/bin/pip" install --quiet --disable-pip-version-check "$@" || return 1
    fi
}
cjs_programs=()
if (( cjs_max > 0 )); then
    echo "installing check-jsonschema (pinned, PyPI) into .bench/" >&2
    if venv_with "$cjs_home" "${cjs_pins[@]}"; then
        cjs_programs+=(--check-jsonschema "$cjs_home/bin/check-jsonschema")
    else
        echo "warning: cannot install ${cjs_pins[*]} into $cjs_home; not timed" >&2
    fi
    if venv_with "$cjsc_home" "${cjs_pins[@]}" ruamel.yaml.clib==0.2.15; then
        cjs_programs+=(--check-jsonschema-clib "$cjsc_home/bin/check-jsonschema")
    else
        echo "warning: cannot install ruamel.yaml.clib into $cjsc_home; not timed" >&2
    fi
fi

echo "building (release, CARGO_TARGET_DIR=$CARGO_TARGET_DIR)" >&2
cargo build --release --quiet --bin aiplan
cargo bench --quiet --bench load --bench memory --bench schedule --no-run
binary="$CARGO_TARGET_DIR/release/aiplan"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

# Peak RSS of `aiplan check` on each plan-<phases>.yaml in $1, into the TSV
# $2: three runs, the largest peak and the fastest wall time kept.
measure_rss() {
    local dir="$1" tsv="$2" phases plan best_kb best_s status run_status seconds kb
    printf 'phases\tcli_exit\tcli_s\tpeak_rss_kb\n' >"$tsv"
    for phases in ${sizes//,/ }; do
        plan="$dir/plan-$phases.yaml"
        best_kb=0
        best_s=""
        status=0
        for _ in 1 2 3; do
            run_status=0
            /usr/bin/time -f '%e %M' -o "$work/time.txt" \
                "$binary" check --color never "$plan" >"$work/check.out" 2>"$work/check.err" \
                || run_status=$?
            [[ $run_status -ne 0 ]] && status=$run_status
            read -r seconds kb <"$work/time.txt"
            (( kb > best_kb )) && best_kb=$kb
            if [[ -z "$best_s" ]] || awk -v a="$seconds" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
                best_s=$seconds
            fi
        done
        if [[ $status -ne 0 ]]; then
            echo "FAIL: aiplan check exits $status on $plan:" >&2
            head -n 20 "$work/check.err" >&2
        fi
        printf '%s\t%s\t%s\t%s\n' "$phases" "$status" "$best_s" "$best_kb" >>"$tsv"
    done
}

echo "the record: parse, check, schedule, tj3 and check-jsonschema on the same plans (one run, medians)" >&2
schedule_status=0
cargo bench --quiet --bench schedule -- --sizes "$sizes" --tj3-max "$tj3_max" \
    --check-jsonschema-max "$cjs_max" "${cjs_programs[@]}" \
    --schema "$root/schemas/aiplan.schema.json" --keep "$work/record" \
    --tsv "$work/schedule.tsv" 2> >(tee "$work/schedule.err" >&2) | tee "$work/schedule.txt" \
    || schedule_status=$?
[[ -s "$work/schedule.tsv" ]] || { echo "the schedule bench wrote no figures" >&2; schedule_status=1; }
if command -v tj3 >/dev/null && tj3 --version >/dev/null 2>&1; then
    tj3_version="$(tj3 --version 2>/dev/null | sed -n 1p)"
else
    tj3_version=""
fi

echo "measuring peak RSS of aiplan check on the record's plans" >&2
measure_rss "$work/record" "$work/rss-record.tsv"

# What each check-jsonschema installation is: its versions, and whether
# check-jsonschema's YAML loader is ruamel.yaml's C one, checked by loading
# the smallest plan with it (check-jsonschema falls back to the pure-Python
# loader, parsing a second time, when the C one fails).
smallest="${sizes%%,*}"
describe_cjs() {
    "$1/bin/python" - "$work/record/plan-$smallest.yaml" <<'PY' 2>/dev/null || echo "unknown"
import sys
from importlib.metadata import version
from check_jsonschema.parsers.yaml import construct_yaml_implementation
from ruamel.yaml.main import CParser
impl = construct_yaml_implementation()
c_loader = CParser is not None and impl.Parser is CParser
text = f"check-jsonschema {version('check-jsonschema')}, ruamel.yaml {version('ruamel.yaml')}, "
if c_loader:
    text += f"C loader (ruamel.yaml.clib {version('ruamel.yaml.clib')})"
    try:
        impl.load(open(sys.argv[1], "rb").read())
        text += ", which loads the plans itself (no fallback)"
    except Exception as error:  # noqa: BLE001
        text += f", which **fails** on the plans and falls back to the pure-Python loader: {error}"
else:
    text += "pure-Python loader (no ruamel.yaml.clib)"
print(text)
PY
}
cjs_about="not installed"
cjsc_about="not installed"
[[ " ${cjs_programs[*]} " == *" --check-jsonschema "* ]] && cjs_about="$(describe_cjs "$cjs_home")"
[[ " ${cjs_programs[*]} " == *" --check-jsonschema-clib "* ]] && cjsc_about="$(describe_cjs "$cjsc_home")"
(( cjs_max > 0 )) || { cjs_about="not run (--check-jsonschema-max 0)"; cjsc_about="$cjs_about"; }

echo "timing load and check on the migration plans (one run, medians)" >&2
bench_status=0
cargo bench --quiet --bench load -- --sizes "$sizes" --keep "$work" --tsv "$work/results.tsv" \
    || bench_status=$?
[[ -s "$work/results.tsv" ]] || { echo "the bench wrote no figures" >&2; exit 1; }

echo "measuring the heap by stage" >&2
cargo bench --quiet --bench memory -- --sizes "$sizes" >"$work/memory.txt"

echo "measuring peak RSS of aiplan check on the migration plans" >&2
measure_rss "$work" "$work/rss.tsv"

printf 'aiplan: 1\nname: Minimal plan\n' >"$work/minimal.yaml"
/usr/bin/time -f '%M' -o "$work/time.txt" "$binary" check --color never "$work/minimal.yaml" \
    >/dev/null 2>&1 || true
baseline_kb="$(tail -n 1 "$work/time.txt")"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
memory="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    revision="$revision (with uncommitted changes)"
fi

{
    cat <<HEADER
# Benchmarks

The performance record of aiplan, written by \`scripts/bench.sh\` in one run
(do not edit by hand; run the script again: [Reproduce](#reproduce)).

The targets (issue 7): at 10,000 phases, \`aiplan schedule\` more than
**150×** faster than TaskJuggler (\`tj3\`) on the equivalent project, and
\`aiplan check\` more than **60×** faster than check-jsonschema with aiplan's
own schema (\`schemas/aiplan.schema.json\`); at 100,000 phases, \`check\`
within **2×** the time of merely parsing the same file into YAML events, with
a peak memory under **8×** the file size; time growing **linearly** with the
plan. From the schedule work: the dependency graph of 100,000 phases built,
checked and scheduled **well under a second**, with tj3's dates.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Machine: $(nproc) cores, ${cpu:-unknown CPU}, $memory RAM, $(uname -sr);
  load average ${load_start// /, } at the start, ${load_end// /, } at the end
  (the machine is shared: compare ratios measured side by side, not absolute
  times across runs)
- Toolchain: $(rustc --version)
- Revision: $revision
- tj3: ${tj3_version:-not installed (\`apt-get install tj3\`)}
- check-jsonschema as pip installs it: $cjs_about
- check-jsonschema with the C loader: $cjsc_about

## Performance record

HEADER
    awk -F'\t' -v tj3_max="$tj3_max" -v cjs_max="$cjs_max" '
        # Columns by name, so the benches may add columns.
        FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
        function v(name) { return $col[FILENAME, name] }
        FILENAME == ARGV[1] { rss[v("phases")] = v("peak_rss_kb"); rss_exit[v("phases")] = v("cli_exit"); next }
        FILENAME == ARGV[2] { mig_ratio[v("phases")] = v("check_over_parse"); mig_bytes[v("phases")] = v("bytes"); next }
        FILENAME == ARGV[3] { mig_rss[v("phases")] = v("peak_rss_kb"); next }
        {
            p = v("phases"); n++; phases[n] = p
            bytes[n] = v("plan_bytes"); parse[n] = v("parse_ms"); check[n] = v("check_ms")
            ratio[n] = v("check_over_parse"); cli[n] = v("check_cli_ms"); sched[n] = v("cli_ms")
            per_k[n] = v("check_ms") / (p / 1000)
            tj3_runs[n] = v("tj3_runs"); tj3_ms[n] = v("tj3_ms"); tj3_ratio[n] = v("tj3_over_cli")
            agree[n] = v("dates_agree"); clean[n] = v("clean")
            for (k = 1; k <= 2; k++) {
                pre = k == 1 ? "cjs" : "cjsc"
                c_runs[k, n] = v(pre "_runs"); c_ms[k, n] = v(pre "_ms"); c_ratio[k, n] = v(pre "_over_check_cli")
                c_ok[k, n] = v(pre "_accepts"); c_floor[k] = v(pre "_floor_ms")
            }
            rss_ratio[n] = rss[p] * 1024 / bytes[n]
        }
        function floor_text(ms) { return ms == "-" || ms == "" ? "not run" : sprintf("%.0f ms", ms) }
        function mark(ok) { return ok ? "met" : "**not met**" }
        function at(size,   i) { for (i = 1; i <= n; i++) if (phases[i] == size) return i; return 0 }
        function cjs_cell(k, i) {
            return c_runs[k, i] > 0 ? sprintf("%.0f (%d)%s", c_ms[k, i], c_runs[k, i], c_ok[k, i] == "yes" ? "" : " **refused**") : "not run"
        }
        END {
            print "| phases | file size | bare parse ms ¹ | `check` ms ¹ | check / parse ¹ (≤ 2 at 100k) | `check` ms per 1k phases ¹ | `aiplan check` ms ² | `aiplan schedule` ms ² | tj3 ms ² (runs) | tj3 / `aiplan schedule` (> 150 at 10k) | check-jsonschema ms ² (runs) | check-jsonschema / `aiplan check` (> 60 at 10k) | check-jsonschema, C loader ms ² (runs) | C loader / `aiplan check` | peak RSS of `aiplan check` ² | peak RSS / file size (< 8 at 100k) |"
            print "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            for (i = 1; i <= n; i++) {
                printf "| %d | %.2f MB | %.1f | %.1f | %.2f | %.2f | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %.0f MB | %.1f |\n",
                    phases[i], bytes[i] / 1e6, parse[i], check[i], ratio[i], per_k[i], cli[i], sched[i],
                    (tj3_runs[i] > 0 ? sprintf("%.0f (%d)", tj3_ms[i], tj3_runs[i]) : "not run"),
                    (tj3_runs[i] > 0 ? sprintf("%.0f×", tj3_ratio[i]) : "–"),
                    cjs_cell(1, i), (c_runs[1, i] > 0 ? sprintf("%.0f×", c_ratio[1, i]) : "–"),
                    cjs_cell(2, i), (c_runs[2, i] > 0 ? sprintf("%.0f×", c_ratio[2, i]) : "–"),
                    rss[phases[i]] * 1024 / 1e6, rss_ratio[i]
            }
            print ""
            print "¹ In-process (the bench process, with the binary'"'"'s allocator, mimalloc), medians"
            print "of interleaved iterations (21 at 1k phases, 9 at 10k, 7 at 100k, after a"
            print "warm-up): **bare parse** is granit-parser, the YAML parser under aiplan, iterating"
            print "the file'"'"'s events to the end and building nothing, the floor of any loader;"
            print "**`check`** is `aiplan::check::check` on the file (read, load, schema validation,"
            print "typed model, dependency graph and schedule, lints) until it returns, without"
            print "rendering the report."
            print ""
            print "² A fresh process on the plan file, wall time, medians of the same interleaved"
            print "iterations (tj3 and check-jsonschema fewer times, the count in brackets, spread"
            print "among them): `aiplan check --color never plan.yaml` and `aiplan schedule --format"
            print "json plan.yaml` (the release binary); `tj3 --silent --no-color plan.tjp` on the"
            print "equivalent TaskJuggler project, with a CSV report of every task'"'"'s dates"
            printf "(sizes up to `--tj3-max`, %d here); `check-jsonschema --schemafile\n", tj3_max
            print "schemas/aiplan.schema.json plan.yaml` (sizes up to `--check-jsonschema-max`,"
            printf "%d here), which must accept every plan. Their fixed cost, on a one-phase plan:\n", cjs_max
            printf "check-jsonschema %s, with the C loader %s. **peak RSS** is\n", floor_text(c_floor[1]), floor_text(c_floor[2])
            print "`/usr/bin/time -f %M` of `aiplan check`, the largest of three runs. MB are 10^6"
            print "bytes."
            print ""
            print "Every column of a row is the same file: the plans of the"
            print "[dependency graph and schedule](#dependency-graph-and-schedule) section, whose"
            print "TaskJuggler equivalent gets the same dates from tj3. The detail sections below"
            print "also measure richer migration plans (`plan_gen`), and the targets are judged on"
            print "both."
            print ""
            print "**Targets**, from the figures above:"
            print ""
            i = at(100000)
            if (i) {
                printf "- `check` within 2× the bare parse at 100,000 phases: %.2f× here (%s),\n", ratio[i], mark(ratio[i] <= 2)
                printf "  %.2f× on the migration plans (%s).\n", mig_ratio[100000], mark(mig_ratio[100000] <= 2)
                mr = mig_rss[100000] * 1024 / mig_bytes[100000]
                printf "- Peak memory under 8× the file size at 100,000 phases: %.1f× here, %.0f MB for\n", rss_ratio[i], rss[100000] * 1024 / 1e6
                printf "  %.1f MB (%s); %.1f× on the migration plans, %.0f MB for %.1f MB (%s).\n", bytes[i] / 1e6, mark(rss_ratio[i] < 8), mr, mig_rss[100000] * 1024 / 1e6, mig_bytes[100000] / 1e6, mark(mr < 8)
            } else {
                print "- `check` within 2× the bare parse, peak memory under 8× the file size: not"
                print "  measured in this run (no plan of 100,000 phases; see `--sizes`)."
            }
            i = at(10000)
            if (i && tj3_runs[i] > 0) {
                printf "- More than 150× faster than tj3 at 10,000 phases: tj3 %.1f s, `aiplan schedule`\n", tj3_ms[i] / 1000
                printf "  %.0f ms, **%.0f×**: %s; tj3 gives every phase aiplan'"'"'s dates: %s.\n", sched[i], tj3_ratio[i], mark(tj3_ratio[i] > 150), (agree[i] == "yes" ? "yes" : "**no**")
            } else {
                print "- More than 150× faster than tj3 at 10,000 phases: not measured in this run"
                print "  (tj3 not installed, or see `--sizes`, `--tj3-max`)."
            }
            if (i && c_runs[1, i] > 0) {
                printf "- More than 60× faster than check-jsonschema at 10,000 phases: check-jsonschema\n"
                printf "  %.1f s (%d runs), `aiplan check` %.0f ms, **%.0f×**: %s", c_ms[1, i] / 1000, c_runs[1, i], cli[i], c_ratio[1, i], mark(c_ratio[1, i] > 60)
                if (c_runs[2, i] > 0) {
                    printf ". With ruamel.yaml'"'"'s\n  C loader check-jsonschema takes %.1f s, **%.0f×**: %s", c_ms[2, i] / 1000, c_ratio[2, i], mark(c_ratio[2, i] > 60)
                }
                print "."
                accepted = 1
                for (j = 1; j <= n; j++) for (k = 1; k <= 2; k++) if (c_runs[k, j] > 0 && c_ok[k, j] != "yes") accepted = 0
                printf "  check-jsonschema accepts every plan it ran on: %s.\n", accepted ? "yes" : "**no** (see the bench output)"
            } else {
                print "- More than 60× faster than check-jsonschema at 10,000 phases: not measured in"
                print "  this run (check-jsonschema not installed, or see `--sizes`,"
                print "  `--check-jsonschema-max`)."
            }
            if (n > 1) {
                low = high = per_k[1]
                for (j = 2; j <= n; j++) { if (per_k[j] < low) low = per_k[j]; if (per_k[j] > high) high = per_k[j] }
                printf "- Linear growth: `check` takes "
                for (j = 1; j <= n; j++) printf "%s%.2f", (j == 1 ? "" : j < n ? ", " : " and "), per_k[j]
                printf " ms per 1,000 phases at\n  "
                for (j = 1; j <= n; j++) printf "%s%d", (j == 1 ? "" : j < n ? ", " : " and "), phases[j]
                printf " phases: the dearest per phase is %.2f× the cheapest. The\n", high / low
                printf "  issue sets no figure; this record calls it linear within 1.5×: %s.\n", mark(high / low <= 1.5)
            }
            bad = 0
            for (j = 1; j <= n; j++) if (clean[j] != "yes" || rss_exit[phases[j]] != 0) bad = 1
            if (bad) { print ""; print "**Some plans did not check or schedule clean in this run; see the bench output.**" }
        }
    ' "$work/rss-record.tsv" "$work/results.tsv" "$work/rss.tsv" "$work/schedule.tsv"
    if grep -q '^FAIL' "$work/schedule.err"; then
        printf '\nWhat the bench reported (refusals by check-jsonschema, tj3 dates that differ,\nplans that do not check clean):\n\n```text\n'
        awk '/^FAIL/ { on = 1 } on && shown < 40 && !/^  .* run [0-9]+ of [0-9]+:/ { print; shown++ }' "$work/schedule.err"
        echo '```'
    fi
    cat <<'LOAD'

## Load and check, stage by stage

`cargo bench --bench load` on migration plans (`benches/support/plan_gen.rs`),
richer than the record's: about 300 bytes per phase, each with an id, a name,
a duration (`3 weeks`, `8w`, `10 days`, `6-12 months`...), `depends_on` on one
or two of the 40 phases before it, scope, infrastructure, success criteria
(sometimes a list) and a rollback plan. The targets at 100,000 phases:
check / parse ≤ 2, peak RSS < 8× the file size.

LOAD
    awk -F'\t' -v baseline_kb="$baseline_kb" '
        # Columns by name, so the bench may add columns.
        FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
        FILENAME == ARGV[1] {
            p = $col[FILENAME, "phases"]
            exit_code[p] = $col[FILENAME, "cli_exit"]
            cli_s[p] = $col[FILENAME, "cli_s"]
            rss[p] = $col[FILENAME, "peak_rss_kb"]
            next
        }
        {
            f = FILENAME
            phases = $col[f, "phases"]; bytes = $col[f, "bytes"]; ratio = $col[f, "check_over_parse"]
            rss_ratio = rss[phases] * 1024 / bytes
            clean = ($col[f, "clean"] == "yes" && exit_code[phases] == 0) ? "yes" : "**no**"
            last = phases; last_ratio = ratio; last_rss_ratio = rss_ratio; last_clean = clean
            rows[++n] = sprintf("| %d | %.2f MB | %.1f | %.1f | %.1f | %.2f | %.0f MB | %.1f | %s |",
                phases, bytes / 1e6, $col[f, "parse_ms"], $col[f, "load_ms"], $col[f, "check_ms"],
                ratio, rss[phases] * 1024 / 1e6, rss_ratio, clean)
            stages[n] = sprintf("| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f s |",
                phases, $col[f, "events"], $col[f, "iterations"],
                $col[f, "stage_load_ms"], $col[f, "stage_validate_ms"], $col[f, "stage_build_ms"],
                $col[f, "stage_analyze_ms"], $col[f, "stage_lints_ms"], $col[f, "stage_free_unit_ms"],
                $col[f, "stage_free_report_ms"], $col[f, "load_over_parse"], cli_s[phases])
        }
        END {
            print "| phases | file size | bare parse ms | load ms | check ms | check / parse (≤ 2 at 100k) | peak RSS | RSS / file size (< 8 at 100k) | checks clean |"
            print "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |"
            for (i = 1; i <= n; i++) print rows[i]
            print ""
            if (last == 100000) {
                printf "**100000 phases:** check / parse %.2f (target ≤ 2: %s); peak RSS %.1f× the file size\n",
                    last_ratio, last_ratio <= 2 ? "met" : "**not met**", last_rss_ratio
                printf "(target < 8: %s); checks clean: %s.\n", last_rss_ratio < 8 ? "met" : "**not met**", last_clean
            } else {
                printf "**%d phases:** check / parse %.2f; peak RSS %.1f× the file size; checks clean: %s\n",
                    last, last_ratio, last_rss_ratio, last_clean
                print "(the targets are for 100,000 phases, not measured in this run)."
            }
            print ""
            printf "A minimal plan (`aiplan: 1`, a name) peaks at %.0f MB: the executable and the\n", baseline_kb * 1024 / 1e6
            print "compiled schema, which dominate the ratio for small plans."
            print ""
            print "Where the time of `check` goes: its stages timed one by one, medians of the"
            print "same run. `check` frees the loaded unit before it returns; the CLI never"
            print "frees the report (shown for reference, not part of `check ms`):"
            print ""
            print "| phases | YAML events | iterations | load_unit ms | schema validate ms | model build ms | graph analyze ms | lints ms | free unit ms | (free report ms) | load / parse | `aiplan check` wall time |"
            print "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            for (i = 1; i <= n; i++) print stages[i]
        }
    ' "$work/rss.tsv" "$work/results.tsv"
    cat <<'MEMORY'

## Where the memory goes

`cargo bench --bench memory` (the migration plans): a counting allocator
around mimalloc records the heap (bytes requested, without the allocator's
own overhead) live after each stage of `check` and the peak during it, and
what each structure holds, measured by freeing it. `check` never holds the
phases as JSON values: `load_unit` hands each phase to `model::stream` as
it is read, which validates and types it, so after `load_unit` the unit
holds the span tree and the rest of the document, and the typed phases.
The `loaded:` rows are a whole document from `load::parse` (no stream),
for comparison.

```text
MEMORY
    sed '/^$/N;/^\n$/D' "$work/memory.txt" | sed '1{/^$/d}'
    echo '```'
    cat <<'FOOTER'

What the load section measures:

- **bare parse**: `granit_parser::Parser::new_from_str(text)`, iterating
  `next_event()` to the end: the floor any YAML loader pays.
- **load**: `aiplan::load::parse`, YAML text → `serde_json::Value` plus the
  span tree, until it returns: the whole document as values, which `check`
  no longer builds (see below).
- **load_unit** (stages): read, parse and, as each phase is read, its
  schema check and typed `Phase` (`model::stream`); **schema validate** is
  then the rest of the document, **model build** assembles the plan.
- **check**: `aiplan::check::check` on the plan written to a file: read,
  load, schema validation, typed model, dependency graph and schedule,
  lints, as `aiplan check` does (without rendering the report), until it
  returns. The CLI exits without freeing the report, so freeing it is not
  timed.
- The bench runs with the binary's global allocator (mimalloc).
- Times are medians of interleaved iterations within one run (21 for 1k
  phases, 9 for 10k, 7 for 100k, after a warm-up that also compiles the
  schema), so a noisy machine disturbs the three alike; compare ratios, not
  absolute times across runs.
- **peak RSS**: `/usr/bin/time -f %M` of the release binary
  `aiplan check --color never plan.yaml`, the largest of three runs; the wall
  time in the second table is the fastest of those runs (a fresh process:
  it includes compiling the schema and rendering the summary). MB are
  10^6 bytes throughout.
FOOTER
    echo
    echo '## Dependency graph and schedule'
    echo
    if [[ -n "$tj3_version" ]]; then
        echo "\`cargo bench --bench schedule\`, one run, against $tj3_version on the same machine."
    else
        cat <<'NOTJ3'
`cargo bench --bench schedule`, one run. **tj3 is not installed here**
(`apt-get install tj3`): the comparison with TaskJuggler was skipped.
NOTJ3
    fi
    echo
    if [[ -s "$work/schedule.tsv" ]]; then
        awk -F'\t' -v status="$schedule_status" -v has_tj3="${tj3_version:+yes}" '
            FNR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
            {
                n++
                phases[n] = $col["phases"]; edges[n] = $col["edges"]
                analyze[n] = $col["analyze_ms"]; per_item[n] = $col["analyze_ns_per_item"]
                cpm_item[n] = $col["cpm_ms"] * 1e6 / (phases[n] + edges[n])
                cli[n] = $col["cli_ms"]; floor = $col["cli_floor_ms"]
                tj3_ms[n] = $col["tj3_ms"]; tj3_ratio[n] = $col["tj3_over_cli"]
                clean[n] = $col["clean"]; agree[n] = $col["dates_agree"]
                tj3 = $col["tj3_runs"] > 0 ? sprintf("%.0f (%d)", $col["tj3_ms"], $col["tj3_runs"]) : "not run"
                ratio = $col["tj3_runs"] > 0 ? sprintf("%.0f×", $col["tj3_over_cli"]) : "–"
                dates = agree[n] == "yes" ? "yes" : agree[n] == "no" ? "**no**" : "not compared"
                rows[n] = sprintf("| %d | %d | %d | %.2f | %.0f | %.2f | %.1f | %.1f | %s | %s | %s | %s |",
                    phases[n], edges[n], $col["iterations"], analyze[n], per_item[n], $col["cpm_ms"],
                    $col["library_ms"], cli[n], tj3, ratio, dates, clean[n] == "yes" ? "yes" : "**no**")
                if (per_item[n] > max_item) max_item = per_item[n]
                if (min_item == "" || per_item[n] < min_item) min_item = per_item[n]
            }
            END {
                print "| phases | edges | iterations | graph analyze ms | ns per (phase + edge) | of which CPM ms | check + JSON in-process ms | `aiplan schedule --format json` ms | tj3 ms (runs) | tj3 / aiplan (> 150 at 10k) | tj3 dates = aiplan dates | schedules clean |"
                print "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | :---: |"
                for (i = 1; i <= n; i++) print rows[i]
                print ""
                last = n
                printf "**%d phases:** graph built, checked and scheduled in %.1f ms, %.1f%% of a\n", phases[last], analyze[last], analyze[last] / 10
                printf "second (target: well under a second); the whole `aiplan schedule --format json`\n"
                printf "takes %.0f ms.\n", cli[last]
                print ""
                printf "Time of the graph stage per phase + edge: "
                for (i = 1; i <= n; i++) printf "%s%.0f ns at %d phases", (i == 1 ? "" : i < n ? ", " : " and "), per_item[i], phases[i]
                printf "\n(the largest %.2f× the smallest). The stage visits each phase and edge a\n", (min_item > 0 ? max_item / min_item : 0)
                print "bounded number of times; what grows is the cost of each visit as the working set"
                print "outgrows the CPU caches: the CPM alone, a few passes over plain arrays, rises"
                printf "alike ("
                for (i = 1; i <= n; i++) printf "%s%.0f ns", (i == 1 ? "" : ", "), cpm_item[i]
                print " per phase + edge)."
                print ""
                found = 0
                for (i = 1; i <= n; i++) if (phases[i] == 10000) found = i
                if (found && tj3_ms[found] != "-") {
                    printf "**10000 phases:** tj3 takes %.1f s, `aiplan schedule` %.0f ms: **%.0f×** faster\n", tj3_ms[found] / 1000, cli[found], tj3_ratio[found]
                    printf "(target > 150×: %s); tj3 gives every phase the start and end dates aiplan gives\n", (tj3_ratio[found] > 150 ? "met" : "**not met**")
                    printf "it: %s.\n", (agree[found] == "yes" ? "yes" : "**no**")
                } else if (has_tj3 == "yes") {
                    print "**10000 phases:** not measured against tj3 in this run (see `--sizes`, `--tj3-max`)."
                } else {
                    print "**10000 phases:** not compared: tj3 is not installed."
                }
                if (status != 0) { print ""; print "**The schedule bench failed in this run; see its output.**" }
                print ""
                printf "A one-phase plan takes %.1f ms through `aiplan schedule --format json`: the fixed\n", floor
                print "cost of a process (start-up, compiling the schema), which dominates small plans."
            }
        ' "$work/schedule.tsv"
    else
        echo '**The schedule bench failed and wrote no figures; see its output.**'
    fi
    cat <<'SCHEDULE'

What is measured (medians of interleaved iterations within one run: 21 for
1k phases, 9 for 10k, 7 for 100k; tj3 5, 3 and 1 times, spread among them,
after a warm-up):

- **graph analyze**: `aiplan::graph::analyze` on a plan already loaded and
  built (`ResolvedPlan`): the petgraph graph built, checked (duplicate,
  unknown and self dependencies, duplicate ids, durations, cycles) and
  scheduled by the critical path method, until it returns. **ns per
  (phase + edge)** divides it by the size it should grow linearly with.
  **of which CPM**: `aiplan::graph::schedule::compute` alone on that graph.
- **check + JSON in-process**: `aiplan::check::check` on the plan file, then
  `aiplan::emit::schedule::json`, in the bench process (mimalloc, as the
  binary): what `aiplan schedule --format json` does besides starting and
  printing.
- **`aiplan schedule --format json`**: the release binary as a fresh process
  on the plan file, its output read from a pipe; wall time. This is the
  figure compared with tj3.
- **tj3**: `tj3 --silent --no-color plan.tjp` as a fresh process on the
  equivalent TaskJuggler project (the same tasks, names, `duration Nd`/`Nw`
  and `depends`, ending a month after the last task), writing a CSV report
  of every task's id, start and end; wall time. It runs only on sizes up
  to `--tj3-max` (10,000 by default): at 100,000 tasks it takes many
  minutes.
- **correctness**: every tj3 run's dates must equal the `start` and `finish`
  of every phase in aiplan's JSON, else the bench fails; aiplan's
  `total_days` must equal the generator's own forward pass, and the binary's
  JSON the library's.

The plans come from `benches/support/dag_gen.rs`: deterministic; every phase
after the first depends on one, two or three distinct earlier phases (a
third each) picked anywhere before it, so the graph is acyclic with about two
edges a phase; durations are 1–30 days or 1–8 weeks, written in short and
long forms (`3w`, `3 weeks`, `10d`, `10 days`); each phase also has the
infrastructure, success criteria and rollback plan without which aiplan
warns, which the TaskJuggler project does not carry. These are the plans of
the performance record at the top.
SCHEDULE
    cat <<'FOOTER'

## Reproduce

```sh
scripts/bench.sh                      # all sizes, one run; rewrites BENCHMARKS.md
scripts/bench.sh --sizes 1000,10000 --out /tmp/BENCH.md   # quicker, elsewhere
scripts/bench.sh --tj3-max 100000     # tj3 on 100,000 tasks too (many minutes)
scripts/bench.sh --check-jsonschema-max 10000   # check-jsonschema not on 100k
cargo bench --bench load              # the timings only, printed
cargo bench --bench memory            # the heap by stage, printed
cargo bench --bench schedule          # graph, schedule and tj3, printed
cargo bench --bench schedule -- --check-jsonschema .bench/check-jsonschema/bin/check-jsonschema
cargo bench --bench load -- --keep /tmp/plans --sizes 100000   # keep the plan
cargo bench --bench schedule -- --keep /tmp/plans --sizes 10000   # keep plan and .tjp
```

The script installs what is missing: GNU `time` (apt) for the peak RSS, and
two venvs from PyPI (`python3 -m venv`, pinned): `.bench/check-jsonschema`
(check-jsonschema 0.39.0, ruamel.yaml 0.19.1, as pip installs it) and
`.bench/check-jsonschema-clib` (the same with ruamel.yaml.clib 0.2.15, the C
loader). tj3 is Debian's `tj3` package. A full run takes 10 to 15 minutes on
2 cores, most of it check-jsonschema (about 110 s a run at 100,000 phases as
pip installs it) and tj3.
FOOTER
} >"$out"

echo "wrote $out" >&2
cat "$out"

status=$bench_status
[[ $schedule_status -ne 0 ]] && status=$schedule_status
awk -F'\t' 'FNR > 1 && $2 != 0 { bad = 1 } END { exit bad }' "$work/rss.tsv" "$work/rss-record.tsv" || status=1
exit "$status"
