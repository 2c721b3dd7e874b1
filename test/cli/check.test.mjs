// `mumbai-mesh check` as a process: which files it reads, the text and JSON formats, and
// exit statuses (CONTRACTS.md, "Command line").
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { runCli, runJson } from '../support/cli.mjs';

const F = 'test/fixtures/cli';
// node_modules is never committed: the test lays out the package it needs and removes it.
const NODE_MODULES = `${F}/mixed/node_modules`;
mkdirSync(`${NODE_MODULES}/some-package`, { recursive: true });
copyFileSync('test/fixtures/cli-node-modules/bad.yaml', `${NODE_MODULES}/some-package/bad.yaml`);
after(() => rmSync(NODE_MODULES, { recursive: true, force: true }));
const TEXT_LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) ([A-Z]+\d+) (.+)$/;
const NAMES = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

test('folders are searched recursively for *.yaml and *.yml, skipping node_modules, dot-folders and other files', () => {
  const { json } = runJson([`${F}/mixed`]);
  assert.deepEqual(json.map((e) => e.file), [
    `${F}/mixed/clean.yml`,
    `${F}/mixed/errors.yaml`,
    `${F}/mixed/info.yaml`,
    `${F}/mixed/sub/emoji.yaml`,
    `${F}/mixed/warnings.yaml`,
  ]);
});

test('a file given by name is read even inside node_modules or a dot-folder', () => {
  const { json, status } = runJson([`${F}/mixed/node_modules/some-package/bad.yaml`, `${F}/mixed/.hidden/bad.yaml`]);
  assert.equal(status, 1);
  assert.deepEqual(json.map((e) => [e.file, e.diagnostics.map((d) => d.code)]), [
    [`${F}/mixed/.hidden/bad.yaml`, ['MM101']],
    [`${F}/mixed/node_modules/some-package/bad.yaml`, ['MM101']],
  ]);
});

test('json: exactly the CONTRACTS shape — one entry per file read, sorted by file, [] for clean files', () => {
  const { json, status, stderr } = runJson([`${F}/mixed`, `${F}/clean`]);
  assert.equal(status, 1);
  assert.equal(stderr, '');
  assert.ok(Array.isArray(json));
  const files = json.map((e) => e.file);
  assert.deepEqual(files, [...files].sort(), 'sorted by file');
  assert.equal(new Set(files).size, files.length, 'one entry per file');
  for (const entry of json) {
    assert.deepEqual(Object.keys(entry).sort(), ['diagnostics', 'file']);
    assert.ok(Array.isArray(entry.diagnostics));
    for (const d of entry.diagnostics) {
      assert.equal(d.source, 'mumbai-mesh');
      assert.equal(typeof d.code, 'string');
      assert.ok([1, 2, 3, 4].includes(d.severity));
      assert.equal(typeof d.message, 'string');
      assert.ok(d.codeDescription.href.endsWith(`#${d.code}`));
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
      }
    }
  }
  const byFile = Object.fromEntries(json.map((e) => [e.file, e.diagnostics]));
  assert.deepEqual(byFile[`${F}/clean/configmap.yaml`], []);
  assert.deepEqual(byFile[`${F}/clean/nested/deeper/second.yml`], []);
  assert.deepEqual(byFile[`${F}/mixed/clean.yml`], []);
  const brief = (file) => byFile[file].map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
  assert.deepEqual(brief(`${F}/mixed/errors.yaml`), [['MM101', 1, 4, 2, 4, 6], ['MM104', 1, 6, 5, 6, 13]]);
  assert.deepEqual(brief(`${F}/mixed/warnings.yaml`), [['MM108', 2, 8, 0, 8, 16]]);
  assert.deepEqual(brief(`${F}/mixed/info.yaml`), [['MM107', 3, 3, 8, 3, 27]]);
  // UTF-16 columns: 🚀 counts two
  assert.deepEqual(brief(`${F}/mixed/sub/emoji.yaml`), [['MM101', 1, 4, 31, 4, 35]]);
});

test('json: a clean folder prints one entry per file and exits 0', () => {
  const { json, status, stderr } = runJson([`${F}/clean`]);
  assert.equal(status, 0);
  assert.equal(stderr, '');
  assert.deepEqual(json, [
    { file: `${F}/clean/configmap.yaml`, diagnostics: [] },
    { file: `${F}/clean/nested/deeper/second.yml`, diagnostics: [] },
  ]);
});

test('text: one `file:line:col severity code message` line per finding (1-based), a summary, no colour when not a terminal', () => {
  const text = runCli(['check', `${F}/mixed`]);
  const { json } = runJson([`${F}/mixed`]);
  assert.equal(text.status, 1);
  assert.equal(text.stderr, '');
  assert.ok(!text.stdout.includes('\x1b'), 'no ANSI escape codes');
  const lines = text.stdout.trimEnd().split('\n');
  const summary = lines.pop();
  assert.equal(summary, '5 findings in 5 files');
  const expected = json.flatMap((e) => e.diagnostics.map((d) => [e.file, d.range.start.line + 1, d.range.start.character + 1, NAMES[d.severity], d.code, d.message]));
  assert.deepEqual(lines.map((line) => {
    const m = TEXT_LINE.exec(line);
    assert.ok(m, `line format: ${line}`);
    return [m[1], Number(m[2]), Number(m[3]), m[4], m[5], m[6]];
  }), expected);
  assert.ok(lines.includes(`${F}/mixed/errors.yaml:5:3 error MM101 ${json[1].diagnostics[0].message}`));
});

