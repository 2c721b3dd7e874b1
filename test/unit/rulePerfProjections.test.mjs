// Derived data with early cut-off: workloads are a projection (identity, pod labels and
// annotations, declared ports, proxy), and derived registries keep their previous value
// when a rebuild gives the same data. An edit outside what a check read (a replica count,
// a probe period, a route timeout) therefore leaves the checks of other resources alone,
// while an edit inside it (a pod label, a container port, a subset) runs them again with
// new findings. Counts come from wrapped rules, findings are compared with a fresh index.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { core, service, settingsFrom } from '../support/core.mjs';

const SERVICE_URI = 'file:///work/service.yaml';
const APP_URI = 'file:///work/deployment.yaml';
const POLICY_URI = 'file:///work/policy.yaml';
const ROUTES_URI = 'file:///work/routes.yaml';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ledger\n  namespace: payments\nspec:\n  selector: {app: ledger}\n  ports:\n  - name: grpc\n    port: 9090\n';
const POLICY = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: ledger\n  namespace: payments\nspec:\n  selector:\n    matchLabels: {app: ledger}\n  rules:\n  - from:\n    - source:\n        principals: [cluster.local/ns/payments/sa/api]\n';
const deployment = ({ replicas = 2, app = 'ledger', port = 9090, period = 10 } = {}) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ledger\n  namespace: payments\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: ${app}}\n  template:\n    metadata:\n      labels: {app: ${app}}\n      annotations: {sidecar.istio.io/inject: "true"}\n    spec:\n      containers:\n      - name: ledger\n        image: example/ledger:1.0\n        ports:\n        - name: grpc\n          containerPort: ${port}\n        readinessProbe:\n          periodSeconds: ${period}\n`;

const virtualService = (name, timeout) => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ${name}\nspec:\n  hosts: [${name}]\n  http:\n  - timeout: ${timeout}s\n    route:\n    - destination:\n        host: ${name}\n        subset: v2\n`;
const destinationRule = (subsets) => `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n  subsets:\n${subsets.map((s) => `  - name: ${s}\n    labels: {version: ${s}}\n`).join('')}`;

