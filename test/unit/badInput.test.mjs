// Hostile and odd input through the core (dist/core.js), as the server and the CLI run it:
// each case ends in a clear diagnostic or none, never an exception, and in bounded work
// (the test timeouts are a bound against hangs, not a speed check; speed lives in bench/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../support/core.mjs';
import { marked, range } from '../support/markers.mjs';
import { billionLaughs, deepBlock, deepFlow, deepFlowMap } from '../support/badInputs.mjs';

const ERROR = 1;
const WARNING = 2;
const INFO = 3;
const BOUND = { timeout: 60_000 };

/** Every diagnostic is well formed and inside the text. */
function assertWellFormed(text, diagnostics) {
  const lines = text.split('\n');
  for (const d of diagnostics) {
    assert.equal(d.source, 'mumbai-mesh');
    assert.equal(typeof d.code, 'string');
    assert.ok([1, 2, 3, 4].includes(d.severity), `severity ${d.severity}`);
    assert.ok(d.message.length > 0);
    const { start, end } = d.range;
    assert.ok(start.line < lines.length && end.line < lines.length, `range inside the text: ${JSON.stringify(d.range)}`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `start before end: ${JSON.stringify(d.range)}`);
    assert.ok(start.character <= lines[start.line].length && end.character <= lines[end.line].length, `columns inside their lines: ${JSON.stringify(d.range)}`);
  }
}

function check(text, settings) {
  const diagnostics = diagnose(text, settings);
  assertWellFormed(text, diagnostics);
  return diagnostics;
}

const short = (diagnostics) => diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range }));

test('broken YAML: syntax errors are MM100 errors, and the rest of the file is still read', () => {
  const cases = [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: "unterminated\n',
    'apiVersion: v1\nkind: Service\nspec:\n  ports: [80, 443\n',
    'key: value\n- item\n',
    '}{][:,&*!|>\'"%@`',
    '? ? ? ?\n: : :\n',
    'a:\n  - b\n c: d\n',
    '"a": 1: 2\n',
  ];
  for (const text of cases) {
    const diagnostics = check(text);
    assert.ok(diagnostics.length > 0, JSON.stringify(text));
    assert.ok(diagnostics.some((d) => d.code === 'MM100' && d.severity === ERROR), JSON.stringify(text));
  }
  // an error in one document does not hide a finding in the next
  const { text, ranges } = marked('a: [1, 2\n---\nb: 1\n|b|: 2\n');
  const diagnostics = check(text);
  assert.ok(diagnostics.some((d) => d.code === 'MM100' && d.range.start.line <= 1));
  assert.deepEqual(short(diagnostics.filter((d) => d.code === 'MM101')), [{ code: 'MM101', severity: ERROR, range: ranges[0] }]);
});

test('a 10 MB file: one MM105 information diagnostic on the first line', BOUND, () => {
  const text = `apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n${'  key: value\n'.repeat(Math.ceil((10 * 1024 * 1024) / 13))}`;
  assert.ok(text.length > 10 * 1024 * 1024);
  assert.deepEqual(short(check(text)), [{ code: 'MM105', severity: INFO, range: range(0, 0, 0, 36) }]);
});

test('a file just under the size limit is analysed; just over it is not', BOUND, () => {
  const body = (n) => `apiVersion: config.mumbai.example/v1\nkind: Settings\nkind: Dup\n# ${'x'.repeat(n)}\n`;
  const limit = 1024; // maxFileSizeKB: 1
  const under = body(limit - 'apiVersion: config.mumbai.example/v1\nkind: Settings\nkind: Dup\n# \n'.length);
  assert.equal(under.length, limit);
  assert.deepEqual(check(under, { maxFileSizeKB: 1 }).map((d) => d.code), ['MM101']);
  assert.deepEqual(check(`${under} `, { maxFileSizeKB: 1 }).map((d) => d.code), ['MM105']);
});

test('an alias bomb (billion laughs): exactly one MM103 at the first alias', BOUND, () => {
  const text = `apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n${billionLaughs('  ')}`;
  const diagnostics = check(text);
  assert.deepEqual(short(diagnostics), [{ code: 'MM103', severity: ERROR, range: range(4, 9, 4, 11) }]);
  // the same bomb without apiVersion/kind, and in the second document of a file
  assert.deepEqual(check(billionLaughs()).map((d) => d.code), ['MM103']);
  assert.deepEqual(check(`apiVersion: config.mumbai.example/v1\nkind: Settings\n---\n${billionLaughs()}`).map((d) => d.code), ['MM103']);
});

