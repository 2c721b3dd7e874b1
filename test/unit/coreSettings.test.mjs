// normaliseSettings: good fields kept, each bad field falls back to its default with
// exactly one warning, and nothing else changes. Compared against DEFAULT_SETTINGS so a
// new setting does not break these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../support/core.mjs';

const { normaliseSettings, DEFAULT_SETTINGS } = core;

test('no settings: the defaults, no warnings', () => {
  for (const raw of [undefined, null, {}]) {
    assert.deepEqual(normaliseSettings(raw), { settings: DEFAULT_SETTINGS, warnings: [] }, String(raw));
  }
});

test('the defaults normalise to themselves without warnings', () => {
  assert.deepEqual(normaliseSettings(structuredClone(DEFAULT_SETTINGS)), { settings: DEFAULT_SETTINGS, warnings: [] });
});

test('a section that is not an object: the defaults and one warning', () => {
  for (const raw of ['strict', 42, ['MM101'], true]) {
    const { settings, warnings } = normaliseSettings(raw);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(warnings.length, 1, JSON.stringify(raw));
  }
});

test('good values are kept; rule codes are upper-cased', () => {
  const { settings, warnings } = normaliseSettings({
    defaultMesh: 'linkerd',
    rules: { mm101: 'off', MM102: 'warning', ist0101: 'hint' },
    maxFileSizeKB: 10,
    aliasBudget: 0,
    validation: { debounceMs: 0 },
    cost: { profile: 'custom', customPrices: { currency: 'usd', cpuPerVcpuHour: 0.05, memoryPerGiBHour: 0 } },
  });
  assert.deepEqual(warnings, []);
  assert.deepEqual(settings, {
    ...DEFAULT_SETTINGS,
    defaultMesh: 'linkerd',
    rules: { MM101: 'off', MM102: 'warning', IST0101: 'hint' },
    maxFileSizeKB: 10,
    aliasBudget: 0,
    validation: { ...DEFAULT_SETTINGS.validation, debounceMs: 0 },
    cost: { ...DEFAULT_SETTINGS.cost, profile: 'custom', customPrices: { currency: 'usd', cpuPerVcpuHour: 0.05, memoryPerGiBHour: 0 } },
  });
});

test('each bad field falls back on its own, with one warning naming it', () => {
  const { settings, warnings } = normaliseSettings({
    defaultMesh: 'kuma', // bad
    rules: { MM101: 'loud', MM102: 'warning', MM104: 3 }, // two bad entries, one good
    maxFileSizeKB: 0, // bad: must be positive
    aliasBudget: -1, // bad
    validation: { debounceMs: 'soon' }, // bad
    cost: {
      profile: 'aws', // bad
      customPrices: { currency: 'RUPEES', cpuPerVcpuHour: -2, memoryPerGiBHour: 0.4 }, // two bad, one good
    },
  });
  const named = (prefix) => warnings.filter((w) => w.startsWith(`mumbaiMesh.${prefix}`));
  for (const prefix of ['defaultMesh', 'rules.MM101', 'rules.MM104', 'maxFileSizeKB', 'aliasBudget', 'validation.debounceMs', 'cost.profile', 'cost.customPrices.currency', 'cost.customPrices.cpuPerVcpuHour']) {
    assert.equal(named(`${prefix}:`).length, 1, `${prefix} in ${JSON.stringify(warnings, null, 1)}`);
  }
  assert.equal(warnings.length, 9, JSON.stringify(warnings, null, 1));
  assert.deepEqual(settings, {
    ...DEFAULT_SETTINGS,
    rules: { MM102: 'warning' },
    cost: { ...DEFAULT_SETTINGS.cost, customPrices: { ...DEFAULT_SETTINGS.cost.customPrices, memoryPerGiBHour: 0.4 } },
  });
});

test('rules that are not an object: ignored with one warning', () => {
  const { settings, warnings } = normaliseSettings({ rules: ['MM101'] });
  assert.deepEqual(settings.rules, {});
  assert.equal(warnings.length, 1);
});

test('NaN and Infinity are not numbers a setting accepts', () => {
  const { settings, warnings } = normaliseSettings({ maxFileSizeKB: Infinity, aliasBudget: NaN });
  assert.equal(settings.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB);
  assert.equal(settings.aliasBudget, DEFAULT_SETTINGS.aliasBudget);
  assert.equal(warnings.length, 2);
});

test('the input object is not modified', () => {
  const raw = { rules: { mm101: 'off' }, defaultMesh: 'kuma' };
  const copy = structuredClone(raw);
  normaliseSettings(raw);
  assert.deepEqual(raw, copy);
});