/** The rules, each wrapped to count its checks per `code:kind`. */
function countingRules() {
  const counts = new Map();
  const rules = core.RULES.map((rule) => ({
    ...rule,
    check(ctx) {
      const key = `${rule.code}:${ctx.resource.resource.kind}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return rule.check(ctx);
    },
  }));
  return { rules, counts, count: (key) => counts.get(key) ?? 0 };
}

function workspace(settings) {
  const index = new core.WorkspaceIndex(settings.defaultNamespace);
  const files = new Map();
  const set = (uri, text) => {
    const file = service.analyze(text, settings, files.get(uri));
    files.set(uri, file);
    index.setFile(uri, file);
  };
  /** Findings of `uri` through the long-lived index, checked against a fresh one. */
  const run = (uri, rules) => {
    const found = core.runRules(uri, index, settings, rules);
    const fresh = new core.WorkspaceIndex(settings.defaultNamespace);
    for (const [u, f] of files) fresh.setFile(u, f);
    assert.deepEqual(found, core.runRules(uri, fresh, settings, core.RULES), 'same findings as a fresh index');
    return found;
  };
  return { index, set, run };
}

const codes = (findings) => findings.map((f) => f.code).sort();

describe('projections and early cut-off', () => {
  const settings = settingsFrom({});

  test('a replica count or probe edit re-runs no workload check of the Service and the policy', () => {
    const { rules, count } = countingRules();
    const ws = workspace(settings);
    ws.set(SERVICE_URI, SERVICE);
    ws.set(POLICY_URI, POLICY);
    ws.set(APP_URI, deployment());
    const service = ws.run(SERVICE_URI, rules);
    const policy = ws.run(POLICY_URI, rules);
    const before = { mm321: count('MM321:Service'), ist0127: count('IST0127:AuthorizationPolicy'), mm408: count('MM408:AuthorizationPolicy') };
    assert.ok(before.mm321 > 0 && before.ist0127 > 0);
    ws.set(APP_URI, deployment({ replicas: 5 }));
    assert.deepEqual(ws.run(SERVICE_URI, rules), service);
    assert.deepEqual(ws.run(POLICY_URI, rules), policy);
    ws.set(APP_URI, deployment({ replicas: 5, period: 30 }));
    assert.deepEqual(ws.run(SERVICE_URI, rules), service);
    assert.deepEqual(ws.run(POLICY_URI, rules), policy);
    assert.equal(count('MM321:Service'), before.mm321, 'the target port check did not run again');
    assert.equal(count('IST0127:AuthorizationPolicy'), before.ist0127, 'the policy match check did not run again');
    assert.equal(count('MM408:AuthorizationPolicy'), before.mm408);
  });

  test('a container port edit re-runs the target port check and changes its finding', () => {
    const { rules, count } = countingRules();
    const ws = workspace(settings);
    ws.set(SERVICE_URI, SERVICE);
    ws.set(APP_URI, deployment({ port: 9090 }));
    assert.deepEqual(codes(ws.run(SERVICE_URI, rules)).filter((c) => c === 'MM321'), []);
    const ran = count('MM321:Service');
    ws.set(APP_URI, deployment({ port: 9091 }));
    assert.deepEqual(codes(ws.run(SERVICE_URI, rules)).filter((c) => c === 'MM321'), ['MM321'], 'port 9090 is no longer declared');
    assert.ok(count('MM321:Service') > ran);
    ws.set(APP_URI, deployment({ port: 9090 }));
    assert.deepEqual(codes(ws.run(SERVICE_URI, rules)).filter((c) => c === 'MM321'), []);
  });

  test('a pod label edit re-runs the policy check: the selector stops and starts matching', () => {
    const { rules, count } = countingRules();
    const ws = workspace(settings);
    ws.set(POLICY_URI, POLICY);
    ws.set(APP_URI, deployment());
    const matched = (findings) => !findings.some((f) => f.code === 'IST0127');
    assert.ok(matched(ws.run(POLICY_URI, rules)));
    const ran = count('IST0127:AuthorizationPolicy');
    ws.set(APP_URI, deployment({ app: 'ledger-v2' }));
    assert.ok(!matched(ws.run(POLICY_URI, rules)), 'no workload has app=ledger any more');
    assert.ok(count('IST0127:AuthorizationPolicy') > ran);
    ws.set(APP_URI, deployment({ replicas: 3 }));
    assert.ok(matched(ws.run(POLICY_URI, rules)));
  });

  test('a route timeout edit leaves the other VirtualServices\' checks alone; a subset edit does not', () => {
    const { rules, count } = countingRules();
    const ws = workspace(settings);
    ws.set(ROUTES_URI, `${virtualService('reviews', 5)}---\n${virtualService('ratings', 5)}`);
    ws.set('file:///work/dr.yaml', destinationRule(['v1']));
    const subsetMissing = (findings) => findings.filter((f) => f.code === 'IST0101' && /subset `v2`/.test(f.message)).length;
    assert.equal(subsetMissing(ws.run(ROUTES_URI, rules)), 2);
    const ran = count('IST0101:VirtualService');
    const hostChecks = count('IST0109:VirtualService');
    ws.set(ROUTES_URI, `${virtualService('reviews', 7)}---\n${virtualService('ratings', 5)}`);
    assert.equal(subsetMissing(ws.run(ROUTES_URI, rules)), 2);
    // only the edited VirtualService's own checks ran: one per rule code
    assert.equal(count('IST0109:VirtualService'), hostChecks + 1, 'the mesh host check ran for the edited VirtualService only');
    const afterTimeout = count('IST0101:VirtualService');
    ws.set('file:///work/dr.yaml', destinationRule(['v1', 'v2']));
    assert.equal(subsetMissing(ws.run(ROUTES_URI, rules)), 1, 'reviews has subset v2 now; ratings has no DestinationRule');
    assert.ok(count('IST0101:VirtualService') > afterTimeout);
    assert.ok(afterTimeout > ran);
  });
});