test('text: a clean run prints only the summary', () => {
  const { status, stdout, stderr } = runCli(['check', `${F}/clean`]);
  assert.equal(status, 0);
  assert.equal(stderr, '');
  assert.equal(stdout, '0 findings in 2 files\n');
});

test('NO_COLOR is honoured and a pipe gets no colour even with FORCE_COLOR', () => {
  for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }]) {
    const { stdout } = runCli(['check', `${F}/mixed`], { env });
    assert.ok(!stdout.includes('\x1b'), JSON.stringify(env));
  }
});

test('exit status: 0 clean, 1 with an error, and --severity moves the threshold', () => {
  const status = (...args) => runCli(['check', ...args]).status;
  assert.equal(status(`${F}/clean`), 0);
  assert.equal(status(`${F}/mixed`), 1);
  assert.equal(status(`${F}/clean`, `${F}/mixed/errors.yaml`), 1);

  // a warning: not at the default threshold (error), at warning and info
  assert.equal(status(`${F}/warnings-only`), 0);
  assert.equal(status('--severity', 'error', `${F}/warnings-only`), 0);
  assert.equal(status('--severity', 'warning', `${F}/warnings-only`), 1);
  assert.equal(status('--severity', 'info', `${F}/warnings-only`), 1);
  assert.equal(status(`--severity=warning`, `${F}/warnings-only`), 1);

  // an info finding: only at info
  assert.equal(status(`${F}/info-only`), 0);
  assert.equal(status('--severity', 'warning', `${F}/info-only`), 0);
  assert.equal(status('--severity', 'info', `${F}/info-only`), 1);

  // the format does not change the status
  for (const format of ['text', 'json', 'sarif']) {
    assert.equal(status('--format', format, `${F}/clean`), 0, format);
    assert.equal(status('--format', format, `${F}/mixed`), 1, format);
    assert.equal(status('--format', format, '--severity', 'info', `${F}/info-only`), 1, format);
  }
});

test('exit status 2 with exactly one line on stderr (and nothing on stdout) for usage and read errors', () => {
  const cases = [
    ['check', `${F}/does-not-exist`],
    ['check', `${F}/clean`, `${F}/does-not-exist.yaml`],
    ['check'],
    ['check', '--format', 'xml', `${F}/clean`],
    ['check', '--severity', 'fatal', `${F}/clean`],
    ['check', '--frobnicate', `${F}/clean`],
    ['check', '--format'],
    ['lint', `${F}/clean`],
    [],
  ];
  for (const args of cases) {
    const { status, stdout, stderr } = runCli(args);
    assert.equal(status, 2, `${args.join(' ')}: status`);
    assert.equal(stdout, '', `${args.join(' ')}: stdout`);
    assert.match(stderr, /^[^\n]+\n$/, `${args.join(' ')}: one line on stderr, got ${JSON.stringify(stderr)}`);
    assert.match(stderr, /^mumbai-mesh: /);
  }
  assert.match(runCli(['check', `${F}/does-not-exist`]).stderr, /does-not-exist/, 'the message names the path');
});

test('--version and --help exit 0', () => {
  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /mumbai-mesh check/);
});

test('a byte order mark does not shift columns; CRLF files get the same positions as LF', () => {
  const { json } = runJson([`${F}/bom-crlf`]);
  const brief = json.map((e) => [e.file, e.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])]);
  assert.deepEqual(brief, [
    [`${F}/bom-crlf/bom.yaml`, [['MM109', 0, 0, 0, 10]]],
    [`${F}/bom-crlf/crlf.yaml`, [['MM101', 4, 2, 4, 6]]],
  ]);
  assert.match(runCli(['check', `${F}/bom-crlf/bom.yaml`]).stdout, /bom\.yaml:1:1 error MM109 /);
});

test('files are analysed together: a reference resolves across files given in one run', () => {
  const alone = runJson([`${F}/schema/virtualservice.yaml`]).json;
  const together = runJson([`${F}/schema`]).json;
  const codes = (json, file) => json.find((e) => e.file === file).diagnostics.map((d) => d.code);
  assert.ok(codes(alone, `${F}/schema/virtualservice.yaml`).includes('IST0101'), 'alone, the destination host is unknown');
  assert.deepEqual(codes(together, `${F}/schema/virtualservice.yaml`), ['MM200'], 'with services.yaml the host resolves');
});

test('schema errors: an unknown field is reported on its key', () => {
  const { json } = runJson([`${F}/schema`]);
  const vs = json.find((e) => e.file === `${F}/schema/virtualservice.yaml`).diagnostics;
  assert.deepEqual(vs.map((d) => [d.code, d.severity, d.range]), [
    ['MM200', 1, { start: { line: 13, character: 6 }, end: { line: 13, character: 14 } }],
  ]);
  assert.match(vs[0].message, /timeoutz/);
});
