#!/usr/bin/env bash
# Conformance of `aiplan roadmap`: the roadmap of every example and of the
# hostile-strings fixture must pass the real tools its readers use.
#   markdownlint-cli2 0.22.1     with its default rules (the roadmap carries
#                                its own `markdownlint-configure-file` comment)
#   mermaid 11.17.2 on jsdom 26.1.0
#                                every ```mermaid block parses with the official
#                                package, a gantt's tasks resolve their dates,
#                                and every block renders to SVG; the hostile
#                                fixture's names render as literal text
# Installs pinned versions into .conformance/roadmap (idempotent; npm only;
# node 20, hence these majors). Fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
home=.conformance/roadmap
mkdir -p "$home"

package='{
  "name": "aiplan-roadmap-conformance",
  "private": true,
  "dependencies": {
    "jsdom": "26.1.0",
    "markdownlint-cli2": "0.22.1",
    "mermaid": "11.17.2"
  }
}'
if [[ "$(cat "$home/package.json" 2>/dev/null)" != "$package" || ! -f $home/node_modules/.installed ]]; then
  echo "== installing markdownlint-cli2 0.22.1, mermaid 11.17.2, jsdom 26.1.0 into $home"
  printf '%s\n' "$package" > "$home/package.json"
  (cd "$home" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$home/node_modules/.installed"
fi

# The browserless Mermaid check: the technique of the shared validators kit
# (the official package on jsdom), plus a render to SVG.
cat > "$home/mermaid-check.mjs" <<'MJS'
// Usage: node mermaid-check.mjs [--labels] FILE.md ...
// Every ```mermaid block must parse with the official package, a gantt's
// tasks must resolve their dates, and the block must render to SVG (jsdom
// has no layout engine, so text is measured as 8px a character). With
// --labels, prints the text of every rendered task and node. Exit 1 on any
// failure.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const k of ['CSSStyleSheet', 'DOMParser', 'Element', 'HTMLElement', 'SVGElement', 'Node', 'navigator'])
  if (!(k in globalThis)) Object.defineProperty(globalThis, k, { value: dom.window[k], configurable: true });
const measure = (el) => 8 * (el.textContent || '').length;
dom.window.SVGElement.prototype.getBBox = function () { return { x: 0, y: 0, width: measure(this), height: 16 }; };
dom.window.SVGElement.prototype.getComputedTextLength = function () { return measure(this); };
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
const args = process.argv.slice(2);
const labels = args.includes('--labels');
let failed = 0, passed = 0, n = 0;
for (const file of args.filter((a) => a !== '--labels')) {
  const text = readFileSync(file, 'utf8');
  const blocks = [];
  const re = /^```mermaid[^\n]*\n([\s\S]*?)^```/gm; let m;
  while ((m = re.exec(text))) blocks.push({ line: text.slice(0, m.index).split('\n').length + 1, src: m[1] });
  if (blocks.length === 0) { failed++; console.log(`FAIL ${file}: no mermaid block`); }
  for (const b of blocks) {
    try {
      const r = await mermaid.parse(b.src);
      const d = await mermaid.mermaidAPI.getDiagramFromText(b.src);
      let extra = '';
      if (d.type === 'gantt') {
        const tasks = d.db.getTasks();   // resolves dates and durations like a render does
        for (const t of tasks)
          if (!(t.startTime instanceof Date) || isNaN(t.startTime) || !(t.endTime instanceof Date) || isNaN(t.endTime))
            throw new Error(`task ${t.id} has no dates`);
        extra = ` (${tasks.length} tasks)`;
      }
      const { svg } = await mermaid.render(`roadmap${n++}`, b.src);
      const doc = new JSDOM(svg).window.document;
      if (doc.querySelector('.error-icon')) throw new Error('rendered as an error diagram');
      const shown = [...doc.querySelectorAll('.nodeLabel, text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft')]
        .map((el) => el.innerHTML.replace(/<br\s*\/?>/g, '\n').replace(/<[^>]*>/g, ''))
        .map((html) => new JSDOM(`<p>${html.replace(/</g, '&lt;')}</p>`).window.document.querySelector('p').textContent.trim());
      passed++; console.log(`ok   ${file}:${b.line} ${r.diagramType}${extra}, rendered to ${svg.length} bytes of SVG`);
      if (labels) for (const label of shown) console.log(`     label: ${JSON.stringify(label)}`);
    } catch (e) {
      failed++; console.log(`FAIL ${file}:${b.line} ${String(e.message || e).split('\n').slice(0, 4).join(' | ')}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
MJS

cargo build --quiet
out=$(mktemp -d "$PWD/$home/out.XXXXXX")
trap 'rm -rf "$out"' EXIT
for plan in examples/*.yaml tests/fixtures/emit/hostile.yaml; do
  name=$(basename "$plan" .yaml)
  ./target/debug/aiplan roadmap "$plan" -o "$out/$name.md" 2>/dev/null || {
    echo "FAIL aiplan roadmap $plan exited $?"; exit 1; }
done

echo "== markdownlint-cli2: every roadmap"
# Run from the output folder so that no configuration of this repository applies.
(cd "$out" && node "$OLDPWD/$home/node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs" ./*.md)

echo "== mermaid: every block of every roadmap parses and renders"
node "$home/mermaid-check.mjs" "$out"/*.md

echo "== mermaid: the hostile fixture's names render as literal text"
labels=$(node "$home/mermaid-check.mjs" --labels "$out/hostile.md")
grep 'label:' <<<"$labels"
expected=(
  'label: "Pilot: phase #1 | \"quoted\" `code` </script>"'
  'label: "Pilot: phase #1 | \"quoted\" `code` </script>\n2 weeks"'
  'label: "Data; click pilot call alert(1) %% not a comment"'
  'label: "Go/no-go: ~~strike~~ *bold* #gate"'
)
for want in "${expected[@]}"; do
  grep -qF -- "$want" <<<"$labels" || { echo "FAIL not rendered literally: $want"; exit 1; }
done
echo "conformance (roadmap): passed"
