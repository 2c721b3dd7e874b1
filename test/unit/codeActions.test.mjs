// Quick fixes from the pure core: each test takes a manifest with one problem, asks for the
// fixes of its diagnostics, applies the chosen fix's WorkspaceEdit to the text (and to the
// other file it may touch), and validates again: the finding must be gone, nothing new.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { core, service, settingsFrom } from '../support/core.mjs';

const settings = settingsFrom({});
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  selector:\n    app: reviews\n  ports:\n  - name: http\n    port: 9080\n';

/** Diagnostics of every file, analysed together as the editor's workspace would be. */
function check(files) {
  const index = new core.WorkspaceIndex(settings.defaultNamespace);
  const analysed = {};
  for (const [uri, text] of Object.entries(files)) {
    analysed[uri] = service.analyze(text, settings);
    index.setFile(uri, analysed[uri]);
  }
  const diagnostics = {};
  for (const uri of Object.keys(files)) diagnostics[uri] = service.diagnostics(analysed[uri], settings, { uri, index });
  return { index, analysed, diagnostics };
}

function offsetAt(text, position) {
  const lines = core.createLineIndex(text);
  return lines.offsetAt(position);
}

function applyEdit(files, edit) {
  const out = { ...files };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    let text = out[uri] ?? '';
    const placed = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
    for (const e of placed) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    out[uri] = text;
  }
  return out;
}

const URI = 'file:///work/app.yaml';

/** The fixes offered for `code` in `files[URI]`; then the files after applying the one titled `title`. */
function fix(files, code, title) {
  const { index, analysed, diagnostics } = check(files);
  const mine = diagnostics[URI].filter((d) => d.code === code);
  assert.equal(mine.length, 1, `expected one ${code}, got ${JSON.stringify(diagnostics[URI].map((d) => [d.code, d.message]))}`);
  const actions = core.quickFixes({ uri: URI, file: analysed[URI], diagnostics: mine, index });
  const action = actions.find((a) => (title instanceof RegExp ? title.test(a.title) : a.title === title));
  assert.ok(action, `no fix ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(action.kind, 'quickfix');
  assert.deepEqual(action.diagnostics, mine);
  return applyEdit(files, action.edit);
}

/** Every file validates clean. */
function assertClean(files) {
  const { diagnostics } = check(files);
  for (const [uri, list] of Object.entries(diagnostics)) {
    assert.deepEqual(list.map((d) => `${d.code}: ${d.message}`), [], `${uri}:\n${files[uri]}`);
  }
}

const DR = (body, head = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\n') => `${head}metadata:\n  name: reviews\n  namespace: prod\nspec:\n  host: reviews\n${body}`;

describe('schema findings', () => {
  test('unknown field with a close match: rename the key', () => {
    const files = { [URI]: `${SERVICE}---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  hots: reviews\n` };
    const fixed = fix(files, 'MM200', 'Rename `hots` to `host`');
    assert.equal(fixed[URI], files[URI].replace('hots:', 'host:'));
    assertClean(fixed);
  });

  test('misplaced field: move it, with its value, under the block it belongs to (created, emptied block removed)', () => {
    const files = { [URI]: `${SERVICE}---\n${DR('  trafficPolicy:\n    connectionPool:\n      http:\n        consecutiveGatewayErrors: 5\n    tls:\n      mode: ISTIO_MUTUAL\n')}` };
    const fixed = fix(files, 'MM200', 'Move `consecutiveGatewayErrors` under `spec.trafficPolicy.outlierDetection`');
    assert.equal(fixed[URI], `${SERVICE}---\n${DR('  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n    outlierDetection:\n      consecutiveGatewayErrors: 5\n')}`);
    assertClean(fixed);
  });

  test('misplaced field: move into an existing block, keeping the siblings it leaves', () => {
    const files = { [URI]: `${SERVICE}---\n${DR('  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: 10\n        consecutiveGatewayErrors: 5 # from the incident review\n    outlierDetection:\n      interval: 10s\n')}` };
    const fixed = fix(files, 'MM200', /^Move/);
    assert.equal(fixed[URI], `${SERVICE}---\n${DR('  trafficPolicy:\n    connectionPool:\n      http:\n        http1MaxPendingRequests: 10\n    outlierDetection:\n      interval: 10s\n      consecutiveGatewayErrors: 5 # from the incident review\n')}`);
    assertClean(fixed);
  });

  test('a string that should be a number: unquote', () => {
    const files = { [URI]: `${SERVICE}---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        port:\n          number: "9080"\n` };
    const fixed = fix(files, 'MM201', 'Remove the quotes');
    assert.ok(fixed[URI].includes('number: 9080\n'));
    assertClean(fixed);
  });

  test('a number that should be a string (an unquoted annotation value): quote', () => {
    const files = { [URI]: `${SERVICE}---\n${DR('', 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\n').replace('  namespace: prod\n', '  namespace: prod\n  annotations:\n    owner-team: 42\n')}` };
    const fixed = fix(files, 'MM201', 'Put the value in quotes');
    assert.ok(fixed[URI].includes('owner-team: "42"\n'));
    assertClean(fixed);
  });

  test('bad enum value with a did-you-mean: replace', () => {
    const files = { [URI]: `${SERVICE}---\n${DR('  trafficPolicy:\n    tls:\n      mode: istio_mutual\n')}` };
    const fixed = fix(files, 'MM202', 'Change to `ISTIO_MUTUAL`');
    assert.ok(fixed[URI].includes('mode: ISTIO_MUTUAL\n'));
    assertClean(fixed);
  });

  test('duration suggestion: replace', () => {
    const files = { [URI]: `${SERVICE}---\n${DR('  trafficPolicy:\n    outlierDetection:\n      interval: 10\n')}` };
    const fixed = fix(files, 'MM204', 'Change to `10s`');
    assert.ok(fixed[URI].includes('interval: 10s\n'));
    assertClean(fixed);
  });

  test('deprecated apiVersion: rewrite it', () => {
    const files = { [URI]: `${SERVICE}---\n${DR('', 'apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\n')}` };
    const fixed = fix(files, 'MM300', 'Use apiVersion `networking.istio.io/v1`');
    assertClean(fixed);
  });

  test('apiVersion that does not serve the kind (data.replaceWith on MM207): rewrite it', () => {
    const text = 'apiVersion: networking.istio.io/v9\nkind: Sidecar\n';
    const file = service.analyze(text, settings);
    const diagnostic = { range: { start: { line: 0, character: 12 }, end: { line: 0, character: 34 } }, code: 'MM207', source: 'mumbai-mesh', message: 'x', data: { replaceWith: 'networking.istio.io/v1', served: ['networking.istio.io/v1'] } };
    const [action] = core.quickFixes({ uri: URI, file, diagnostics: [diagnostic] });
    assert.deepEqual(action.edit, { changes: { [URI]: [{ range: diagnostic.range, newText: 'networking.istio.io/v1' }] } });
  });

  test('diagnostics of other tools and without data get no fix', () => {
    const text = `${SERVICE}`;
    const file = service.analyze(text, settings);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.deepEqual(core.quickFixes({ uri: URI, file, diagnostics: [{ range, message: 'x', source: 'yaml', data: { replaceWith: 'y' } }, { range, message: 'x', source: 'mumbai-mesh', code: 'MM200' }] }), []);
  });
});

