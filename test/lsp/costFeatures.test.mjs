// Cost views over stdio (issue 6): textDocument/codeLens and inlay hints carry the core's
// numbers and follow the settings (profile, defaultMesh, cost.inlayHints);
// mumbaiMesh/costSummary gives the workspace total; mumbaiMesh/costReport the page and its
// exports; mumbaiMesh/costChanged (and workspace/codeLens/refresh where the client supports
// it) follows a settings change. Expected values come from the bundled core (dist/core.js)
// run on the same text, plus the hand-computed ones of test/unit/costMeshes.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer, fileUri } from '../support/lspClient.mjs';
import { core } from '../support/core.mjs';

const read = (name) => fs.readFileSync(fileURLToPath(new URL(`../fixtures/cost/${name}`, import.meta.url)), 'utf8');
const NAMESPACE = read('istio-payments/namespace.yaml');
const WORKLOADS = read('istio-payments/workloads.yaml');
const PLAIN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: { app: shop }
  template:
    metadata:
      labels: { app: shop }
    spec:
      containers:
        - name: shop
          image: registry.example/shop:1
`;

const service = core.createMeshService({ validateResource: () => [] });
const analyze = (text) => service.analyze(text, core.DEFAULT_SETTINGS);
const settingsOf = (section) => core.normaliseSettings(section).settings;

/** What the core says for these texts: the report, and each text's lenses. */
function expected(texts, section = {}) {
  const files = texts.map(([name, text]) => ({ name, file: analyze(text) }));
  const resources = files.flatMap(({ name, file }) => file.documents.flatMap((d) => d.analysis.resources.map((resource) => ({ file: name, resource }))));
  const report = core.computeCost(resources, settingsOf(section));
  return {
    report,
    files: Object.fromEntries(files.map(({ name, file }) => [name, file])),
    lenses: Object.fromEntries(files.map(({ name, file }) => [name, core.costCodeLenses(report, file)])),
  };
}

const lensSummary = (lenses) => lenses.map((l) => ({ line: l.range.start.line, title: l.command.title, command: l.command.command, arguments: l.command.arguments }));

/** Records every server message's method, so tests can wait for custom notifications. */
function recordMethods(client) {
  const methods = [];
  const original = client.onMessage.bind(client);
  client.onMessage = (message) => {
    if (typeof message.method === 'string') methods.push(message.method);
    original(message);
  };
  return {
    methods,
    mark: () => methods.length,
    waitFor: (method, from) => client.waitFor(method, () => (methods.slice(from).includes(method) ? true : undefined), () => JSON.stringify(methods.slice(from))),
  };
}

async function openAll(client, docs) {
  for (const [uri, text] of docs) client.open(uri, text);
  for (const [uri] of docs) await client.waitForDiagnostics(uri, { version: 1 });
}

const codeLens = (client, uri) => client.request('textDocument/codeLens', { textDocument: { uri } });

test('capabilities: codeLensProvider and inlayHintProvider', async (t) => {
  const client = await startServer();
  t.after(() => client.shutdown());
  const { capabilities } = client.initializeResult;
  assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
  assert.deepEqual(capabilities.inlayHintProvider, { resolveProvider: false });
});

test('textDocument/codeLens: one lens per meshed workload with the core\'s numbers; it follows profile and defaultMesh', async (t) => {
  let section = {};
  const client = await startServer({ settings: () => section });
  t.after(() => client.shutdown());
  const events = recordMethods(client);
  const ns = fileUri('cost/namespace.yaml');
  const workloads = fileUri('cost/workloads.yaml');
  const plain = fileUri('cost/plain.yaml');
  await openAll(client, [[ns, NAMESPACE], [workloads, WORKLOADS], [plain, PLAIN]]);
  const texts = [['ns', NAMESPACE], ['workloads', WORKLOADS], ['plain', PLAIN]];

  const lenses = await codeLens(client, workloads);
  // hand-computed (test/unit/costMeshes.test.mjs): 3 × (182.50 + 31.94) = 643.32
  assert.deepEqual(lensSummary(lenses)[0], { line: 1, title: 'Istio sidecar ×3 · 300m CPU · 384Mi · ₹643/month (aws-mumbai)', command: 'mumbaiMesh.showCostReport', arguments: ['Deployment/payments/api'] });
  assert.deepEqual(lenses, expected(texts).lenses.workloads);
  assert.equal(lenses.length, 3, 'api, cpu-only, limit-only; opted-out is not in the mesh');
  assert.deepEqual(await codeLens(client, plain), [], 'no lens on a workload that is not in a mesh');
  assert.deepEqual(await codeLens(client, ns), [], 'no lens on a Namespace');

  // profile: the same workloads at GCP prices
  let from = events.mark();
  section = { cost: { profile: 'gcp-mumbai' } };
  client.changeConfiguration({ mumbaiMesh: section }, null);
  await events.waitFor('mumbaiMesh/costChanged', from);
  const gcp = await codeLens(client, workloads);
  assert.deepEqual(gcp, expected(texts, section).lenses.workloads);
  assert.match(gcp[0].command.title, /\(gcp-mumbai\)$/);
  assert.notDeepEqual(gcp[0].command.title, lenses[0].command.title);

  // defaultMesh: the unannotated Deployment gets Istio's chart defaults, 2 × 214.44 = 428.88
  from = events.mark();
  section = { defaultMesh: 'istio' };
  client.changeConfiguration({ mumbaiMesh: section }, null);
  await events.waitFor('mumbaiMesh/costChanged', from);
  const plainLenses = await codeLens(client, plain);
  assert.deepEqual(lensSummary(plainLenses), [{ line: 0, title: 'Istio sidecar ×2 · 200m CPU · 256Mi · ₹429/month (aws-mumbai)', command: 'mumbaiMesh.showCostReport', arguments: ['Deployment/shop/shop'] }]);
  assert.deepEqual(plainLenses, expected(texts, section).lenses.plain);
});

test('mumbaiMesh/costSummary: the workspace total of the core, for the active profile', async (t) => {
  let section = {};
  const client = await startServer({ settings: () => section });
  t.after(() => client.shutdown());
  await openAll(client, [[fileUri('sum/namespace.yaml'), NAMESPACE], [fileUri('sum/workloads.yaml'), WORKLOADS]]);
  const texts = [['ns', NAMESPACE], ['workloads', WORKLOADS]];

  const summary = await client.request('mumbaiMesh/costSummary', {});
  // 643.32 + 182.50 + 63.88 + istiod 1423.50 (hand-computed, test/unit/costMeshes.test.mjs)
  assert.equal(summary.monthlyCost, 2313.2);
  assert.equal(summary.monthlyMinor, core.moneyTotal(expected(texts).report.total.money));
  assert.deepEqual([summary.profile, summary.currency, summary.text, summary.label, summary.workloads], ['aws-mumbai', 'INR', '₹2,313/month', '₹2,313/month · aws-mumbai', 3]);
  assert.deepEqual(summary.byMesh.map((m) => [m.mesh, m.monthlyMinor]), [['istio', 231320]]);
  assert.match(summary.tooltip, /₹2,313\.20\/month/);

  section = { cost: { profile: 'custom', customPrices: { currency: 'USD', cpuPerVcpuHour: 0.04, memoryPerGiBHour: 0.005 } } };
  client.changeConfiguration({ mumbaiMesh: section }, null);
  const custom = await client.request('mumbaiMesh/costSummary', null);
  assert.equal(custom.monthlyMinor, core.moneyTotal(expected(texts, section).report.total.money));
  assert.deepEqual([custom.profile, custom.currency], ['custom', 'USD']);
  assert.match(custom.label, /^\$[\d,.]+\/month · custom$/);
});

test('mumbaiMesh/costReport: the page with the given nonce, CSV and the contract JSON; junk params get null', async (t) => {
  const client = await startServer({ settings: { mumbaiMesh: {} } });
  t.after(() => client.shutdown());
  await openAll(client, [[fileUri('report/namespace.yaml'), NAMESPACE], [fileUri('report/workloads.yaml'), WORKLOADS]]);
  const nonce = 'AbCdEfGhIjKlMnOpQrStUvWx';
  const result = await client.request('mumbaiMesh/costReport', { nonce, cspSource: 'vscode-webview://test', focusWorkload: 'Deployment/payments/api' });
  assert.ok(result.html.includes(`script-src 'nonce-${nonce}'`));
  assert.match(result.html, /<tr id="w-\d+" data-workload="Deployment\/payments\/api" data-monthly-minor="64332" class="focus"/);
  assert.match(result.html, /<svg class="chart" id="chart-namespace"/);
  const json = JSON.parse(result.json);
  assert.deepEqual(json.total, { cpuMillicores: 900, memoryMiB: 2688, monthlyCost: 2313.2 });
  assert.deepEqual(json.workloads.map((w) => [w.name, w.monthlyCost]), [['api', 643.32], ['cpu-only', 182.5], ['limit-only', 63.88]]);
  assert.deepEqual(json.compare.map((r) => r.mesh), ['istio', 'istio-ambient', 'linkerd', 'consul', 'none']);
  assert.match(result.csv, /\r\ntotal,,,,,,,900,2688,2313\.20,INR,aws-mumbai\r\n/);
  assert.equal(result.profile, 'aws-mumbai');
  // VS Code for the web gives a list of sources
  const web = await client.request('mumbaiMesh/costReport', { nonce, cspSource: "'self' https://*.vscode-cdn.net" });
  assert.ok(web.html.includes(`style-src 'self' https://*.vscode-cdn.net 'nonce-${nonce}'`));

  for (const junk of [null, {}, { nonce: 'short', cspSource: 'x' }, { nonce, cspSource: "x' 'unsafe-inline" }, { nonce, cspSource: "'self' 'unsafe-inline'" }, { nonce, cspSource: 'a; script-src *' }, 42]) {
    assert.equal(await client.request('mumbaiMesh/costReport', junk), null, JSON.stringify(junk));
  }
  assert.equal((await client.request('mumbaiMesh/costSummary', {})).monthlyCost, 2313.2, 'still answering');
});

