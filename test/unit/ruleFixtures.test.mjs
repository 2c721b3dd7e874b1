// Data-driven rule tests: test/fixtures/rules/<CODE>/<case>/{input.yaml, expected.json,
// settings.json?}; see test/fixtures/rules/README.md for the format. One test per case,
// compared exactly, plus the coverage rules: a clean and a bad case per code folder, and a
// folder for every MM1xx code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { core, service, settingsFrom } from '../support/core.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));
const UPDATE = process.env.MM_UPDATE_FIXTURES === '1';
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const dirs = (path) => readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function rangeText(range) {
  if (typeof range === 'string') return range;
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function normalise(diagnostic) {
  return {
    code: diagnostic.code,
    severity: typeof diagnostic.severity === 'number' ? SEVERITY[diagnostic.severity] : diagnostic.severity,
    range: rangeText(diagnostic.range),
  };
}

function run(caseDir) {
  const settingsFile = join(caseDir, 'settings.json');
  const settings = settingsFrom(existsSync(settingsFile) ? readJson(settingsFile) : {});
  const uriOf = (name) => `file:///fixtures/${name}`;
  const index = new core.WorkspaceIndex(settings.defaultNamespace);
  for (const name of readdirSync(caseDir).filter((n) => /\.ya?ml$/.test(n) && n !== 'input.yaml')) {
    index.setFile(uriOf(name), service.analyze(readFileSync(join(caseDir, name), 'utf8'), settings));
  }
  const file = service.analyze(readFileSync(join(caseDir, 'input.yaml'), 'utf8'), settings);
  index.setFile(uriOf('input.yaml'), file);
  return service.diagnostics(file, settings, { uri: uriOf('input.yaml'), index });
}

const codes = dirs(FIXTURES);

for (const code of codes) {
  for (const name of dirs(join(FIXTURES, code))) {
    const caseDir = join(FIXTURES, code, name);
    test(`${code}/${name}`, () => {
      const diagnostics = run(caseDir);
      const expectedFile = join(caseDir, 'expected.json');
      if (UPDATE) {
        const lines = diagnostics.map((d) => `  ${JSON.stringify(normalise(d))}`);
        writeFileSync(expectedFile, lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n');
      }
      assert.ok(existsSync(expectedFile), `${code}/${name} has no expected.json (MM_UPDATE_FIXTURES=1 writes it from the current output)`);
      const expected = readJson(expectedFile);
      assert.deepEqual(diagnostics.map(normalise), expected.map(normalise));
      expected.forEach((e, i) => {
        if (e.message !== undefined) assert.ok(diagnostics[i].message.includes(e.message), `message of #${i}: ${diagnostics[i].message}`);
      });
      for (const d of diagnostics) {
        assert.equal(d.source, 'mumbai-mesh');
        assert.ok(d.codeDescription.href.endsWith(`#${d.code}`));
      }
    });
  }
}

test('every code folder has a clean case and a case that reports its code', () => {
  for (const code of codes) {
    assert.match(code, /^[A-Z]+\d+$/, `folder name ${code} is a code`);
    const cases = dirs(join(FIXTURES, code)).map((name) => join(FIXTURES, code, name, 'expected.json')).filter((f) => existsSync(f)).map(readJson);
    assert.ok(cases.some((e) => e.length === 0), `${code} has a clean case (expected.json is [])`);
    assert.ok(cases.some((e) => e.some((d) => d.code === code)), `${code} has a case that reports ${code}`);
  }
});

test('every MM1xx code has a fixture folder', () => {
  const missing = [...core.CODES.keys()].filter((c) => /^MM1\d\d$/.test(c) && !codes.includes(c));
  assert.deepEqual(missing, []);
});
