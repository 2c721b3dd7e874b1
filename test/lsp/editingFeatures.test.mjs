// Completion, quick fixes and formatting over stdio, as any LSP client drives them: items at
// a dozen positions (root, nested map, list item, values, a typo, flow style, an empty `---`
// document, references from other open files), code actions whose edits, applied and sent
// back, leave the YAML validating clean, and formatting that keeps comments.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, fileUri } from '../support/lspClient.mjs';
import { marked, applyChanges } from '../support/markers.mjs';

const WORKSPACE = readFileSync(fileURLToPath(new URL('../fixtures/completion/workspace.yaml', import.meta.url)), 'utf8');
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  selector:\n    app: reviews\n  ports:\n  - name: http\n    port: 9080\n';

let client;
let settings = { mumbaiMesh: {} };
before(async () => {
  client = await startServer({ settings: (section) => (section === 'mumbaiMesh' ? settings.mumbaiMesh : null) });
  const uri = fileUri('editing/workspace.yaml');
  client.open(uri, WORKSPACE);
  await client.waitForDiagnostics(uri, { version: 1 });
});
after(() => client.shutdown());

/** Edits in the order that lets them apply one after another (bottom first). */
function applyEdits(text, edits) {
  const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  return applyChanges(text, ordered.map((e) => ({ range: e.range, text: e.newText })));
}

let docs = 0;
async function completeAt(source) {
  const { text, positions } = marked(source);
  const uri = fileUri(`editing/complete-${++docs}.yaml`);
  client.open(uri, text);
  const result = await client.request('textDocument/completion', { textDocument: { uri }, position: positions[0] });
  const items = Array.isArray(result) ? result : result.items;
  return { uri, text, items, labels: items.map((i) => i.label) };
}

const VS = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: prod\n';
const DR = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: prod\n';

test('capabilities: completion (triggered by `:` only), quick fixes and formatting', () => {
  const caps = client.initializeResult.capabilities;
  assert.deepEqual(caps.completionProvider.triggerCharacters, [':']);
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
  assert.equal(caps.documentFormattingProvider, true);
});