test('many aliases to one small anchor: within budget clean, past it one MM103', BOUND, () => {
  const file = (n) => `apiVersion: config.mumbai.example/v1\nkind: Settings\nx: &a 1\ndata:\n${Array.from({ length: n }, (_, i) => `  k${i}: *a\n`).join('')}`;
  assert.deepEqual(check(file(50)), []);
  assert.deepEqual(check(file(5000)).map((d) => d.code), ['MM103']);
  assert.deepEqual(check(file(50), { aliasBudget: 10 }).map((d) => d.code), ['MM103']);
});

test('binary junk: one MM106 at the start', () => {
  const bytes = Buffer.alloc(2048);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
  for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), 'apiVersion: config.mumbai.example/v1\nkind: Settings\n\u0000\u0000', '\u0000']) {
    assert.deepEqual(short(check(text)), [{ code: 'MM106', severity: ERROR, range: range(0, 0, 0, 1) }]);
  }
});

test('Helm templates: one MM107 information diagnostic on the first {{ }}, then only what a template cannot change', () => {
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\nmetadata:\n  name: |{{ include "x.fullname" . }}|\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\ndata:\n  a: 1\n  a: 2\n');
  assert.deepEqual(short(check(text)), [{ code: 'MM107', severity: INFO, range: ranges[0] }, { code: 'MM101', severity: ERROR, range: range(8, 2, 8, 3) }]);
  // templated values are never wrong types, and template-only lines are no syntax errors
  const templated = 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  host: {{ .Values.host }}\n  trafficPolicy:\n    {{- if .Values.pool }}\n    connectionPool:\n      tcp:\n        maxConnections: {{ .Values.pool.max }}\n    {{- end }}\n';
  assert.deepEqual(check(templated).map((d) => d.code), ['MM107']);
  // a template action spanning lines
  assert.deepEqual(check('a: {{\n  .Values.x\n}}\n').map((d) => [d.code, d.range.start.line, d.range.end.line]), [['MM107', 0, 2]]);
});

test('a document that is a list or a plain value: MM108 beside resources, nothing alone', () => {
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\n---\n|- a|\n- b\n---\n|just a sentence|\n---\n');
  assert.deepEqual(short(check(text)), [
    { code: 'MM108', severity: WARNING, range: ranges[0] },
    { code: 'MM108', severity: WARNING, range: ranges[1] },
  ]);
  assert.deepEqual(check('- a\n- b\n'), []);
  assert.deepEqual(check('just a sentence\n'), []);
  assert.deepEqual(check('- a\n---\nplain\n'), []);
});

test('duplicate keys: MM101 on each repeat, covering the key', () => {
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\nmetadata:\n  name: a\n  |name|: b\n  |name|: c\n  labels: {x: 1, |x|: 2, "z": 3, |z|: 4}\n');
  assert.deepEqual(short(check(text)), ranges.map((r) => ({ code: 'MM101', severity: ERROR, range: r })));
  // YAML 1.1 scalars: `yes`, `y` and `true` are the same boolean key; "1" and 1 are not the same key
  assert.deepEqual(check('yes: a\ntrue: b\ny: c\n').map((d) => d.code), ['MM101', 'MM101']);
  assert.deepEqual(check('"1": a\n1: b\n'), []);
  // merge keys may repeat
  assert.deepEqual(check('a: &a {x: 1}\nb: &b {y: 1}\nc:\n  <<: *a\n  <<: *b\n'), []);
});

test('a mapping with 20,000 distinct keys and one with 20,000 repeats finish', BOUND, () => {
  const unique = `apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: v\n`).join('')}`;
  assert.deepEqual(check(unique), []);
  const repeats = `apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n${'  k: v\n'.repeat(20_000)}`;
  const diagnostics = check(repeats);
  assert.equal(diagnostics.length, 19_999);
  assert.ok(diagnostics.every((d) => d.code === 'MM101'));
});

test('very long lines (100,000 characters): ranges after them are exact', BOUND, () => {
  const long = '😀'.repeat(50_000); // 100,000 UTF-16 code units
  const { text, ranges } = marked(`apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: "${long}"\n  b: [${long}, |*nowhere|]\n  |a|: 1\n`);
  assert.deepEqual(short(check(text)), [
    { code: 'MM104', severity: ERROR, range: ranges[0] },
    { code: 'MM101', severity: ERROR, range: ranges[1] },
  ]);
  assert.equal(ranges[0].start.character, 100_008);
});

test('deep nesting (1,000 levels, block and flow): one MM110 or nothing, never a crash', BOUND, () => {
  for (const [name, text] of [['block', deepBlock(1000)], ['flow sequence', deepFlow(1000)], ['flow mapping', deepFlowMap(1000)]]) {
    const diagnostics = check(text);
    assert.ok(diagnostics.length <= 1, `${name}: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.ok(diagnostics.every((d) => d.code === 'MM110' && d.severity === ERROR), name);
  }
  // the same again in one process (a second deep parse once aborted Node)
  assert.ok(check(deepFlow(1000)).every((d) => d.code === 'MM110'));
  // ordinary nesting (50 levels) is fine
  assert.deepEqual(check(deepBlock(50)), []);
  assert.deepEqual(check(deepFlow(50)), []);
});

