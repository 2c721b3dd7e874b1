// The precompiled validators (dist/validators, loaded the way the server and CLI load them:
// server/src/schemaFiles.ts) give exactly the errors that ajv compiling the same schemas at run
// time gives (the registry without precompiled validators: tests' schemas, users' own), over
// every YAML fixture, variants of each that provoke every kind of schema error, and a few
// documents for every shipped kind.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const core = require(join(ROOT, 'dist/core.js'));
const { isMap, parseAllDocuments } = require('yaml');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// server/src/schemaFiles.ts as the server bundles it, pointed at schemas/ and dist/validators
const work = mkdtempSync(join(tmpdir(), 'mumbai-mesh-schemafiles-'));
after(() => rmSync(work, { recursive: true, force: true }));
const bundled = join(work, 'schemaFiles.cjs');
await esbuild.build({ entryPoints: [join(ROOT, 'server/src/schemaFiles.ts')], outfile: bundled, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const schemaFiles = require(bundled);

const logged = [];
const precompiled = schemaFiles.loadSchemaRegistry((m) => logged.push(m), join(ROOT, 'schemas'), join(ROOT, 'dist/validators'));
const runtime = core.createSchemaRegistry({
  loadIndex: () => readJson(join(ROOT, 'schemas/index.json')),
  loadSchema: (file) => readJson(join(ROOT, 'schemas', file)),
});

// Deterministic variants of a document: unknown fields everywhere, wrong types, missing first
// fields, empty and malformed strings, out-of-range numbers, nulls.
const mapLeaves = (v, leaf) => (Array.isArray(v) ? v.map((x) => mapLeaves(x, leaf))
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapLeaves(x, leaf)]))
    : leaf(v));
const mapObjects = (v, obj) => (Array.isArray(v) ? v.map((x) => mapObjects(x, obj))
  : v && typeof v === 'object' ? obj(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapObjects(x, obj)])))
    : v);
function variants(doc) {
  const head = (v) => ({ ...v, apiVersion: doc.apiVersion, kind: doc.kind });
  return [
    doc,
    head(mapObjects(doc, (o) => ({ ...o, zzUnknown: 1 }))),
    head(mapLeaves(doc, (x) => (typeof x === 'string' ? 12345 : typeof x === 'number' ? 'x' : typeof x === 'boolean' ? 'true' : x))),
    head(mapObjects(doc, (o) => Object.fromEntries(Object.entries(o).slice(1)))),
    head(mapLeaves(doc, (x) => (typeof x === 'string' ? '' : typeof x === 'number' ? -1.5 : x))),
    head(mapLeaves(doc, (x) => (typeof x === 'string' ? 'Bad_Value!' : typeof x === 'number' ? 1e12 : x))),
    head(mapLeaves(doc, (x) => (typeof x === 'string' && x.length > 0 ? null : x))),
  ];
}

function yamlFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Every document of the fixtures with an apiVersion and kind, with its YAML node. */
function fixtureDocuments() {
  const docs = [];
  for (const file of yamlFiles(join(ROOT, 'test/fixtures'))) {
    let parsed;
    try {
      parsed = parseAllDocuments(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const doc of Array.isArray(parsed) ? parsed : []) {
      if (!isMap(doc.contents)) continue;
      let value;
      try {
        value = doc.toJS();
      } catch {
        continue;
      }
      if (typeof value?.apiVersion === 'string' && typeof value.kind === 'string') docs.push({ file, doc, value });
    }
  }
  return docs;
}

const errorsOf = (registry, value) => {
  const compiled = registry.compiled(value.apiVersion, value.kind);
  if (!compiled) return undefined;
  compiled.validate(value);
  return (compiled.validate.errors ?? []).map(({ keyword, instancePath, schemaPath, params, data, schema, parentSchema }) =>
    ({ keyword, instancePath, schemaPath, params, data, schema, parentSchema }));
};

test('the registry of the server uses the precompiled validators', () => {
  const compiled = precompiled.compiled('apps/v1', 'Deployment');
  assert.equal(compiled.validate.schemaEnv, undefined, 'a runtime-compiled validator');
  assert.notEqual(runtime.compiled('apps/v1', 'Deployment').validate.schemaEnv, undefined);
  assert.deepEqual(logged, []);
});

test('precompiled and runtime-compiled validators give the same errors over the fixtures and their variants', () => {
  const original = process.emitWarning;
  process.emitWarning = () => {}; // yaml's warnings about collection keys in template fixtures
  let docs = 0;
  let errors = 0;
  const keywords = new Set();
  try {
    for (const { file, value } of fixtureDocuments()) {
      for (const [i, variant] of variants(value).entries()) {
        const expected = errorsOf(runtime, variant);
        if (!expected) continue;
        docs += 1;
        errors += expected.length;
        for (const e of expected) keywords.add(e.keyword);
        assert.deepStrictEqual(errorsOf(precompiled, variant), expected, `${file.slice(ROOT.length)}: ${value.kind} ${value.metadata?.name}, variant ${i}`);
      }
    }
  } finally {
    process.emitWarning = original;
  }
  assert.ok(docs > 1000 && errors > 10000, `too small a corpus: ${docs} documents, ${errors} errors`);
  // the corpus reaches our own keywords and formats, not just ajv's
  for (const k of ['additionalProperties', 'type', 'enum', 'required', 'format', 'pattern', 'x-mm-exclusive', 'x-mm-exactly-one', 'x-mm-duration-min']) {
    assert.ok(keywords.has(k), `no ${k} error in the corpus`);
  }
});

test('precompiled and runtime-compiled validators give the same errors for every shipped kind', () => {
  for (const { apiVersion, kind, served } of readJson(join(ROOT, 'schemas/index.json'))) {
    if (!served) continue;
    const docs = [
      { apiVersion, kind },
      { apiVersion, kind, metadata: { name: 'Bad_Name', namespace: 'a.b', labels: 5 }, spec: { zzUnknown: 1 } },
      { apiVersion, kind, metadata: { name: 'ok', annotations: { a: 1 } }, spec: 'text' },
      { apiVersion, kind, metadata: null, spec: {}, status: [] },
    ];
    for (const doc of docs) assert.deepStrictEqual(errorsOf(precompiled, doc), errorsOf(runtime, doc), `${apiVersion} ${kind}: ${JSON.stringify(doc)}`);
  }
});

test('precompiled and runtime-compiled validators give the same findings on the fixtures', () => {
  const original = process.emitWarning;
  process.emitWarning = () => {};
  try {
    for (const { file, doc, value } of fixtureDocuments()) {
      const resource = { apiVersion: value.apiVersion, kind: value.kind, value };
      const locator = core.createLocator(doc.contents, 0);
      assert.deepStrictEqual(
        core.validateResource(resource, locator, precompiled),
        core.validateResource(resource, locator, runtime),
        `${file.slice(ROOT.length)}: ${value.kind} ${value.metadata?.name}`,
      );
    }
  } finally {
    process.emitWarning = original;
  }
});
