// didOpen / didChange / didClose → publishDiagnostics: exact ranges (0-based, UTF-16
// columns), the fields every diagnostic carries, and only the latest version published.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, fileUri, Severity } from '../support/lspClient.mjs';
import { marked, range, brief, applyChanges } from '../support/markers.mjs';

let client;
before(async () => {
  client = await startServer({ settings: { mumbaiMesh: {} } });
});
after(() => client.shutdown());

test('didOpen: a duplicate key after an emoji on the same line has its UTF-16 range', async () => {
  const uri = fileUri('diagnostics/emoji.yaml');
  // 🚀 is two UTF-16 code units; the Cyrillic letters are one each.
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\nmetadata:\n  name: платежи\n  labels: {team: "🚀 платежи", |team|: x}\n');
  client.open(uri, text);
  const { diagnostics, version } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.equal(version, 1);
  assert.deepEqual(diagnostics.map(brief), [{ code: 'MM101', severity: Severity.Error, range: ranges[0] }]);
  assert.deepEqual(ranges[0], range(4, 31, 4, 35));
});

test('every diagnostic has source, a string code and a docs link ending in #CODE', async () => {
  const uri = fileUri('diagnostics/fields.yaml');
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\n|kind|: Secret\ndata:\n  y: |*nowhere|\n---\napiVersion: v1\nkind: Secret\n---\n- |a|\n');
  client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => d.code), ['MM101', 'MM104', 'MM108']);
  for (const d of diagnostics) {
    assert.equal(d.source, 'mumbai-mesh');
    assert.equal(typeof d.code, 'string');
    assert.match(d.codeDescription.href, /^https:\/\/\S+#MM\d{3}$/);
    assert.ok(d.codeDescription.href.endsWith(`#${d.code}`), d.codeDescription.href);
    assert.equal(typeof d.message, 'string');
    assert.ok(d.message.length > 0);
  }
  assert.deepEqual(diagnostics.map((d) => d.range), [ranges[0], ranges[1], { start: { line: 9, character: 0 }, end: ranges[2].end }]);
  assert.deepEqual(diagnostics.map((d) => d.severity), [Severity.Error, Severity.Error, Severity.Warning]);
});

test('didOpen: a clean document gets an empty publish', async () => {
  const uri = fileUri('diagnostics/clean.yaml');
  client.open(uri, 'apiVersion: config.mumbai.example/v1\nkind: Settings\nmetadata:\n  name: clean\ndata:\n  a: "1"\n');
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics, []);
});

test('didOpen: YAML-level codes each with their range', async () => {
  const cases = [
    ['MM100', 'apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: |b|: c\n', Severity.Error],
    ['MM102', 'apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n|\t|a: b\n', Severity.Error],
    ['MM104', 'apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: |*missing|\n', Severity.Error],
    ['MM108', 'apiVersion: config.mumbai.example/v1\nkind: Settings\n---\n|- a|\n- b\n', Severity.Warning],
    ['MM109', '|apiVersion|: v1\nmetadata:\n  name: x\n', Severity.Error],
  ];
  for (const [code, source, severity] of cases) {
    const uri = fileUri(`diagnostics/yaml-${code}.yaml`);
    const { text, ranges } = marked(source);
    client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(diagnostics.map(brief), [{ code, severity, range: ranges[0] }], code);
  }
});

