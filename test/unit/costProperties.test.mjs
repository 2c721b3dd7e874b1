// Properties of the cost core over generated workloads: totals are the exact sum of their
// parts, doubling replicas doubles a workload's cost, and the custom profile at a named
// profile's prices gives identical numbers. A seeded generator keeps runs reproducible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, costJson, fixture, paise, resourcesFromYaml, settings } from '../fixtures/cost/loadWorkspace.mjs';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CPU = ['10m', '25m', '50m', '100m', '0.1', '0.25', '1', '1500m', '333m'];
const MEMORY = ['16Mi', '64Mi', '100Mi', '128Mi', '0.5Gi', '1G', '300M', '12345Ki', '1e8'];
const MESHES = ['istio', 'istio-ambient', 'linkerd', 'consul'];

function annotationsFor(mesh, pick) {
  const names = {
    istio: ['sidecar.istio.io/proxyCPU', 'sidecar.istio.io/proxyMemory', 'sidecar.istio.io/proxyCPULimit', 'sidecar.istio.io/proxyMemoryLimit'],
    linkerd: ['config.linkerd.io/proxy-cpu-request', 'config.linkerd.io/proxy-memory-request', 'config.linkerd.io/proxy-cpu-limit', 'config.linkerd.io/proxy-memory-limit'],
    consul: ['consul.hashicorp.com/sidecar-proxy-cpu-request', 'consul.hashicorp.com/sidecar-proxy-memory-request', 'consul.hashicorp.com/sidecar-proxy-cpu-limit', 'consul.hashicorp.com/sidecar-proxy-memory-limit'],
  }[mesh];
  if (!names) return {};
  const out = {};
  names.forEach((name, i) => {
    if (pick() < 0.5) out[name] = (i % 2 === 0 ? CPU : MEMORY)[Math.floor(pick() * CPU.length)];
  });
  return out;
}

function injection(mesh) {
  return {
    istio: { labels: { 'sidecar.istio.io/inject': 'true' }, annotations: {} },
    'istio-ambient': { labels: { 'istio.io/dataplane-mode': 'ambient' }, annotations: {} },
    linkerd: { labels: {}, annotations: { 'linkerd.io/inject': 'enabled' } },
    consul: { labels: {}, annotations: { 'consul.hashicorp.com/connect-inject': 'true' } },
  }[mesh];
}

function deployment(name, mesh, replicas, extra) {
  const { labels, annotations } = injection(mesh);
  return JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'gen' },
    spec: { replicas, template: { metadata: { labels, annotations: { ...annotations, ...extra } } } },
  });
}

function generate(seed, count) {
  const pick = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const mesh = MESHES[Math.floor(pick() * MESHES.length)];
    return { name: `w${i}`, mesh, replicas: Math.floor(pick() * 7), extra: annotationsFor(mesh, pick) };
  });
}

const yamlOf = (specs, factor = 1) => specs.map((s) => deployment(s.name, s.mesh, s.replicas * factor, s.extra)).join('\n---\n');

function assertTotalsAddUp(json) {
  const parts = [...json.workloads.map((w) => ({ ...w.proxy, monthlyCost: w.monthlyCost })), ...json.controlPlane];
  assert.equal(paise(json.total.monthlyCost), parts.reduce((s, p) => s + paise(p.monthlyCost), 0));
  assert.equal(json.total.cpuMillicores, parts.reduce((s, p) => s + p.cpuMillicores, 0));
  assert.equal(Math.round(json.total.memoryMiB * 100), parts.reduce((s, p) => s + Math.round(p.memoryMiB * 100), 0));
  for (const p of parts) assert.equal(paise(p.monthlyCost) / 100, p.monthlyCost, 'every amount has at most two decimals');
}

test('totals equal the sum of their parts exactly (generated workspaces, every profile)', () => {
  for (let seed = 1; seed <= 40; seed++) {
    const resources = resourcesFromYaml(yamlOf(generate(seed, 8)));
    for (const profile of ['aws-mumbai', 'azure-india', 'gcp-mumbai']) {
      assertTotalsAddUp(costJson(resources, settings({ cost: { profile, nodes: 1 + (seed % 4), expectedRps: seed % 3 === 0 ? seed * 37 : null } })));
    }
  }
});

test('totals equal the sum of their parts exactly (fixtures, and the comparison rows)', () => {
  const resources = fixture('.');
  assertTotalsAddUp(costJson(resources));
  const json = costJson(resources, settings(), { compare: core.compareMeshes(resources, settings()) });
  for (const row of json.compare) {
    assert.equal(paise(row.total.monthlyCost), paise(row.proxy.monthlyCost) + paise(row.controlPlane.monthlyCost));
    assert.equal(row.total.cpuMillicores, row.proxy.cpuMillicores + row.controlPlane.cpuMillicores);
  }
});

test('doubling replicas doubles each workload\'s cost and resources', () => {
  for (let seed = 100; seed < 140; seed++) {
    const specs = generate(seed, 6);
    const once = costJson(resourcesFromYaml(yamlOf(specs)));
    const twice = costJson(resourcesFromYaml(yamlOf(specs, 2)));
    assert.equal(twice.workloads.length, once.workloads.length);
    once.workloads.forEach((w, i) => {
      const d = twice.workloads[i];
      assert.equal(d.replicas, 2 * w.replicas);
      assert.equal(paise(d.monthlyCost), 2 * paise(w.monthlyCost), `${w.name} (seed ${seed})`);
      assert.equal(d.proxy.cpuMillicores, 2 * w.proxy.cpuMillicores);
      assert.equal(Math.round(d.proxy.memoryMiB * 100), 2 * Math.round(w.proxy.memoryMiB * 100));
    });
  }
});

test('a custom profile at a named profile\'s prices gives identical numbers', () => {
  const resources = [...fixture('.'), ...resourcesFromYaml(yamlOf(generate(7, 10)))];
  for (const [profile, p] of Object.entries(core.PRICE_PROFILES)) {
    const named = costJson(resources, settings({ cost: { profile } }), { compare: core.compareMeshes(resources, settings({ cost: { profile } })) });
    const customSettings = settings({ cost: { profile: 'custom', customPrices: { currency: p.currency, cpuPerVcpuHour: p.cpuPerVcpuHour, memoryPerGiBHour: p.memoryPerGiBHour } } });
    const custom = costJson(resources, customSettings, { compare: core.compareMeshes(resources, customSettings) });
    assert.deepEqual({ ...custom, profile }, named);
  }
});

test('another currency flows through unchanged', () => {
  const s = settings({ cost: { profile: 'custom', customPrices: { currency: 'usd', cpuPerVcpuHour: 0.026199, memoryPerGiBHour: 0.0035107 } } });
  const json = costJson(fixture('istio-payments'), s);
  assert.equal(json.currency, 'USD');
  // api: per pod 0.1 × 730 × 0.026199 = 1.9125 → 1.91; 0.125 × 730 × 0.0035107 = 0.3203 → 0.32
  assert.equal(paise(json.workloads[0].monthlyCost), 3 * 223);
  assertTotalsAddUp(json);
});