describe('completion at a dozen positions', () => {
  test('document root: root keys, apiVersion+kind pairs and the shipped snippets', async () => {
    const { labels, items } = await completeAt('|');
    for (const label of ['apiVersion', 'kind', 'metadata', 'spec', 'VirtualService', 'mm-canary', 'mm-dabbawala-canary']) assert.ok(labels.includes(label), label);
    const pair = items.find((i) => i.label === 'DestinationRule' && i.kind === 7);
    assert.equal(pair.textEdit.newText, 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ');
  });

  test('nested map: keys not yet present', async () => {
    const { labels } = await completeAt(`${DR}spec:\n  host: reviews\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n      |\n`);
    assert.ok(labels.includes('sni') && labels.includes('credentialName'));
    assert.ok(!labels.includes('mode'));
  });

  test('list item `- |`: the keys of an HTTP route', async () => {
    const { labels } = await completeAt(`${VS}spec:\n  hosts: [reviews]\n  http:\n  - |\n`);
    for (const key of ['route', 'match', 'timeout', 'retries', 'fault']) assert.ok(labels.includes(key), key);
  });

  test('value position: enum values', async () => {
    const { labels } = await completeAt(`${DR}spec:\n  host: reviews\n  trafficPolicy:\n    tls:\n      mode: |\n`);
    assert.deepEqual([...labels].sort(), ['DISABLE', 'ISTIO_MUTUAL', 'MUTUAL', 'SIMPLE']);
  });

  test('value position: booleans', async () => {
    assert.deepEqual([...(await completeAt(`${DR}spec:\n  host: reviews\n  trafficPolicy:\n    tls:\n      insecureSkipVerify: |\n`)).labels].sort(), ['false', 'true']);
  });

  test('after a typo: the partial word is what the item replaces', async () => {
    const { items } = await completeAt(`${DR}spec:\n  host: reviews\n  trafic|\n`);
    const item = items.find((i) => i.label === 'trafficPolicy');
    assert.deepEqual(item.textEdit.range, { start: { line: 7, character: 2 }, end: { line: 7, character: 8 } });
    assert.equal(item.textEdit.newText, 'trafficPolicy:\n    ');
  });

  test('flow style: `{host: reviews, |}`', async () => {
    const { items } = await completeAt(`${DR}spec: {host: reviews, |}\n`);
    assert.equal(items.find((i) => i.label === 'subsets').textEdit.newText, 'subsets: ');
    assert.ok(!items.some((i) => i.label === 'host'));
  });

  test('an empty `---` document: snippets and pairs', async () => {
    const { labels } = await completeAt(`${DR}spec:\n  host: reviews\n---\n|`);
    assert.ok(labels.includes('mm-nakabandi') && labels.includes('AuthorizationPolicy'));
  });

  test('kind: choosing one fixes apiVersion too', async () => {
    const { text, items } = await completeAt('apiVersion: networking.istio.io/v1\nkind: Peer|\n');
    const item = items.find((i) => i.label === 'PeerAuthentication');
    assert.equal(applyEdits(text, [item.textEdit, ...item.additionalTextEdits]), 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n');
  });

  test('subset names from the DestinationRule of the route\'s host, in another open file', async () => {
    const { labels } = await completeAt(`${VS}spec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: |\n`);
    assert.deepEqual(labels, ['v1', 'v2']);
  });

  test('hosts and gateways from the workspace', async () => {
    assert.deepEqual([...(await completeAt(`${VS}spec:\n  hosts:\n  - |\n`)).labels].sort(), ['api.payments.example.com', 'reviews', 'reviews.prod.svc.cluster.local']);
    assert.deepEqual([...(await completeAt(`${VS}spec:\n  gateways: [|]\n`)).labels].sort(), ['istio-ingress/public', 'mesh']);
  });

  test('service accounts as principals', async () => {
    const { labels } = await completeAt('apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  namespace: prod\nspec:\n  rules:\n  - from:\n    - source:\n        principals: [|]\n');
    assert.ok(labels.includes('cluster.local/ns/prod/sa/bookinfo-productpage'));
  });

  test('a position past the end of the file and an unknown document get answers, not errors', async () => {
    const { uri } = await completeAt('apiVersion: v1\n|');
    const past = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 99, character: 99 } });
    assert.ok(past === null || Array.isArray(past.items ?? past));
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: fileUri('editing/never-opened.yaml') }, position: { line: 0, character: 0 } }), null);
  });
});