test('CRLF line endings: ranges are the same as with LF', () => {
  const lf = 'apiVersion: config.mumbai.example/v1\nkind: Settings\nkind: Secret\n---\na: *missing\n---\n- x\n';
  const crlf = lf.replace(/\n/g, '\r\n');
  const expected = [
    { code: 'MM101', severity: ERROR, range: range(2, 0, 2, 4) },
    { code: 'MM104', severity: ERROR, range: range(4, 3, 4, 11) },
    { code: 'MM108', severity: WARNING, range: range(6, 0, 6, 3) },
  ];
  assert.deepEqual(short(check(lf)), expected);
  assert.deepEqual(short(check(crlf)), expected);
  assert.deepEqual(short(check('a: 1\r\n\tb: 2\r\n')), [{ code: 'MM102', severity: ERROR, range: range(1, 0, 1, 1) }]);
});

test('tabs used for indentation: MM102 on the tab', () => {
  const { text, ranges } = marked('apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n|\t|a: 1\n');
  assert.deepEqual(short(check(text)), [{ code: 'MM102', severity: ERROR, range: ranges[0] }]);
  // a tab inside a value or after the indentation is not MM102
  assert.deepEqual(check('apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: "x\ty"\n  b: x\ty\n'), []);
});

test('a byte order mark: parsed as if absent, ranges count it as the one UTF-16 unit it is', () => {
  assert.deepEqual(check('\uFEFFapiVersion: config.mumbai.example/v1\nkind: Settings\n'), []);
  assert.deepEqual(short(check('\uFEFFapiVersion: config.mumbai.example/v1\nkind: Settings\nkind: X\n')), [{ code: 'MM101', severity: ERROR, range: range(2, 0, 2, 4) }]);
  assert.deepEqual(check('\uFEFF# only a comment\n'), []);
});

test('empty documents, empty files, comments only, document end markers: nothing', () => {
  for (const text of ['', '\n', '---\n---\n', '---', '...\n', '# a comment\n# another\n', '---\n# c\n---\n# d\n', '\n\n\n', '   \n', 'apiVersion: config.mumbai.example/v1\nkind: Settings\n...\n---\n...\n']) {
    assert.deepEqual(check(text), [], JSON.stringify(text));
  }
});

test('a resource missing apiVersion or kind: MM109 on the key that is there', () => {
  const one = marked('|apiVersion|: v1\nmetadata:\n  name: x\n');
  assert.deepEqual(short(check(one.text)), [{ code: 'MM109', severity: ERROR, range: one.ranges[0] }]);
  const two = marked('|kind|: Gateway\nmetadata:\n  name: x\n');
  assert.deepEqual(short(check(two.text)), [{ code: 'MM109', severity: ERROR, range: two.ranges[0] }]);
  // a plain mapping that is not trying to be a resource is left alone
  assert.deepEqual(check('name: x\nreplicas: 3\n'), []);
});

test('odd characters: U+2028, lone surrogates, NUL-free control characters in strings', () => {
  assert.deepEqual(check('apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: "x\u2028y"\n'), []);
  assert.deepEqual(check('apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: "\uD800"\n'), []);
  assert.deepEqual(check('apiVersion: config.mumbai.example/v1\nkind: Settings\ndata:\n  a: "\\u0001 escaped"\n'), []);
});

test('a file of 5,000 broken lines finishes with one diagnostic per problem', BOUND, () => {
  const text = '{]:\n'.repeat(5_000);
  const diagnostics = check(text);
  assert.ok(diagnostics.length > 0);
  assert.ok(diagnostics.every((d) => d.code === 'MM100'));
});
