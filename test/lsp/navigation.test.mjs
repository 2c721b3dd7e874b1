// Go to definition, find references and cross-file diagnostics over stdio: files opened in
// the editor form the workspace, a request in one file answers with places in another,
// and an edit in one file re-publishes the diagnostics of a file that depends on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startServer, fileUri, Severity } from '../support/lspClient.mjs';
import { marked, range, brief } from '../support/markers.mjs';
import { loadNavigationCase } from '../fixtures/navigation/navigationCase.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/navigation/', import.meta.url));

let client;
before(async () => {
  client = await startServer({ settings: { mumbaiMesh: {} } });
});
after(() => client.shutdown());

const byPosition = (a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

/** Opens every file of a navigation fixture and waits until each has been analysed (and indexed). */
// Closed again when the test ends: the cases share namespaces and names, and closing a
// file that is not on disk takes it out of the server's workspace.
async function openCase(t, name) {
  const nav = loadNavigationCase(join(FIXTURES, name), (file) => fileUri(`navigation/${name}/${file}`));
  for (const f of nav.files) client.open(f.uri, f.text);
  for (const f of nav.files) await client.waitForDiagnostics(f.uri, { version: 1 });
  t.after(() => {
    for (const f of nav.files) client.close(f.uri);
  });
  return nav;
}

test('initialize announces definition and references', () => {
  const { capabilities } = client.initializeResult;
  assert.equal(capabilities.definitionProvider, true);
  assert.equal(capabilities.referencesProvider, true);
});

test('definition: a VirtualService subset jumps to the DestinationRule subset in the other file', async (t) => {
  const nav = await openCase(t, 'vs-subset-definition');
  assert.equal(nav.cursor.name, 'virtualservice.yaml');
  const result = await client.request('textDocument/definition', { textDocument: { uri: nav.cursor.uri }, position: nav.cursor.position });
  assert.deepEqual(result, nav.expected);
  assert.ok(result.every((l) => l.uri.endsWith('destinationrule.yaml')));
});

test('references: a DestinationRule subset name lists the routes in the other file, and itself with the declaration', async (t) => {
  const nav = await openCase(t, 'dr-subset-references');
  const params = { textDocument: { uri: nav.cursor.uri }, position: nav.cursor.position };
  const withDeclaration = await client.request('textDocument/references', { ...params, context: { includeDeclaration: true } });
  assert.deepEqual([...withDeclaration].sort(byPosition), [...nav.expected].sort(byPosition));
  const withoutDeclaration = await client.request('textDocument/references', { ...params, context: { includeDeclaration: false } });
  assert.deepEqual(withoutDeclaration, nav.expected.filter((l) => l.uri !== nav.cursor.uri).sort(byPosition));
});

test('references: a Gateway name lists the routes and VirtualServices of another file', async (t) => {
  const nav = await openCase(t, 'gateway-references');
  const result = await client.request('textDocument/references', { textDocument: { uri: nav.cursor.uri }, position: nav.cursor.position, context: { includeDeclaration: true } });
  assert.deepEqual(result, [...nav.expected].sort(byPosition));
});

test('definition on an unknown document or a plain value answers an empty list', async () => {
  const none = await client.request('textDocument/definition', { textDocument: { uri: fileUri('navigation/never-opened.yaml') }, position: { line: 0, character: 0 } });
  assert.deepEqual(none, []);
  const uri = fileUri('navigation/plain.yaml');
  client.open(uri, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n');
  await client.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 5, character: 4 } }), []);
  assert.deepEqual(await client.request('textDocument/references', { textDocument: { uri }, position: { line: 5, character: 4 }, context: { includeDeclaration: false } }), []);
});

test('an edit in a DestinationRule re-publishes the diagnostics of the VirtualService using its subset', async () => {
  const vsUri = fileUri('navigation/edit/virtualservice.yaml');
  const drUri = fileUri('navigation/edit/destinationrule.yaml');
  const vs = marked('apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  hosts:\n  - reviews\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: |v2|\n');
  const withV2 = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  selector:\n    app: reviews\n  ports:\n  - name: http\n    port: 9080\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n  - name: v2\n    labels:\n      version: v2\n';
  // lines 23–25 of the DestinationRule file hold subset v2
  assert.equal(withV2.split('\n')[23], '  - name: v2');

  client.open(drUri, withV2);
  await client.waitForDiagnostics(drUri, { version: 1 });
  client.open(vsUri, vs.text);
  const clean = await client.waitForDiagnostics(vsUri, { version: 1 });
  assert.deepEqual(clean.diagnostics, []);

  let since = client.published.length;
  client.change(drUri, 2, [{ range: range(23, 0, 26, 0), text: '' }]);
  const broken = await client.waitForDiagnostics(vsUri, { since, predicate: (p) => p.diagnostics.length > 0 });
  assert.deepEqual(broken.diagnostics.map(brief), [{ code: 'IST0101', severity: Severity.Error, range: vs.ranges[0] }]);
  assert.match(broken.diagnostics[0].message, /v2/);

  since = client.published.length;
  client.change(drUri, 3, [{ range: range(23, 0, 23, 0), text: '  - name: v2\n    labels:\n      version: v2\n' }]);
  const fixed = await client.waitForDiagnostics(vsUri, { since, predicate: (p) => p.diagnostics.length === 0 });
  assert.deepEqual(fixed.diagnostics, []);

  // navigation follows the edit too
  const definition = await client.request('textDocument/definition', { textDocument: { uri: vsUri }, position: vs.positions[0] });
  assert.deepEqual(definition, [{ uri: drUri, range: range(23, 10, 23, 12) }]);
  client.close(vsUri);
  client.close(drUri);
});
