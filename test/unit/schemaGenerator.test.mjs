// scripts/generateSchemas.mjs, function by function, on small hand-written CRD fragments.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const gen = await import(pathToFileURL(join(ROOT, 'scripts/generateSchemas.mjs')).href);
const convert = (node) => {
  const report = gen.createReport();
  return { out: gen.convert(node, report, 'X'), report };
};

test('upstream prose is dropped, structure kept', () => {
  const { out } = convert({
    type: 'object',
    description: 'Configuration affecting things.',
    properties: { name: { type: 'string', description: 'The name.', maxLength: 63, minLength: 1, pattern: '^[a-z]+$' } },
    required: ['name'],
  });
  assert.deepStrictEqual(out, {
    type: 'object',
    properties: { name: { type: 'string', pattern: '^[a-z]+$', minLength: 1, maxLength: 63 } },
    required: ['name'],
    additionalProperties: false,
  });
});

test('int-or-string becomes a type union; nullable adds null to type and enum', () => {
  const { out: port } = convert({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true });
  assert.deepStrictEqual(port, { type: ['integer', 'string'] });
  const { out: mode } = convert({ type: 'string', enum: ['A', 'B'], nullable: true });
  assert.deepStrictEqual(mode, { type: ['string', 'null'], enum: ['A', 'B', null] });
});

test('objects: strict unless preserve-unknown-fields; maps keep their value schema', () => {
  assert.equal(convert({ type: 'object', properties: { a: { type: 'string' } } }).out.additionalProperties, false);
  assert.deepStrictEqual(convert({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true }).out, { type: 'object' });
  assert.deepStrictEqual(convert({ type: 'object', additionalProperties: { type: 'string' } }).out,
    { type: 'object', additionalProperties: { type: 'string' } });
});

test("Istio's at-most-one oneOf becomes x-mm-exclusive, one group per oneOf (also inside allOf)", () => {
  const atMostOne = (names) => ({
    oneOf: [{ not: { anyOf: names.map((n) => ({ required: [n] })) } }, ...names.map((n) => ({ required: [n] }))],
  });
  const { out, report } = convert({
    type: 'object',
    properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' } },
    allOf: [atMostOne(['a', 'b']), atMostOne(['c', 'd'])],
  });
  assert.deepStrictEqual(out['x-mm-exclusive'], [['a', 'b'], ['c', 'd']]);
  assert.equal(out.oneOf, undefined);
  assert.equal(out.allOf, undefined);
  assert.deepStrictEqual(report.droppedCombinators, []);
  assert.deepStrictEqual(gen.atMostOneOf(atMostOne(['x', 'y', 'z']).oneOf), ['x', 'y', 'z']);
});

test('exactly-one oneOf becomes x-mm-exactly-one; other shapes are dropped and reported', () => {
  const { out } = convert({ type: 'object', properties: { a: {}, b: {} }, oneOf: [{ required: ['a'] }, { required: ['b'] }] });
  assert.deepStrictEqual(out['x-mm-exactly-one'], [['a', 'b']]);
  const { out: other, report } = convert({ type: 'object', properties: { t: { type: 'string' } }, oneOf: [{ properties: { t: { enum: ['x'] } } }, { properties: {} }] });
  assert.equal(other.oneOf, undefined);
  assert.equal(report.droppedCombinators.length, 1);
});

test('CEL: duration(self) gives the duration format and minimum; other rules are dropped and reported', () => {
  const { out, report } = convert({
    type: 'string',
    'x-kubernetes-validations': [
      { rule: "duration(self) >= duration('1ms')", message: 'must be a valid duration greater than 1ms' },
      { rule: '!self.contains("*")', message: 'wildcard not allowed' },
    ],
  });
  assert.deepStrictEqual(out, { type: 'string', format: 'mm-duration', 'x-mm-duration-min': '1ms' });
  assert.deepStrictEqual([...report.droppedCel.keys()], ['!self.contains("*")']);
});

