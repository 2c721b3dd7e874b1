// Data-driven schema tests: each folder in test/fixtures/schema holds input.yaml and
// expected.json (the findings, 0-based positions as LSP has them, with the text each range
// covers). A folder may also hold crd.yaml: then that CRD, converted by
// scripts/generateSchemas.mjs, replaces schemas/ for the case.
// MM_UPDATE_FIXTURES=1 rewrites expected.json from the current output (review the diff).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'test/fixtures/schema');
const core = require(join(ROOT, 'dist/core.js'));
const { isMap, parseAllDocuments } = require('yaml');
const { convertCrd, createReport } = await import(pathToFileURL(join(ROOT, 'scripts/generateSchemas.mjs')).href);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function diskRegistry() {
  return core.createSchemaRegistry({
    loadIndex: () => readJson(join(ROOT, 'schemas/index.json')),
    loadSchema: (file) => readJson(join(ROOT, 'schemas', file)),
  });
}

function crdRegistry(text) {
  const index = [];
  const schemas = new Map();
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS();
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const r of convertCrd(crd, createReport())) {
      const file = `${r.group}/${r.version}/${r.kind}.json`;
      index.push({ apiVersion: `${r.group}/${r.version}`, kind: r.kind, file, served: r.served, storage: r.storage });
      schemas.set(file, r.schema);
    }
  }
  return core.createSchemaRegistry({ loadIndex: () => index, loadSchema: (file) => schemas.get(file) });
}

function position(lineStarts, offset) {
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
  return [line, offset - lineStarts[line]];
}

function findingsOf(text, registry) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const out = [];
  for (const doc of parseAllDocuments(text)) {
    if (!isMap(doc.contents)) continue;
    const value = doc.toJS();
    if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
    const resource = { apiVersion: value.apiVersion, kind: value.kind, value };
    for (const f of core.validateResource(resource, core.createLocator(doc.contents, 0), registry)) {
      const [line, character] = position(lineStarts, f.start);
      const [endLine, endCharacter] = position(lineStarts, f.end);
      const entry = { code: f.code, line, character, endLine, endCharacter, text: text.slice(f.start, f.end), message: f.message };
      if (f.data !== undefined) entry.data = f.data;
      out.push(entry);
    }
  }
  return out;
}

const disk = diskRegistry();
for (const name of readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
  test(`schema fixture: ${name}`, () => {
    const dir = join(FIXTURES, name);
    const crd = join(dir, 'crd.yaml');
    const registry = existsSync(crd) ? crdRegistry(readFileSync(crd, 'utf8')) : disk;
    const actual = findingsOf(readFileSync(join(dir, 'input.yaml'), 'utf8'), registry);
    const expectedFile = join(dir, 'expected.json');
    if (process.env.MM_UPDATE_FIXTURES === '1') writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepStrictEqual(actual, readJson(expectedFile));
  });
}
