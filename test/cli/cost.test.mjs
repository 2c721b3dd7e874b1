// `mumbai-mesh cost` as a process: exit codes, the contract's JSON keys, text output.
// MUMBAI_MESH_CLI may point at another build of the CLI (used before `cost` was wired in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.MUMBAI_MESH_CLI ?? path.join(root, 'dist/cli.js');
const fixtures = 'test/fixtures/cost';

function run(args, cwd = root) {
  const r = spawnSync(process.execPath, [cli, 'cost', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const help = run(['--help']);
const notBuilt = help.code === 2 && /not built yet/.test(help.stderr);
if (notBuilt) process.stderr.write('test/cli/cost.test.mjs: SKIPPED — `mumbai-mesh cost` is not wired into dist/cli.js yet.\n');
const skip = notBuilt ? '`mumbai-mesh cost` is not built yet' : false;

test('--help prints the usage', { skip }, () => {
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: mumbai-mesh cost/);
});

test('--format json: exactly the contract\'s keys, hand-computed numbers', { skip }, () => {
  const r = run(['--format', 'json', `${fixtures}/istio-payments`]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const json = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(json), ['profile', 'currency', 'workloads', 'controlPlane', 'total']);
  assert.deepEqual(json.workloads[0], {
    file: `${fixtures}/istio-payments/workloads.yaml`, kind: 'Deployment', namespace: 'payments', name: 'api',
    mesh: 'istio', replicas: 3, proxy: { cpuMillicores: 300, memoryMiB: 384 }, monthlyCost: 643.32,
  });
  assert.deepEqual(json.controlPlane, [{ mesh: 'istio', cpuMillicores: 500, memoryMiB: 2048, monthlyCost: 1423.5 }]);
  assert.deepEqual(json.total, { cpuMillicores: 900, memoryMiB: 2688, monthlyCost: 2313.2 });
  assert.deepEqual([json.profile, json.currency], ['aws-mumbai', 'INR']);
});

test('text output lists each meshed workload, the control plane and the total', { skip }, () => {
  const r = run([`${fixtures}/istio-payments`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /profile aws-mumbai/);
  assert.match(r.stdout, /payments\/Deployment\/api\s+Istio sidecar\s+3\s+300m\s+384Mi\s+643\.32/);
  assert.match(r.stdout, /istiod ×1\s+Istio\s+500m\s+2048Mi\s+1,423\.50/);
  assert.match(r.stdout, /TOTAL\s+900m\s+2688Mi\s+2,313\.20/);
  assert.doesNotMatch(r.stdout, /opted-out/);
});

test('--compare and --tco only add keys', { skip }, () => {
  const r = run(['--format', 'json', '--compare', '--tco', `${fixtures}/istio-payments`]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(json), ['profile', 'currency', 'workloads', 'controlPlane', 'total', 'compare', 'tco']);
  assert.deepEqual(json.compare.map((c) => c.mesh), ['istio', 'istio-ambient', 'linkerd', 'consul', 'none']);
  assert.equal(json.compare[0].total.monthlyCost, json.total.monthlyCost);
  assert.equal(json.tco.infrastructureMonthly, 2313.2);
  assert.equal(json.tco.file, null);
  const text = run(['--compare', `${fixtures}/istio-payments`]).stdout;
  assert.match(text, /Comparison: 3 workloads/);
  assert.match(text, /Istio ambient\s+0m\s+0Mi\s+0\.00\s+3,524\.10\s+3,524\.10\s+P90 \+0\.17 ms, P99 \+0\.2 ms/);
});

test('--tco reads .mumbai-mesh/tco.yaml from the folder given', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mm-tco-'));
  try {
    fs.cpSync(path.join(root, fixtures, 'istio-payments'), dir, { recursive: true });
    fs.mkdirSync(path.join(dir, '.mumbai-mesh'));
    fs.writeFileSync(path.join(dir, '.mumbai-mesh', 'tco.yaml'), 'monthlyCosts: { operations: 10000 }\noneTimeCosts: { training: 50000 }\nmonthlyBenefits: { debuggingTimeSaved: 20000 }\n');
    const r = run(['--format', 'json', '--tco', dir]);
    assert.equal(r.code, 0, r.stderr);
    const { tco } = JSON.parse(r.stdout);
    assert.equal(tco.monthlyCost, 12313.2);
    assert.equal(tco.threeYearCost, 50000 + 36 * 12313.2);
    assert.equal(tco.threeYearBenefit, 720000);
    // 50,000 / (20,000 − 12,313.20) = 6.5… → month 7
    assert.equal(tco.paybackMonth, 7);
    assert.equal(tco.file, path.join(dir, '.mumbai-mesh', 'tco.yaml'));
    const text = run(['--tco', dir]).stdout;
    assert.match(text, /Payback: month 7/);

    fs.writeFileSync(path.join(dir, '.mumbai-mesh', 'tco.yaml'), 'monthlyCosts: { operations: -1 }\n');
    const bad = run(['--tco', dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /tco\.yaml: \/monthlyCosts\/operations must be a non-negative amount/);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--cpu-price / --memory-price / --currency select the custom profile', { skip }, () => {
  const r = run(['--format', 'json', '--cpu-price', '2.5', '--memory-price', '0.35', `${fixtures}/istio-payments`]);
  const named = JSON.parse(run(['--format', 'json', `${fixtures}/istio-payments`]).stdout);
  const custom = JSON.parse(r.stdout);
  assert.equal(custom.profile, 'custom');
  assert.deepEqual({ ...custom, profile: 'aws-mumbai' }, named);
  const usd = JSON.parse(run(['--format', 'json', '--cpu-price', '0.04', '--memory-price', '0.005', '--currency', 'usd', `${fixtures}/hpa`]).stdout);
  assert.equal(usd.currency, 'USD');
  // per pod: 0.1 × 730 × 0.04 = 2.92; 0.125 × 730 × 0.005 = 0.45625 → 0.46; × 4 replicas
  assert.equal(usd.workloads[0].monthlyCost, 13.52);
});

test('--profile and --default-mesh', { skip }, () => {
  const gcp = JSON.parse(run(['--format', 'json', '--profile', 'gcp-mumbai', `${fixtures}/hpa`]).stdout);
  // (0.1 × 730 × 2.2 = 160.60) + (0.125 × 730 × 0.30 = 27.375 → 27.38) = 187.98 × 4
  assert.equal(gcp.workloads[0].monthlyCost, 751.92);
  const none = JSON.parse(run(['--format', 'json', `${fixtures}/istio-payments/workloads.yaml`]).stdout);
  assert.deepEqual(none.workloads, []);
  assert.deepEqual(none.total, { cpuMillicores: 0, memoryMiB: 0, monthlyCost: 0 });
  const linkerd = JSON.parse(run(['--format', 'json', '--default-mesh', 'linkerd', `${fixtures}/istio-payments/workloads.yaml`]).stdout);
  assert.deepEqual(linkerd.workloads.map((w) => w.mesh), ['linkerd', 'linkerd', 'linkerd', 'linkerd']);
});

test('usage errors exit 2 with one line on stderr', { skip }, () => {
  for (const args of [
    [],
    ['--format', 'sarif', fixtures],
    ['--profile', 'oracle-mumbai', fixtures],
    ['--default-mesh', 'kuma', fixtures],
    ['--cpu-price', '2', fixtures],
    ['--cpu-price', 'two', '--memory-price', '1', fixtures],
    ['--currency', 'USD', fixtures],
    ['--profile', 'gcp-mumbai', '--cpu-price', '1', '--memory-price', '1', fixtures],
    ['--bogus', fixtures],
    ['no/such/folder'],
  ]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^mumbai-mesh: .+\n$/, args.join(' '));
  }
});