test('formats: int32/uint32 become bounds, Go regex JavaScript cannot compile is dropped and reported', () => {
  assert.deepStrictEqual(convert({ type: 'integer', format: 'int32' }).out, { type: 'integer', minimum: -2147483648, maximum: 2147483647 });
  assert.deepStrictEqual(convert({ type: 'integer', format: 'uint32', maximum: 10 }).out, { type: 'integer', minimum: 0, maximum: 10 });
  const { out, report } = convert({ type: 'string', pattern: '^(?i)(abort|warn)?$', format: 'byte' });
  assert.deepStrictEqual(out, { type: 'string' });
  assert.deepStrictEqual([...report.droppedPatterns.keys()], ['^(?i)(abort|warn)?$']);
  assert.deepStrictEqual([...report.droppedFormats.keys()], ['byte']);
});

test('OpenAPI 3.0 boolean exclusive bounds become draft-07 numbers; required on a list is dropped', () => {
  assert.deepStrictEqual(convert({ type: 'number', minimum: 0, exclusiveMinimum: true }).out, { type: 'number', exclusiveMinimum: 0 });
  const { out } = convert({ type: 'array', items: { type: 'string' }, required: ['x'] });
  assert.deepStrictEqual(out, { type: 'array', items: { type: 'string' } });
});

test('convertCrd: apiVersion and kind constants, our strict metadata, status accepts anything', () => {
  const crd = {
    spec: {
      group: 'example.com',
      names: { kind: 'Widget' },
      versions: [
        { name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string' } } }, status: { type: 'object', properties: { x: {} } } }, required: ['spec'] } } },
        { name: 'v1alpha1', served: false, storage: false, schema: { openAPIV3Schema: { type: 'object' } } },
      ],
    },
  };
  const [beta, alpha] = gen.convertCrd(crd, gen.createReport());
  assert.deepStrictEqual([beta.version, beta.served, alpha.version, alpha.served], ['v1beta1', true, 'v1alpha1', false]);
  const s = beta.schema;
  assert.deepStrictEqual(s.properties.apiVersion, { type: 'string', const: 'example.com/v1beta1' });
  assert.deepStrictEqual(s.properties.kind, { type: 'string', const: 'Widget' });
  assert.deepStrictEqual(s.properties.status, {});
  assert.equal(s.properties.metadata.additionalProperties, false);
  assert.ok(s.properties.metadata.properties.ownerReferences);
  assert.deepStrictEqual(s.required, ['apiVersion', 'kind', 'spec']);
  assert.equal(s.additionalProperties, false);
});

test('repeated subschemas move to definitions; a repeat inside a repeat is put back inline', () => {
  const big = { type: 'object', properties: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${i}`, { type: 'string', maxLength: 100 }])), additionalProperties: false };
  const policy = { type: 'object', properties: { tls: big }, additionalProperties: false };
  const schema = { type: 'object', properties: { spec: { type: 'object', properties: { policy, subsets: { type: 'array', items: { type: 'object', properties: { policy }, additionalProperties: false } } }, additionalProperties: false } } };
  const shared = gen.shareRepeats(schema);
  assert.deepStrictEqual(Object.keys(shared.definitions), ['policy']);
  assert.deepStrictEqual(shared.properties.spec.properties.policy, { $ref: '#/definitions/policy' });
  assert.deepStrictEqual(shared.properties.spec.properties.subsets.items.properties.policy, { $ref: '#/definitions/policy' });
  assert.deepStrictEqual(shared.definitions.policy.properties.tls, big);
  assert.equal(gen.shareRepeats({ type: 'object', properties: { a: big } }).definitions, undefined);
});

test('Kubernetes version order: GA, then beta, then alpha, higher first', () => {
  assert.deepStrictEqual(['v1alpha3', 'v1beta1', 'v2', 'v1', 'v1alpha1', 'v2beta2'].sort(gen.compareKubeVersions),
    ['v2', 'v1', 'v2beta2', 'v1beta1', 'v1alpha3', 'v1alpha1']);
});
