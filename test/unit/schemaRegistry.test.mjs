// The registry and validateResource with tiny hand-written schemas: lazy compiling, versions,
// MM207, and the keywords Istio's own schemas do not exercise.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const core = require(join(dirname(fileURLToPath(import.meta.url)), '../../dist/core.js'));
const YAML = require('yaml');

const widget = (apiVersion, spec) => ({
  type: 'object',
  properties: { apiVersion: { type: 'string', const: apiVersion }, kind: { type: 'string', const: 'Widget' }, metadata: { type: 'object' }, spec },
  required: ['apiVersion', 'kind'],
  additionalProperties: false,
});

const SPEC = {
  type: 'object',
  properties: {
    a: { type: 'string' },
    b: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  additionalProperties: false,
  'x-mm-exactly-one': [['a', 'b']],
};

function tinySource() {
  const calls = { index: 0, schema: [] };
  const index = [
    { apiVersion: 'example.com/v2', kind: 'Widget', file: 'v2.json', served: true, storage: true },
    { apiVersion: 'example.com/v1', kind: 'Widget', file: 'v1.json', served: true, storage: false },
    { apiVersion: 'example.com/v0', kind: 'Widget', file: 'v0.json', served: false, storage: false },
  ];
  const schemas = { 'v2.json': widget('example.com/v2', SPEC), 'v1.json': widget('example.com/v1', SPEC), 'v0.json': widget('example.com/v0', SPEC) };
  return {
    calls,
    source: {
      loadIndex: () => (calls.index++, index),
      loadSchema: (file) => (calls.schema.push(file), schemas[file]),
    },
  };
}

function check(registry, text) {
  const doc = YAML.parseDocument(text);
  const value = doc.toJS();
  return core.validateResource({ apiVersion: value.apiVersion, kind: value.kind, value }, core.createLocator(doc.contents, 0), registry)
    .map((f) => ({ code: f.code, text: text.slice(f.start, f.end), message: f.message }));
}

test('the index is read once and each schema is loaded and compiled on first use only', () => {
  const { calls, source } = tinySource();
  const registry = core.createSchemaRegistry(source);
  assert.equal(calls.index, 0);
  assert.equal(registry.isKnownKind('example.com/v9', 'Widget'), true);
  assert.deepStrictEqual(calls.schema, []);
  const first = registry.compiled('example.com/v2', 'Widget');
  assert.equal(registry.compiled('example.com/v2', 'Widget'), first);
  for (let i = 0; i < 3; i++) check(registry, 'apiVersion: example.com/v2\nkind: Widget\nspec: {a: x}\n');
  assert.deepStrictEqual(calls.schema, ['v2.json']);
  assert.equal(calls.index, 1);
});

test('kinds are known per API group; served versions come in index order (most stable first)', () => {
  const registry = core.createSchemaRegistry(tinySource().source);
  assert.equal(registry.isKnownKind('other.example.com/v2', 'Widget'), false);
  assert.equal(registry.isKnownKind('example.com/v2', 'Gadget'), false);
  assert.deepStrictEqual(registry.servedVersions('example.com/v1', 'Widget'), ['example.com/v2', 'example.com/v1']);
  assert.equal(registry.entry('example.com/v0', 'Widget').served, false);
  assert.equal(registry.entry('example.com/v3', 'Widget'), undefined);
});

test('MM207 at the apiVersion for a version that is missing or no longer served; nothing for unknown kinds', () => {
  const registry = core.createSchemaRegistry(tinySource().source);
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v3\nkind: Widget\nspec: {zzz: 1}\n'), [{
    code: 'MM207', text: 'example.com/v3',
    message: 'Widget is not served in `example.com/v3`. Use `example.com/v2` (also served: example.com/v1).',
  }]);
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v0\nkind: Widget\n').map((f) => f.message),
    ['Widget is no longer served in `example.com/v0`. Use `example.com/v2` (also served: example.com/v1).']);
  assert.deepStrictEqual(check(registry, 'apiVersion: other.example.com/v1\nkind: Widget\nspec: {zzz: 1}\n'), []);
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v2\nkind: Gadget\nspec: 7\n'), []);
});

test('a document that is not a mapping is left to other checks', () => {
  const registry = core.createSchemaRegistry(tinySource().source);
  assert.deepStrictEqual(core.validateResource({ apiVersion: 'example.com/v2', kind: 'Widget', value: null }, core.createLocator(null, 0), registry), []);
  assert.deepStrictEqual(core.validateResource({ apiVersion: 'example.com/v2', kind: 'Widget', value: [1] }, core.createLocator(null, 0), registry), []);
});

test('x-mm-exactly-one: none set is MM203 at the holder, two set is MM205 at the second', () => {
  const registry = core.createSchemaRegistry(tinySource().source);
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v2\nkind: Widget\nspec:\n  tags: [x]\n'), [
    { code: 'MM203', text: 'spec', message: 'Set one of `a` and `b` in `spec`.' },
  ]);
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v2\nkind: Widget\nspec:\n  b: y\n  a: x\n'), [
    { code: 'MM205', text: 'a', message: 'Set only one of `a` and `b` in `spec`; `b` and `a` are both set.' },
  ]);
  // a null field is pruned by Kubernetes, so it does not count as set
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v2\nkind: Widget\nspec:\n  a: x\n  b:\n'), []);
});

test('uniqueItems: the repeated item is the finding', () => {
  const registry = core.createSchemaRegistry(tinySource().source);
  assert.deepStrictEqual(check(registry, 'apiVersion: example.com/v2\nkind: Widget\nspec:\n  a: x\n  tags: [p, q, p]\n'), [
    { code: 'MM202', text: 'p', message: '`tags[2]` repeats `tags[0]` (`p`); each item must be different.' },
  ]);
});

test('versions with the same fields share one compiled validator', () => {
  const registry = core.createSchemaRegistry(tinySource().source);
  assert.equal(registry.compiled('example.com/v2', 'Widget').validate, registry.compiled('example.com/v1', 'Widget').validate);
});
