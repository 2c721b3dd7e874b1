// Small pure helpers of the schema layer: edit distance for "did you mean", Go durations.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const core = require(join(dirname(fileURLToPath(import.meta.url)), '../../dist/core.js'));

test('editDistance counts a swapped pair as one edit', () => {
  assert.equal(core.editDistance('retries', 'retires'), 1);
  assert.equal(core.editDistance('subset', 'subsets'), 1);
  assert.equal(core.editDistance('', 'abc'), 3);
  assert.equal(core.editDistance('kitten', 'sitting'), 3);
});

test('closestName: case-insensitive, within a budget that grows with length, first of ties', () => {
  assert.equal(core.closestName('subsets', ['host', 'port', 'subset']), 'subset');
  assert.equal(core.closestName('Host', ['host', 'port']), 'host');
  assert.equal(core.closestName('destinaton', ['destination', 'weight']), 'destination');
  assert.equal(core.closestName('name', ['mode', 'port']), undefined);
  assert.equal(core.closestName('flavour', ['host', 'port', 'subset']), undefined);
  assert.equal(core.closestName('portt', ['port', 'ports']), 'port');
});

test('Go durations: accepted and rejected forms', () => {
  for (const [text, nanos] of [['10s', 10e9], ['1m30s', 90e9], ['1.5h', 5400e9], ['100ms', 1e8], ['0s', 0], ['0', 0],
    ['250us', 250e3], ['1h2m3s4ms', 3723004e6], ['-1s', -1e9], ['.5s', 5e8]]) {
    assert.equal(core.parseGoDuration(text), nanos, text);
  }
  for (const text of ['10', '10 s', '1d', '', 's', '.s', '1.5', 'apple', '10S', '1m 30s']) {
    assert.equal(core.isGoDuration(text), false, text);
  }
});

test('suggestGoDuration: near misses get a fix, nonsense does not', () => {
  assert.equal(core.suggestGoDuration(10), '10s');
  assert.equal(core.suggestGoDuration('10'), '10s');
  assert.equal(core.suggestGoDuration('10 sec'), '10s');
  assert.equal(core.suggestGoDuration('2 Minutes'), '2m');
  assert.equal(core.suggestGoDuration('5 ms'), '5ms');
  assert.equal(core.suggestGoDuration('apple'), undefined);
  assert.equal(core.suggestGoDuration(-3), undefined);
});
