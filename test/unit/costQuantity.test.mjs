// Kubernetes quantities, parsed exactly as the API server would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../fixtures/cost/loadWorkspace.mjs';

test('CPU quantities in whole millicores, rounded up', () => {
  const cases = [['100m', 100], ['0.5', 500], ['1', 1000], [2, 2000], [0.25, 250], ['1.5', 1500], ['1e3', 1000000], ['2k', 2000000], ['0.0001', 1], ['100u', 1], ['0', 0], ['.5', 500], ['1500m', 1500]];
  for (const [input, expected] of cases) assert.equal(core.parseCpuMillicores(input), expected, String(input));
});

test('memory quantities in whole bytes, binary and decimal suffixes', () => {
  const Mi = 1024 * 1024;
  const cases = [['128Mi', 128 * Mi], ['1Gi', 1024 * Mi], ['1.5Gi', 1536 * Mi], ['1G', 1e9], ['300M', 3e8], ['64Ki', 65536], ['1e3', 1000], ['12E-1', 2], [1024, 1024], ['0.5Mi', Mi / 2]];
  for (const [input, expected] of cases) assert.equal(core.parseMemoryBytes(input), expected, String(input));
});

test('not quantities', () => {
  for (const bad of ['', 'abc', '10 m', '-1', '1.2.3', '5mi', '1e', 'Mi', null, undefined, {}, -3, Number.NaN, '1e999', 'x'.repeat(80)]) {
    assert.equal(core.parseCpuMillicores(bad), undefined, JSON.stringify(bad));
    assert.equal(core.parseMemoryBytes(bad), undefined, JSON.stringify(bad));
  }
});

test('formatting back to quantities', () => {
  assert.equal(core.formatCpu(25), '25m');
  assert.equal(core.formatCpu(2000), '2');
  assert.equal(core.formatMemory(64 * 1024 * 1024), '64Mi');
  assert.equal(core.formatMemory(1024 ** 3), '1Gi');
  assert.equal(core.formatMemory(1536), '1536');
});