describe('missing DestinationRule subset (IST0101)', () => {
  const VIRTUAL_SERVICE = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n      weight: 90\n    - destination:\n        host: reviews\n        subset: v2\n      weight: 10\n';
  const DEPLOYMENTS = ['v1', 'v2'].map((v) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews-${v}\n  namespace: prod\nspec:\n  selector:\n    matchLabels: {app: reviews, version: ${v}}\n  template:\n    metadata:\n      labels: {app: reviews, version: ${v}}\n    spec:\n      containers:\n      - name: reviews\n        image: reviews:${v}\n`).join('---\n');
  const OTHER = 'file:///work/destination-rules.yaml';

  test('adds the subset to the host\'s DestinationRule in another file', () => {
    const files = {
      [URI]: VIRTUAL_SERVICE,
      [OTHER]: `${SERVICE}---\n${DEPLOYMENTS}---\n${DR('  subsets:\n    - name: v1\n      labels:\n        version: v1\n')}`,
    };
    const fixed = fix(files, 'IST0101', 'Add subset `v2` to DestinationRule prod/reviews');
    assert.equal(fixed[URI], files[URI]);
    assert.equal(fixed[OTHER], `${files[OTHER]}    - name: v2\n      labels:\n        version: v2\n`);
    assertClean(fixed);
  });

  test('adds `subsets:` when the DestinationRule has none (no final newline either)', () => {
    const files = { [URI]: VIRTUAL_SERVICE.replace('        subset: v1\n', ''), [OTHER]: `${SERVICE}---\n${DEPLOYMENTS}---\n${DR('  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL').trimEnd()}` };
    const fixed = fix(files, 'IST0101', /^Add subset `v2`/);
    assert.ok(fixed[OTHER].endsWith('      mode: ISTIO_MUTUAL\n  subsets:\n  - name: v2\n    labels:\n      version: v2'), fixed[OTHER]);
    assertClean(fixed);
  });

  test('with no DestinationRule for the host, creates one at the end of the file', () => {
    const files = { [URI]: `${SERVICE}---\n${DEPLOYMENTS}---\n${VIRTUAL_SERVICE.replace('        subset: v1\n', '')}` };
    const fixed = fix(files, 'IST0101', 'Create a DestinationRule for `reviews` with subset `v2`');
    assert.ok(fixed[URI].endsWith('---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  host: reviews\n  subsets:\n  - name: v2\n    labels:\n      version: v2\n'), fixed[URI]);
    assertClean(fixed);
  });
});

describe('IST0101 missing Gateway', () => {
  test('adds a Gateway for the VirtualService hosts to this file; the workspace then validates clean', () => {
    const ingress = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istio-ingressgateway\n  namespace: prod\nspec:\n  selector:\n    matchLabels:\n      istio: ingressgateway\n  template:\n    metadata:\n      labels:\n        istio: ingressgateway\n    spec:\n      containers:\n      - name: istio-proxy\n        image: auto\n';
    const vs = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: prod\nspec:\n  hosts:\n  - reviews.mumbai.example\n  gateways:\n  - reviews-gateway\n  http:\n  - route:\n    - destination:\n        host: reviews\n';
    const files = { [URI]: vs, 'file:///work/service.yaml': SERVICE, 'file:///work/ingress.yaml': ingress };
    const fixed = fix(files, 'IST0101', 'Add Gateway `prod/reviews-gateway` to this file');
    assert.match(fixed[URI], /kind: Gateway\nmetadata:\n  name: reviews-gateway\n  namespace: prod\n/);
    assert.match(fixed[URI], /hosts:\n    - reviews\.mumbai\.example\n$/);
    assertClean(fixed);
  });
});