test('didChange: incremental edits sent in a burst; only the latest version is published, for its text', async () => {
  const uri = fileUri('diagnostics/burst.yaml');
  let text = 'apiVersion: config.mumbai.example/v1\nkind: Settings\nkind: Secret\ndata:\n  a: "1"\n';
  client.open(uri, text);
  const first = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(first.diagnostics.map((d) => d.code), ['MM101']);

  const steps = [
    // v2: remove the duplicate `kind: Secret` line
    { version: 2, changes: [{ range: range(2, 0, 3, 0), text: '' }] },
    // v3: add a key with an emoji value, then a tab-indented key under data
    { version: 3, changes: [{ range: range(3, 8, 3, 8), text: '\n  b: "🚀"' }, { range: range(4, 10, 4, 10), text: '\n\tc: x' }] },
    // v4: duplicate `a` on a new last line, after the emoji line
    { version: 4, changes: [{ range: range(5, 6, 5, 6), text: '\n  a: "2"' }] },
    // v5: the tab becomes two spaces
    { version: 5, changes: [{ range: range(5, 0, 5, 1), text: '  ' }] },
  ];
  for (const step of steps) text = applyChanges(text, step.changes);
  assert.equal(text, 'apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: "1"\n  b: "🚀"\n  c: x\n  a: "2"\n');
  const since = client.published.length;
  client.changeBurst(uri, steps);

  const final = await client.waitForDiagnostics(uri, { version: 5 });
  assert.deepEqual(final.diagnostics.map(brief), [{ code: 'MM101', severity: Severity.Error, range: range(6, 2, 6, 3) }]);
  const versions = client.published.slice(since).filter((p) => p.uri === uri).map((p) => p.version);
  assert.deepEqual(versions, [5], 'the edits arrive in one write, so no intermediate version is analysed or published');
});

test('didChange: many incremental edits across a large multi-document file give the diagnostics a fresh open of the same text gives', async () => {
  const uri = fileUri('diagnostics/large-edited.yaml');
  const docs = Array.from({ length: 120 }, (_, i) => `---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: dr-${i}\n  namespace: payments\nspec:\n  host: svc-${i}.payments.svc.cluster.local\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: ${i % 7}\n      interval: 10s\n`);
  let text = docs.join('');
  client.open(uri, text);
  await client.waitForDiagnostics(uri, { version: 1 });
  // edits far apart (different pieces of the server's copy), some adding or removing lines,
  // one breaking a `---` marker and one spanning two documents; each published on its own
  const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
  const edits = [
    () => [{ range: range(lineOf('name: dr-100'), 8, lineOf('name: dr-100'), 14), text: 'dr-hundred' }],
    () => [{ range: range(lineOf('name: dr-3\n') + 6, 6, lineOf('name: dr-3\n') + 6, 26), text: 'consecutiveErrors: 4' }],
    () => [{ range: range(lineOf('name: dr-60'), 0, lineOf('name: dr-60'), 0), text: '  labels:\n    app: x\n' }],
    () => [{ range: range(lineOf('name: dr-90') - 3, 0, lineOf('name: dr-90') - 3, 1), text: '' }],
    () => [{ range: range(lineOf('name: dr-30') + 5, 0, lineOf('name: dr-32') + 2, 0), text: '  host: joined\n' }],
    // a malformed change (no position) is skipped; the valid one after it applies
    () => [{ range: { start: { line: 'x' } }, text: 'junk' }, { range: range(0, 0, 0, 0), text: '# edited\n' }],
  ];
  let version = 1;
  for (const make of edits) {
    const changes = make();
    text = applyChanges(text, changes.filter((c) => Number.isInteger(c.range.start.character)));
    version += 1;
    client.change(uri, version, changes);
    await client.waitForDiagnostics(uri, { version });
  }
  const edited = await client.waitForDiagnostics(uri, { version });
  // the server's text is the client's: a hover on the last document's key answers alike
  const position = { line: lineOf('name: dr-119') + 6, character: 8 };
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position });
  // the same resources open twice would conflict with each other: the edited one goes first
  client.close(uri);
  const freshUri = fileUri('diagnostics/large-fresh.yaml');
  client.open(freshUri, text);
  const fresh = await client.waitForDiagnostics(freshUri, { version: 1 });
  assert.ok(fresh.diagnostics.length >= 3, JSON.stringify(fresh.diagnostics.map((d) => d.code)));
  assert.deepEqual(edited.diagnostics, fresh.diagnostics);
  assert.ok(hover?.contents, 'a hover on consecutive5xxErrors');
  assert.deepEqual(hover, await client.request('textDocument/hover', { textDocument: { uri: freshUri }, position }));
  client.close(freshUri);
});