describe('code actions', () => {
  /** Applies the first preferred quick fix, validates again, and repeats until nothing is left (or `rounds` run out). */
  async function fixAll(uri, text, rounds = 5) {
    let version = 1;
    client.open(uri, text);
    let { diagnostics } = await client.waitForDiagnostics(uri, { version });
    const titles = [];
    while (diagnostics.length > 0 && rounds-- > 0) {
      // as an editor's light bulb for the whole file: fixes come in the order of their diagnostics
      const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics, only: ['quickfix'] } });
      assert.ok(actions.length > 0, `no fix for ${diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ')}`);
      const action = actions.find((a) => a.isPreferred) ?? actions[0];
      titles.push(action.title);
      text = applyEdits(text, action.edit.changes[uri]);
      client.change(uri, ++version, text);
      ({ diagnostics } = await client.waitForDiagnostics(uri, { version }));
    }
    return { text, diagnostics, titles };
  }

  test('rename, replace an enum value, a duration, unquote a number, move a misplaced field: then clean', async () => {
    const uri = fileUri('editing/fixes.yaml');
    const start = `${SERVICE}---\n${DR}spec:\n  hots: reviews\n  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: "100"\n        consecutiveGatewayErrors: 5\n    tls:\n      mode: istio_mutual\n    outlierDetection:\n      interval: 30\n`;
    const { text, diagnostics, titles } = await fixAll(uri, start, 8);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(titles, [
      'Rename `hots` to `host`',
      'Remove the quotes',
      'Move `consecutiveGatewayErrors` under `spec.trafficPolicy.outlierDetection`',
      'Change to `ISTIO_MUTUAL`',
      'Change to `30s`',
    ]);
    assert.equal(text, `${SERVICE}---\n${DR}spec:\n  host: reviews\n  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: 100\n    tls:\n      mode: ISTIO_MUTUAL\n    outlierDetection:\n      interval: 30s\n      consecutiveGatewayErrors: 5\n`);
  });

  test('missing subset: the fix edits the DestinationRule\'s file, and the route\'s file validates clean', async () => {
    const drUri = fileUri('editing/reviews-dr.yaml');
    const vsUri = fileUri('editing/reviews-vs.yaml');
    const deployments = ['v1', 'v2'].map((v) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews-${v}\n  namespace: prod\nspec:\n  selector:\n    matchLabels: {app: reviews, version: ${v}}\n  template:\n    metadata:\n      labels: {app: reviews, version: ${v}}\n    spec:\n      containers:\n      - name: reviews\n        image: reviews:${v}\n`).join('---\n');
    const drText = `${deployments}---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ratings\n  namespace: prod\nspec:\n  host: ratings\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n`;
    const ratings = SERVICE.replace(/reviews/g, 'ratings');
    client.open(drUri, drText);
    await client.waitForDiagnostics(drUri, { version: 1 });
    client.open(vsUri, `${ratings}---\n${VS.replace(/reviews/g, 'ratings')}spec:\n  hosts: [ratings]\n  http:\n  - route:\n    - destination:\n        host: ratings\n        subset: v2\n`);
    const { diagnostics } = await client.waitForDiagnostics(vsUri, { version: 1 });
    const missing = diagnostics.filter((d) => d.code === 'IST0101');
    assert.equal(missing.length, 1);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: vsUri }, range: missing[0].range, context: { diagnostics: missing } });
    const add = actions.find((a) => a.title === 'Add subset `v2` to DestinationRule prod/ratings');
    assert.ok(add, actions.map((a) => a.title).join(', '));
    assert.deepEqual(Object.keys(add.edit.changes), [drUri]);
    const fixed = applyEdits(drText, add.edit.changes[drUri]);
    assert.ok(fixed.endsWith('  - name: v1\n    labels:\n      version: v1\n  - name: v2\n    labels:\n      version: v2\n'));
    client.mark(vsUri);
    client.change(drUri, 2, fixed);
    const after = await client.waitForDiagnostics(vsUri, { predicate: (p) => !p.diagnostics.some((d) => d.code === 'IST0101') });
    assert.deepEqual(after.diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(drUri, { version: 2 })).diagnostics, []);
  });

  test('asking only for refactorings gets no quick fixes', async () => {
    const uri = fileUri('editing/only.yaml');
    client.open(uri, `${DR}spec:\n  hots: reviews\n`);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['refactor'] } });
    assert.deepEqual(actions, []);
  });
});

describe('formatting', () => {
  const MESSY = '# routing for reviews\napiVersion: networking.istio.io/v1   # GA\nkind: VirtualService\nmetadata:\n    name: reviews\nspec:\n    hosts:\n    - reviews   # short name\n    http:\n    -   route:\n        -   destination:\n                host: reviews\n';
  const TIDY = '# routing for reviews\napiVersion: networking.istio.io/v1 # GA\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts:\n  - reviews # short name\n  http:\n  - route:\n    - destination:\n        host: reviews\n';

  test('formats with the editor\'s options and keeps comments', async () => {
    const uri = fileUri('editing/format.yaml');
    client.open(uri, MESSY);
    const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(applyEdits(MESSY, edits), TIDY);
  });

  test('mumbaiMesh.format.enable: false turns it off', async () => {
    const uri = fileUri('editing/format-off.yaml');
    client.open(uri, MESSY);
    settings = { mumbaiMesh: { format: { enable: false } } };
    client.changeConfiguration(settings);
    const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits, []);
    settings = { mumbaiMesh: {} };
    client.changeConfiguration(settings);
  });
});
