// The CLI over odd and hostile files: each file gets its one clear diagnostic (or none),
// the run finishes, and the exit status follows the findings. The small files live in
// test/fixtures/bad-input; the heavy ones are written to a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runJson } from '../support/cli.mjs';
import { billionLaughs, deepFlow } from '../support/badInputs.mjs';

const F = 'test/fixtures/bad-input';

test('small odd files: one clear diagnostic each, or none', () => {
  const { json, status, stderr } = runJson([F]);
  assert.equal(status, 1);
  assert.equal(stderr, '');
  const brief = Object.fromEntries(json.map((e) => [e.file.slice(F.length + 1), e.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character])]));
  assert.deepEqual(brief, {
    'binary.yaml': [['MM106', 1, 0, 0]],
    'bom.yaml': [],
    'broken.yaml': [['MM100', 1, 3, 0]],
    'comments-only.yaml': [],
    'crlf-duplicate.yaml': [['MM101', 1, 4, 2]],
    'empty-documents.yaml': [],
    'empty.yaml': [],
    'helm-template.yaml': [['MM107', 3, 3, 8]],
    'list-beside-resource.yaml': [['MM108', 2, 5, 0]],
    'tabs.yaml': [['MM102', 1, 3, 0]],
  });
});

test('heavy files: a 10 MB file, an alias bomb and 1,000-level nesting finish with one diagnostic each', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'mumbai-mesh-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'huge.yaml'), `apiVersion: v1\nkind: ConfigMap\ndata:\n${'  key: value\n'.repeat(Math.ceil((10 * 1024 * 1024) / 13))}`);
  writeFileSync(join(dir, 'bomb.yaml'), `apiVersion: v1\nkind: ConfigMap\ndata:\n${billionLaughs('  ')}`);
  writeFileSync(join(dir, 'deep.yaml'), deepFlow(1000));
  writeFileSync(join(dir, 'long-line.yaml'), `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "${'x'.repeat(100_000)}"\n`);
  const { json, status } = runJson(['.'], { cwd: dir });
  assert.deepEqual(json.map((e) => [e.file, e.diagnostics.map((d) => [d.code, d.severity])]), [
    ['bomb.yaml', [['MM103', 1]]],
    ['deep.yaml', [['MM110', 1]]],
    ['huge.yaml', [['MM105', 3]]],
    ['long-line.yaml', []],
  ]);
  assert.equal(status, 1);
  // the 10 MB file alone is information only: exit 0 unless --severity info
  assert.equal(runCli(['check', 'huge.yaml'], { cwd: dir }).status, 0);
  assert.equal(runCli(['check', '--severity', 'info', 'huge.yaml'], { cwd: dir }).status, 1);
});
