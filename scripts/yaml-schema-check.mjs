// Runs yaml-language-server (the server behind the VS Code YAML extension)
// over LSP stdio and prints the diagnostics it publishes for each file, as
// an editor would show them.
//
//   node yaml-schema-check.mjs --schema SCHEMA.json FILE...   associate FILEs with SCHEMA
//   node yaml-schema-check.mjs --modeline FILE...             rely on each file's
//                                                            `# yaml-language-server: $schema=` line
//   --expect-errors   succeed only if EVERY file gets at least one error
//
// Exits 1 when the expectation fails.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
let schema = null, expectErrors = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--schema') schema = args[++i];
  else if (args[i] === '--modeline') schema = null;
  else if (args[i] === '--expect-errors') expectErrors = true;
  else files.push(args[i]);
}
const schemas = schema ? { [pathToFileURL(resolve(schema)).href]: files.map((f) => resolve(f)) } : {};
const settings = { yaml: { validate: true, schemaStore: { enable: false }, schemas } };
const server = spawn(process.execPath,
  [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
  { stdio: ['pipe', 'pipe', 'inherit'] });
let id = 0, buffer = Buffer.alloc(0);
const pending = new Map(), published = new Map();
const send = (message) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
};
const request = (method, params) => new Promise((done) => {
  const i = ++id; pending.set(i, done); send({ id: i, method, params });
});
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const header = buffer.indexOf('\r\n\r\n');
    if (header < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, header).toString())[1]);
    if (buffer.length < header + 4 + length) return;
    const message = JSON.parse(buffer.slice(header + 4, header + 4 + length).toString());
    buffer = buffer.slice(header + 4 + length);
    if (message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message.result); pending.delete(message.id);
    } else if (message.id !== undefined && message.method) {
      send({ id: message.id, result: message.method === 'workspace/configuration'
        ? message.params.items.map(() => settings.yaml) : null });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      published.set(message.params.uri, message.params.diagnostics);
    }
  }
});
await request('initialize', { processId: process.pid, rootUri: null,
  capabilities: { workspace: { configuration: true } } });
send({ method: 'initialized', params: {} });
send({ method: 'workspace/didChangeConfiguration', params: { settings } });
let failed = 0;
for (const file of files) {
  const uri = pathToFileURL(resolve(file)).href;
  send({ method: 'textDocument/didOpen', params: { textDocument: {
    uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') } } });
  const started = Date.now();
  while (!published.has(uri) && Date.now() - started < 15000) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const diagnostics = published.get(uri);
  if (diagnostics === undefined) { failed++; console.log(`FAIL ${file}: no diagnostics published`); continue; }
  const errors = diagnostics.filter((d) => (d.severity ?? 1) <= 2);
  const ok = expectErrors ? errors.length > 0 : errors.length === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${errors.length} error(s)`);
  for (const d of diagnostics) {
    console.log(`  ${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.replace(/\n/g, ' ')}`);
  }
}
await request('shutdown', null);
send({ method: 'exit' });
server.kill();
process.exit(failed ? 1 : 0);
