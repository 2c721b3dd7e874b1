// The cost settings added to mumbaiMesh: defaults, per-field fallbacks with one warning
// each, and Helm-like proxy default overrides (a field left out keeps the chart default,
// null removes it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, costJson, fixture, settings } from '../fixtures/cost/loadWorkspace.mjs';

test('defaults', () => {
  const { cost } = core.DEFAULT_SETTINGS;
  assert.deepEqual([cost.nodes, cost.jobDuty, cost.expectedRps, cost.rightSizingFactor], [3, 0, null, 2]);
  assert.deepEqual(cost.proxyDefaults.istio, { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } });
  assert.deepEqual(cost.controlPlane, {});
  assert.deepEqual(core.normaliseSettings({}).settings, core.DEFAULT_SETTINGS);
});

test('bad values fall back one field at a time, with a warning each', () => {
  const { settings: s, warnings } = core.normaliseSettings({
    cost: { nodes: 0, jobDuty: 2, expectedRps: -1, rightSizingFactor: 0.5, proxyDefaults: { istio: { requests: { cpu: 'lots' } }, envoy: {} }, controlPlane: { istio: { cpu: '1' }, kuma: {} } },
  });
  assert.deepEqual([s.cost.nodes, s.cost.jobDuty, s.cost.expectedRps, s.cost.rightSizingFactor], [3, 0, null, 2]);
  assert.equal(s.cost.proxyDefaults.istio.requests.cpu, '100m');
  assert.deepEqual(s.cost.controlPlane, {});
  assert.equal(warnings.length, 8);
});

test('proxy defaults merge per field; null removes a default', () => {
  const s = settings({ cost: { proxyDefaults: { istio: { requests: { cpu: '50m' }, limits: { cpu: null } }, linkerd: { requests: { cpu: '100m', memory: '20Mi' }, limits: { memory: '250Mi' } } } } });
  assert.deepEqual(s.cost.proxyDefaults.istio, { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: null, memory: '1024Mi' } });
  assert.deepEqual(s.cost.proxyDefaults.linkerd, { requests: { cpu: '100m', memory: '20Mi' }, limits: { cpu: null, memory: '250Mi' } });
  // Linkerd HA proxy values: cart keeps its own 64Mi, takes 100m from the namespace
  const report = core.computeCost(fixture('istio-payments'), s);
  const api = report.workloads.find((w) => w.name === 'api');
  assert.equal(api.proxyOrigin, 'settings');
  assert.deepEqual(api.proxy.requests, { cpuMillicores: 50, memoryBytes: 128 * 1024 * 1024 });
  // (91.25 + 31.94) × 3
  assert.equal(core.moneyTotal(api.money), 3 * 12319);
});

test('a control-plane override replaces the chart components', () => {
  const json = costJson(fixture('linkerd'), settings({ cost: { controlPlane: { linkerd: { cpu: '2100m', memory: '660Mi' } } } }));
  // 2.1 × 730 × 2.5 = 3832.50; 660/1024 × 730 × 0.35 = 164.68
  assert.deepEqual(json.controlPlane, [{ mesh: 'linkerd', cpuMillicores: 2100, memoryMiB: 660, monthlyCost: 3997.18 }]);
});
