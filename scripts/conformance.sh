#!/usr/bin/env bash
# Conformance: run the real tools that aiplan's users run on its outputs.
# Installs pinned versions into .conformance/ (idempotent; PyPI and npm only):
#   check-jsonschema 0.39.0       the published schema against the 2020-12 metaschema,
#                                 and every example against the schema
#   yaml-language-server 1.25.0   the editor's view: examples are clean through the
#                                 `# yaml-language-server: $schema=` modeline, bad plans are not
set -euo pipefail
cd "$(dirname "$0")/.."
home=.conformance
mkdir -p "$home"

if [[ ! -x $home/venv/bin/check-jsonschema ]]; then
  python3 -m venv "$home/venv"
  "$home/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema==0.39.0
fi
if [[ ! -d $home/node/node_modules/yaml-language-server ]]; then
  mkdir -p "$home/node"
  (cd "$home/node" && [[ -f package.json ]] || echo '{"private":true,"type":"module"}' > package.json)
  (cd "$home/node" && npm install --no-audit --no-fund --loglevel=error yaml-language-server@1.25.0 >/dev/null)
fi
cp scripts/yaml-schema-check.mjs "$home/node/yaml-schema-check.mjs"
check_yaml() { node "$home/node/yaml-schema-check.mjs" "$@"; }

echo "== check-jsonschema: schemas/aiplan.schema.json is a valid 2020-12 schema"
"$home/venv/bin/check-jsonschema" --check-metaschema schemas/aiplan.schema.json

echo "== check-jsonschema: every example validates against the schema"
"$home/venv/bin/check-jsonschema" --schemafile schemas/aiplan.schema.json examples/*.yaml

echo "== yaml-language-server: every example is clean with the schema associated"
check_yaml --schema schemas/aiplan.schema.json examples/*.yaml

echo "== yaml-language-server: the modeline alone brings the schema"
scratch=$(mktemp -d "$PWD/$home/modeline.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/plans"
modeline="# yaml-language-server: \$schema=../../../schemas/aiplan.schema.json"
printf '%s\naiplan: 1\nname: Clean\nphases:\n  - id: a\n    duration: 2 weeks\n' "$modeline" > "$scratch/plans/clean.yaml"
printf '%s\naiplan: 1\nname: Typo\nphases:\n  - id: a\n    duration: 2 weeks\n    dependson: [b]\n' "$modeline" > "$scratch/plans/typo.yaml"
printf '%s\naiplan: 1\nname: Enum\nrequirements:\n  data_sensitivity: hihg\n' "$modeline" > "$scratch/plans/enum.yaml"
check_yaml --modeline "$scratch/plans/clean.yaml" examples/hospital-group.yaml
check_yaml --modeline --expect-errors "$scratch/plans/typo.yaml" "$scratch/plans/enum.yaml"
for part in scripts/conformance-roadmap.sh scripts/conformance-terraform.sh scripts/conformance-formats.sh scripts/conformance-packaging.sh; do
  if [[ -f $part ]]; then
    bash "$part"
  fi
done
echo "conformance: all checks passed"
