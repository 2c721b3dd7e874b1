// `--format sarif`: the SARIF 2.1.0 shape GitHub code scanning reads, checked offline —
// version and $schema, one run, tool `mumbai-mesh`, one rule per code that occurs with
// ruleId/ruleIndex consistent, 1-based regions matching the JSON diagnostics, and levels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runJson } from '../support/cli.mjs';

const F = 'test/fixtures/cli';
const LEVEL = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

function sarifOf(paths, extra = []) {
  const result = runCli(['check', '--format', 'sarif', ...extra, ...paths]);
  assert.equal(result.stderr, '');
  return { ...result, sarif: JSON.parse(result.stdout) };
}

function assertSarifShape(sarif) {
  assert.equal(sarif.version, '2.1.0');
  assert.equal(typeof sarif.$schema, 'string');
  assert.match(sarif.$schema, /sarif[-_.]?2\.1\.0.*\.json$|sarif-schema-2\.1\.0\.json$/);
  assert.ok(Array.isArray(sarif.runs));
  assert.equal(sarif.runs.length, 1);
  const [run] = sarif.runs;
  const { driver } = run.tool;
  assert.equal(driver.name, 'mumbai-mesh');
  assert.ok(Array.isArray(driver.rules));
  const ids = driver.rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, 'one rule per code');
  for (const rule of driver.rules) {
    assert.match(rule.id, /^[A-Z]+\d+$/);
    assert.equal(typeof rule.shortDescription?.text, 'string');
    assert.ok(rule.shortDescription.text.length > 0);
    if (rule.helpUri !== undefined) assert.ok(rule.helpUri.endsWith(`#${rule.id}`), rule.helpUri);
    if (rule.defaultConfiguration?.level !== undefined) assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.ok(Array.isArray(run.results));
  for (const result of run.results) {
    assert.ok(ids.includes(result.ruleId), `ruleId ${result.ruleId} has a rule`);
    assert.equal(result.ruleIndex, ids.indexOf(result.ruleId), 'ruleIndex points at the rule');
    assert.ok(['error', 'warning', 'note'].includes(result.level), `level ${result.level}`);
    assert.equal(typeof result.message?.text, 'string');
    assert.ok(result.message.text.length > 0);
    assert.equal(result.locations.length, 1);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.equal(typeof artifactLocation.uri, 'string');
    assert.ok(!artifactLocation.uri.includes('\\') && !artifactLocation.uri.startsWith('/'), `relative URI with / separators: ${artifactLocation.uri}`);
    assert.ok(region.startLine >= 1 && region.startColumn >= 1, 'regions are 1-based');
    assert.ok(region.endLine >= region.startLine);
    if (region.endLine === region.startLine) assert.ok(region.endColumn >= region.startColumn);
  }
  // every rule is used by a result
  for (const id of ids) assert.ok(run.results.some((r) => r.ruleId === id), `rule ${id} occurs`);
  return run;
}

test('sarif: shape, and results matching the JSON diagnostics one for one', () => {
  const { sarif, status } = sarifOf([`${F}/mixed`, `${F}/schema`, `${F}/bom-crlf`]);
  assert.equal(status, 1);
  const run = assertSarifShape(sarif);
  const { json } = runJson([`${F}/mixed`, `${F}/schema`, `${F}/bom-crlf`]);
  const expected = json.flatMap((e) => e.diagnostics.map((d) => ({
    ruleId: d.code,
    level: LEVEL[d.severity],
    text: d.message,
    uri: e.file,
    region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
  })));
  const actual = run.results.map((r) => ({
    ruleId: r.ruleId,
    level: r.level,
    text: r.message.text,
    uri: r.locations[0].physicalLocation.artifactLocation.uri,
    region: r.locations[0].physicalLocation.region,
  }));
  assert.deepEqual(actual, expected);
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id).sort(), [...new Set(expected.map((e) => e.ruleId))].sort());
});

test('sarif: levels — warning for warnings, note for information', () => {
  const warnings = assertSarifShape(sarifOf([`${F}/warnings-only`]).sarif);
  assert.deepEqual(warnings.results.map((r) => [r.ruleId, r.level]), [['MM108', 'warning']]);
  const info = assertSarifShape(sarifOf([`${F}/info-only`]).sarif);
  assert.deepEqual(info.results.map((r) => [r.ruleId, r.level]), [['MM107', 'note']]);
  assert.deepEqual(info.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration?.level]), [['MM107', 'note']]);
});

test('sarif: a clean run has one run with no rules and no results, and exits 0', () => {
  const { sarif, status } = sarifOf([`${F}/clean`]);
  assert.equal(status, 0);
  const run = assertSarifShape(sarif);
  assert.deepEqual(run.results, []);
  assert.deepEqual(run.tool.driver.rules, []);
});

test('sarif: non-ASCII and spaces in paths are percent-encoded in the relative artifact URI', (t) => {
  // made at test time, so the repository holds no non-ASCII file names
  const dir = mkdtempSync(join(tmpdir(), 'mumbai-mesh-sarif-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'मुंबई'));
  writeFileSync(join(dir, 'मुंबई', 'my file.yaml'), 'a: 1\na: 2\n');
  const result = runCli(['check', '--format', 'sarif', '.'], { cwd: dir });
  const run = assertSarifShape(JSON.parse(result.stdout));
  assert.deepEqual(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri), [
    `${encodeURIComponent('मुंबई')}/${encodeURIComponent('my file.yaml')}`,
  ]);
});
