// runRules remembers each check's findings with what the check read from the workspace
// index (kinds, or everything) and reuses them until one of those changes. These tests
// prove the invalidation: a change to a kind a check read brings new findings, a change to
// another kind reuses the old ones without running the check, and new settings or a new
// index run everything again.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { core, service, settingsFrom } from '../support/core.mjs';

const VS_URI = 'file:///work/virtual-service.yaml';
const DR_URI = 'file:///work/destination-rule.yaml';
const APP_URI = 'file:///work/deployment.yaml';

const VIRTUAL_SERVICE = 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n      weight: 90\n    - destination:\n        host: reviews\n        subset: v2\n      weight: 10\n';
const subset = (v) => `  - name: ${v}\n    labels:\n      version: ${v}\n`;
const destinationRule = (versions, namespace = 'default') => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: ${namespace}\nspec:\n  host: reviews\n  subsets:\n${versions.map(subset).join('')}`;
const deployment = (replicas) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ratings\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: ratings}\n  template:\n    metadata:\n      labels: {app: ratings}\n    spec:\n      containers:\n      - name: ratings\n        image: ratings:v1\n`;

/** The rules, each wrapped to count its checks per resource kind. */
function countingRules() {
  const counts = new Map();
  const rules = core.RULES.map((rule) => ({
    ...rule,
    appliesTo: (entry) => rule.appliesTo(entry),
    check(ctx) {
      const key = `${rule.code}:${ctx.resource.resource.kind}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return rule.check(ctx);
    },
  }));
  return { rules, counts };
}

/** A workspace of three files, edited through `analyze` with the previous analysis as an editor would. */
function workspace(settings, defaultNamespace = settings.defaultNamespace) {
  const index = new core.WorkspaceIndex(defaultNamespace);
  const files = new Map();
  const set = (uri, text) => {
    const file = service.analyze(text, settings, files.get(uri));
    files.set(uri, file);
    index.setFile(uri, file);
  };
  return { index, set };
}

const subsetFindings = (findings) => findings.filter((f) => f.code === 'IST0101' && /subset `v2`/.test(f.message));

describe('rule cache invalidation', () => {
  const settings = settingsFrom({});

  test('a DestinationRule change in another file brings the VirtualService finding and takes it away', () => {
    const { rules } = countingRules();
    const ws = workspace(settings);
    ws.set(VS_URI, VIRTUAL_SERVICE);
    ws.set(DR_URI, destinationRule(['v1']));
    ws.set(APP_URI, deployment(2));
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, settings, rules)).length, 1, 'subset v2 missing');
    ws.set(DR_URI, destinationRule(['v1', 'v2']));
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, settings, rules)).length, 0, 'subset v2 added');
    ws.set(DR_URI, destinationRule(['v1']));
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, settings, rules)).length, 1, 'subset v2 removed again');
    // and the same through the service's diagnostics
    const file = service.analyze(VIRTUAL_SERVICE, settings);
    assert.ok(service.diagnostics(file, settings, { uri: VS_URI, index: ws.index }).some((d) => d.code === 'IST0101'));
  });

  test('an edit to an unrelated Deployment reuses the VirtualService findings without running the subset check', () => {
    const { rules } = countingRules();
    let subsetChecks = 0;
    const ws = workspace(settings);
    ws.set(VS_URI, VIRTUAL_SERVICE);
    ws.set(DR_URI, destinationRule(['v1']));
    ws.set(APP_URI, deployment(2));
    const counted = rules.map((rule, i) => (core.RULES[i].code !== 'IST0101' ? rule : {
      ...rule,
      check(ctx) {
        const found = rule.check(ctx);
        if (ctx.resource.resource.kind === 'VirtualService' && found.some((f) => /subset/.test(f.message))) subsetChecks++;
        return found;
      },
    }));
    const before = core.runRules(VS_URI, ws.index, settings, counted);
    assert.equal(subsetChecks, 1);
    assert.equal(subsetFindings(before).length, 1);
    ws.set(APP_URI, deployment(3));
    const after = core.runRules(VS_URI, ws.index, settings, counted);
    assert.deepEqual(after, before);
    assert.equal(subsetChecks, 1, 'the subset check did not run again');
    // a DestinationRule change does run it again
    ws.set(DR_URI, destinationRule(['v1', 'v3']));
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, settings, counted)).length, 1);
    assert.equal(subsetChecks, 2, 'the subset check ran after the DestinationRule changed');
  });

  test('a Deployment edit leaves the findings of every VirtualService check identical', () => {
    const { rules, counts } = countingRules();
    const ws = workspace(settings);
    ws.set(VS_URI, VIRTUAL_SERVICE);
    ws.set(DR_URI, destinationRule(['v1']));
    ws.set(APP_URI, deployment(2));
    const total = () => [...counts.values()].reduce((a, b) => a + b, 0);
    const before = core.runRules(VS_URI, ws.index, settings, rules);
    const first = total();
    assert.ok(first > 0);
    ws.set(APP_URI, deployment(5));
    assert.deepEqual(core.runRules(VS_URI, ws.index, settings, rules), before);
    // only the checks that read workloads (the service registry includes them) run again
    const again = total() - first;
    assert.ok(again < first, `${again} of ${first} checks ran again`);
    ws.set(APP_URI, deployment(5));
    assert.deepEqual(core.runRules(VS_URI, ws.index, settings, rules), before);
  });

  test('new settings, or a new index with another default namespace, run the checks again', () => {
    const { rules, counts } = countingRules();
    const ws = workspace(settings);
    ws.set(VS_URI, VIRTUAL_SERVICE);
    ws.set(DR_URI, destinationRule(['v1', 'v2'], 'prod'));
    // the VirtualService is in `default`: no DestinationRule there for reviews
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, settings, rules)).length, 1);
    const ran = counts.get('IST0101:VirtualService');
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, settings, rules)).length, 1);
    assert.equal(counts.get('IST0101:VirtualService'), ran, 'same settings, same index: reused');

    const off = settingsFrom({ rules: { IST0101: 'off' } });
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, off, rules)).length, 0, 'rule turned off');
    const other = settingsFrom({});
    assert.equal(subsetFindings(core.runRules(VS_URI, ws.index, other, rules)).length, 1, 'rule back on');
    assert.ok(counts.get('IST0101:VirtualService') > ran, 'new settings ran the checks again');

    const prodSettings = settingsFrom({ defaultNamespace: 'prod' });
    const prod = workspace(prodSettings);
    prod.set(VS_URI, VIRTUAL_SERVICE);
    prod.set(DR_URI, destinationRule(['v1', 'v2'], 'prod'));
    const ranBefore = counts.get('IST0101:VirtualService');
    assert.equal(subsetFindings(core.runRules(VS_URI, prod.index, prodSettings, rules)).length, 0, 'in prod the subset exists');
    assert.ok(counts.get('IST0101:VirtualService') > ranBefore, 'a new index ran the checks again');
  });

  test('a document moving within its file keeps cached findings at the right offsets', () => {
    const { rules } = countingRules();
    const ws = workspace(settings);
    ws.set(VS_URI, `${deployment(2)}---\n${VIRTUAL_SERVICE}`);
    ws.set(DR_URI, destinationRule(['v1']));
    const before = subsetFindings(core.runRules(VS_URI, ws.index, settings, rules));
    assert.equal(before.length, 1);
    // the Deployment above grows by a line: the VirtualService document moves down
    const moved = `${deployment(2).replace('spec:\n  replicas', 'spec:\n  minReadySeconds: 10\n  replicas')}---\n${VIRTUAL_SERVICE}`;
    ws.set(VS_URI, moved);
    const after = subsetFindings(core.runRules(VS_URI, ws.index, settings, rules));
    assert.equal(after.length, 1);
    assert.equal(after[0].start - before[0].start, '  minReadySeconds: 10\n'.length);
    assert.equal(moved.slice(after[0].start, after[0].end), 'v2');
  });
  test('a namespace coming into use or going out of use re-runs the AuthorizationPolicy namespace check', () => {
    const { rules } = countingRules();
    const ws = workspace(settings);
    const AP_URI = 'file:///work/policy.yaml';
    const SVC_URI = 'file:///work/service.yaml';
    ws.set(AP_URI, 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: allow-prod\nspec:\n  rules:\n  - from:\n    - source:\n        namespaces: [payments]\n');
    const service = (ns) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: ${ns}\nspec:\n  ports:\n  - name: http\n    port: 80\n`;
    const unknown = () => core.runRules(AP_URI, ws.index, settings, rules).filter((f) => f.code === 'IST0101' && /`payments`/.test(f.message));
    ws.set(SVC_URI, service('billing'));
    assert.equal(unknown().length, 1, 'no resource in payments');
    ws.set(SVC_URI, service('payments'));
    assert.equal(unknown().length, 0, 'a Service in payments');
    ws.set(SVC_URI, service('billing'));
    assert.equal(unknown().length, 1, 'payments unused again');
    ws.set(SVC_URI, service('payments'));
    assert.equal(unknown().length, 0);
    ws.index.deleteFile(SVC_URI);
    assert.equal(unknown().length, 1, 'the file with the Service deleted');
  });
});