test('didChange: a full-text change replaces the document', async () => {
  const uri = fileUri('diagnostics/full.yaml');
  client.open(uri, 'a: 1\na: 2\n');
  await client.waitForDiagnostics(uri, { version: 1 });
  client.change(uri, 2, 'a: 1\nb: 2\n');
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 2 });
  assert.deepEqual(diagnostics, []);
});

test('didChange after a fix and a regression: each version gets its own diagnostics', async () => {
  const uri = fileUri('diagnostics/sequence.yaml');
  client.open(uri, 'apiVersion: config.mumbai.example/v1\nkind: Settings\nmetadata:\n  name: x\n  name: y\n');
  assert.deepEqual((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics.map((d) => d.code), ['MM101']);
  client.change(uri, 2, [{ range: range(4, 2, 4, 6), text: 'namespace' }]);
  assert.deepEqual((await client.waitForDiagnostics(uri, { version: 2 })).diagnostics, []);
  client.change(uri, 3, [{ range: range(4, 0, 4, 2), text: '\t' }]);
  const third = await client.waitForDiagnostics(uri, { version: 3 });
  assert.deepEqual(third.diagnostics.map((d) => d.code), ['MM102']);
});

test('multi-document file: ranges are absolute in the file', async () => {
  const uri = fileUri('diagnostics/multi.yaml');
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\n---\n# ünïcödé comment 🚀\napiVersion: v1\nkind: Secret\n|kind|: Secret\n---\napiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  x: |*a|\n');
  client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map(brief), [
    { code: 'MM101', severity: Severity.Error, range: ranges[0] },
    { code: 'MM104', severity: Severity.Error, range: ranges[1] },
  ]);
});

test('didClose clears the diagnostics', async () => {
  const uri = fileUri('diagnostics/close.yaml');
  client.open(uri, 'a: 1\na: 2\n');
  assert.equal((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics.length, 1);
  client.close(uri);
  // the publish for a closed document carries no version (validations always do)
  const cleared = await client.waitForDiagnostics(uri, { predicate: (p) => p.version === undefined });
  assert.deepEqual(cleared.diagnostics, []);
});

test('reopening a closed document analyses it afresh', async () => {
  const uri = fileUri('diagnostics/reopen.yaml');
  client.open(uri, 'a: 1\na: 2\n');
  await client.waitForDiagnostics(uri, { version: 1 });
  client.close(uri);
  await client.waitForDiagnostics(uri, { predicate: (p) => p.diagnostics.length === 0 });
  client.open(uri, 'a: 1\nb: [\n');
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map((d) => d.code), ['MM100']);
});

test('schema: an unknown field is reported on its key, after non-ASCII text on the same line', async () => {
  const uri = fileUri('diagnostics/schema.yaml');
  const { text, ranges } = marked([
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  selector: {app: reviews}',
    '  ports: [{name: http, port: 9080}]',
    '---',
    'apiVersion: networking.istio.io/v1',
    'kind: VirtualService',
    'metadata:',
    '  name: reviews',
    'spec:',
    '  hosts: [reviews]',
    '  http: [{name: "🚀 канарейка", |timeoutz|: 5s, route: [{destination: {host: reviews}}]}]',
    '  |tcpp|: []',
    '',
  ].join('\n'));
  client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(diagnostics.map(brief), [
    { code: 'MM200', severity: Severity.Error, range: ranges[0] },
    { code: 'MM200', severity: Severity.Error, range: ranges[1] },
  ]);
  assert.deepEqual(ranges[0], range(14, 32, 14, 40));
  assert.match(diagnostics[0].message, /timeoutz/);
  assert.ok(diagnostics[0].codeDescription.href.endsWith('#MM200'));

  // fixing the key by an incremental edit clears that diagnostic only
  client.change(uri, 2, [{ range: ranges[0], text: 'timeout' }]);
  const fixed = await client.waitForDiagnostics(uri, { version: 2 });
  assert.deepEqual(fixed.diagnostics.map(brief), [{ code: 'MM200', severity: Severity.Error, range: ranges[1] }]);
});