test('inlay hints: only with mumbaiMesh.cost.inlayHints, after each proxy resource annotation', async (t) => {
  let section = {};
  const client = await startServer({ settings: () => section });
  t.after(() => client.shutdown());
  const workloads = fileUri('hints/workloads.yaml');
  await openAll(client, [[fileUri('hints/namespace.yaml'), NAMESPACE], [workloads, WORKLOADS]]);
  const range = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
  const hints = () => client.request('textDocument/inlayHint', { textDocument: { uri: workloads }, range });
  assert.deepEqual(await hints(), []);

  section = { cost: { inlayHints: true } };
  client.changeConfiguration({ mumbaiMesh: section }, null);
  const shown = await hints();
  const lines = WORKLOADS.split('\n');
  const line = (text) => lines.findIndex((l) => l.includes(text));
  // proxyCPU 50m × 2 replicas = 182.50; proxyMemoryLimit 256Mi stands in for the request: 63.88
  assert.deepEqual(shown.map((h) => [h.position.line, h.position.character, h.label]), [
    [line('sidecar.istio.io/proxyCPU'), lines[line('sidecar.istio.io/proxyCPU')].length, '₹182.50/month'],
    [line('sidecar.istio.io/proxyMemoryLimit'), lines[line('sidecar.istio.io/proxyMemoryLimit')].length, '₹63.88/month'],
  ]);
  const { report, files } = expected([['ns', NAMESPACE], ['workloads', WORKLOADS]], section);
  assert.deepEqual(shown, core.costInlayHints(report, files.workloads));
});

test('a client with codeLens refresh support is asked to refresh after a settings change', async (t) => {
  let section = {};
  const client = await startServer({
    settings: () => section,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  t.after(() => client.shutdown());
  const events = recordMethods(client);
  const uri = fileUri('refresh/workloads.yaml');
  await openAll(client, [[uri, WORKLOADS]]);
  const from = events.mark();
  section = { defaultMesh: 'istio' };
  client.changeConfiguration({ mumbaiMesh: section }, null);
  await events.waitFor('workspace/codeLens/refresh', from);
  await events.waitFor('workspace/inlayHint/refresh', from);
  await events.waitFor('mumbaiMesh/costChanged', from);
  // without the Namespace file the workloads are meshed only through defaultMesh
  assert.deepEqual(await codeLens(client, uri), expected([['w', WORKLOADS]], section).lenses.w);
  assert.equal((await codeLens(client, uri)).length, 3, 'opted-out keeps its sidecar.istio.io/inject=false');
});
