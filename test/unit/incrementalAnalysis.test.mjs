// After an edit the core re-analyses only the documents the changed span touches and
// updates the line index from the previous one. Whatever the edit, the result must equal a
// fresh analysis of the new text: these tests apply random edits (including ones that make
// or break `---` markers, line breaks, CRLF, directives and template actions) and compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core, loadValidateResource } from '../support/core.mjs';
import { createRandom } from '../../bench/meshFile/random.mjs';

const { analyzeFile, createLineIndex, updateLineIndex, findChange, PieceText } = core;

const validate = loadValidateResource();

function options(counter) {
  return {
    maxFileSizeKB: 2048,
    aliasBudget: 10000,
    validateResource: (resource, locator) => {
      if (counter) counter.calls++;
      return validate(resource, locator);
    },
  };
}

const BASE = [
  'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v1\n      weight: 100\n    timeout: 5s\n',
  '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels: {version: v1}\n',
  '--- # a comment on the marker line\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: reviews\r\nspec:\r\n  ports:\r\n  - port: 9080\r\n    name: http\r\n',
  '---\n',
  '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews-v1\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: reviews}\n  template:\n    metadata:\n      labels: {app: reviews, version: v1}\n    spec:\n      containers:\n      - name: app\n        image: reviews:1\n        bogus: true\n',
  '---\nkey: [unclosed\n',
].join('');

// Snippets an edit may insert: markers, breaks, directives, template actions, junk.
const INSERTS = ['', '\n', '\r\n', '---', '\n---\n', '--- ', '-', 'x', '  ', ': ', '%YAML 1.1\n', '{{ .Values.x }}', '{', '}', 'kind: Gateway\n', '#', '"', '\t', 'é'];

function comparable(file) {
  return {
    text: file.text,
    documents: file.documents.map((d) => ({ offset: d.offset, text: d.analysis.text, shape: d.analysis.shape, findings: d.analysis.findings })),
    findings: file.findings,
    isTemplate: file.isTemplate,
    lineStarts: Array.from(file.lineIndex.lineStarts),
    lineCount: file.lineIndex.lineCount,
  };
}

test('findChange: the one span between the common prefix and suffix', () => {
  assert.equal(findChange('abc', 'abc'), undefined);
  assert.deepEqual(findChange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(findChange('abc', 'abXc'), { start: 2, oldEnd: 2, newEnd: 3 });
  assert.deepEqual(findChange('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
  assert.deepEqual(findChange('', 'x'), { start: 0, oldEnd: 0, newEnd: 1 });
  const long = 'a'.repeat(10000);
  assert.deepEqual(findChange(long + 'b' + long, long + long), { start: 10000, oldEnd: 10001, newEnd: 10000 });
});

test('updateLineIndex: equals a fresh index after random edits', () => {
  const next = createRandom(7).next;
  let text = BASE;
  let index = createLineIndex(text);
  for (let i = 0; i < 2000; i++) {
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * 12));
    const updated = text.slice(0, start) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(end);
    const change = findChange(text, updated);
    index = change ? updateLineIndex(index, updated, change) : index;
    text = updated;
    assert.deepEqual(Array.from(index.lineStarts), Array.from(createLineIndex(text).lineStarts), `after edit ${i}`);
  }
});

test('updateLineIndex: an edit inside one line that keeps the length shares the table of line starts', () => {
  const index = createLineIndex('ab\ncd\nef');
  const same = updateLineIndex(index, 'ab\ncX\nef', { start: 4, oldEnd: 5, newEnd: 5 });
  assert.equal(same.lineStarts, index.lineStarts);
  assert.deepEqual(same.positionAt(4), { line: 1, character: 1 });
  // a longer line, or a line break replaced, makes a new table
  assert.notEqual(updateLineIndex(index, 'ab\ncXd\nef', { start: 4, oldEnd: 4, newEnd: 5 }).lineStarts, index.lineStarts);
  assert.deepEqual(Array.from(updateLineIndex(index, 'abXcd\nef', { start: 2, oldEnd: 3, newEnd: 3 }).lineStarts), [0, 6]);
});

test('analyzeFile after an edit equals a fresh analysis, over random edits', () => {
  const next = createRandom(20261125).next;
  let text = BASE;
  let file = analyzeFile(text, options());
  for (let i = 0; i < 600; i++) {
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * 8));
    const insert = INSERTS[Math.floor(next() * INSERTS.length)];
    // most edits keep the file near its start shape; a few start again from BASE
    text = next() < 0.05 ? BASE : text.slice(0, start) + insert + text.slice(end);
    if (text.length > 4000) text = BASE;
    file = analyzeFile(text, options(), file);
    assert.deepEqual(comparable(file), comparable(analyzeFile(text, options())), `after edit ${i}: ${JSON.stringify(insert)} at ${start}`);
  }
});

test('analyzeFile of an editor document in pieces equals a fresh analysis of the string, over random edits and skipped versions', () => {
  const next = createRandom(42).next;
  // many documents, so the file spans several pieces and edits land in different ones
  const base = BASE.repeat(8);
  let text = base;
  let piece = PieceText.of(base);
  let file = analyzeFile(piece, options());
  for (let i = 0; i < 500; i++) {
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * 8));
    const insert = INSERTS[Math.floor(next() * INSERTS.length)];
    piece = piece.edit(start, end, insert);
    text = text.slice(0, start) + insert + text.slice(end);
    // an editor sends several changes before the analysis runs now and then
    if (next() < 0.3) continue;
    file = analyzeFile(piece, options(), file);
    assert.deepEqual(comparable(file), comparable(analyzeFile(text, options())), `after edit ${i}: ${JSON.stringify(insert)} at ${start}`);
    if (text.length > 12000) {
      text = base;
      piece = PieceText.of(base);
      file = analyzeFile(piece, options(), file);
    }
  }
});

test('analyzeFile of a document in pieces from an analysis that is not its ancestor (the chain between is gone) equals a fresh analysis', () => {
  const next = createRandom(5).next;
  const base = BASE.repeat(12);
  const root = PieceText.of(base);
  const rootFile = analyzeFile(root, options());
  for (let i = 0; i < 150; i++) {
    // a sibling: made from the root by other edits than the analysed version
    const at = Math.floor(next() * base.length);
    const insert = INSERTS[Math.floor(next() * INSERTS.length)];
    const analysed = root.edit(at, Math.min(base.length, at + 2), 'x');
    const analysedFile = analyzeFile(analysed, options(), rootFile);
    const to = Math.floor(next() * base.length);
    const sibling = root.edit(to, Math.min(base.length, to + Math.floor(next() * 6)), insert);
    const file = analyzeFile(sibling, options(), analysedFile);
    assert.deepEqual(comparable(file), comparable(analyzeFile(String(sibling), options())), `round ${i}: ${JSON.stringify(insert)} at ${to}`);
  }
});

test('a one-line edit of an editor document in pieces reads only the edited span: the whole text is never joined', () => {
  const docs = Array.from({ length: 200 }, (_, i) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n      - name: app\n        image: app:1\n        bogus: ${i}\n`);
  const text = docs.join('');
  let piece = PieceText.of(text);
  let file = analyzeFile(piece, options());
  let expected = text;
  for (const i of [150, 20, 199, 0]) {
    const at = expected.indexOf('replicas: ', expected.indexOf(`name: app-${i}\n`)) + 'replicas: '.length;
    piece = piece.edit(at, at + 1, '7');
    expected = expected.slice(0, at) + '7' + expected.slice(at + 1);
    file = analyzeFile(piece, options(), file);
    assert.equal(piece.joined, false, `edit in document ${i}: the text stays in pieces`);
    assert.equal(file.findings.length, 200, 'every bogus field is still reported');
  }
  assert.deepEqual(comparable(file), comparable(analyzeFile(expected, options())));
});

test('analyzeFile after a one-line edit analyses only the edited document, and reuses the others as they were', () => {
  const counter = { calls: 0 };
  const docs = Array.from({ length: 50 }, (_, i) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n      - name: app\n        image: app:1\n`);
  const text = docs.join('');
  const first = analyzeFile(text, options(counter));
  assert.equal(counter.calls, 50);
  const at = text.indexOf('replicas: 1', text.indexOf('name: app-20'));
  const edited = text.slice(0, at) + 'replicas: 4' + text.slice(at + 'replicas: 1'.length);
  counter.calls = 0;
  const second = analyzeFile(edited, options(counter), first);
  assert.equal(counter.calls, 1, 'only the edited Deployment is validated again');
  second.documents.forEach((d, i) => {
    if (i === 20) assert.notEqual(d.analysis, first.documents[i].analysis);
    else assert.equal(d.analysis, first.documents[i].analysis, `document ${i} is reused`);
  });
  // a line added in document 10 moves the later ones by its length
  const grown = text.replace('  name: app-10\n', '  name: app-10\n  namespace: shop\n');
  const third = analyzeFile(grown, options(counter), first);
  assert.equal(third.documents[11].offset, first.documents[11].offset + '  namespace: shop\n'.length);
  assert.equal(third.documents[11].analysis, first.documents[11].analysis);
  assert.deepEqual(comparable(third), comparable(analyzeFile(grown, options())));
});

test('the binary check after an edit: past the sampled start the earlier answer stands; in it, the file is checked again', () => {
  const big = BASE.repeat(Math.ceil(20000 / BASE.length));
  const previous = analyzeFile(big, options());
  const edits = [
    [15000, 0, 'x'], // past the sample: same as a fresh analysis
    [15000, 0, '\u0000\u0000'], // a NUL past the sample: not binary for a fresh analysis either
    [100, 0, '\u0000'], // inside the sample: binary
  ];
  for (const [at, removed, inserted] of edits) {
    const text = big.slice(0, at) + inserted + big.slice(at + removed);
    const after = analyzeFile(text, options(), previous);
    assert.deepEqual(comparable(after), comparable(analyzeFile(text, options())));
  }
  const binary = analyzeFile(big.slice(0, 100) + '\u0000' + big.slice(100), options(), previous);
  assert.deepEqual(binary.findings.map((f) => f.code), ['MM106']);
});

test('toDiagnostics reuses nothing stale: the same finding objects after a line moved, and after a severity setting changed', () => {
  const { toDiagnostics, DEFAULT_SETTINGS } = core;
  const findings = [{ code: 'MM101', message: 'duplicate', start: 3, end: 5 }];
  const none = () => false;
  // same length, same finding offsets, but the line break moved: 'cd' was line 1 col 0, is now line 1 col 1
  const before = toDiagnostics(findings, createLineIndex('ab\ncd'), DEFAULT_SETTINGS, none);
  assert.deepEqual(before[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  const after = toDiagnostics(findings, createLineIndex('a\nbcd'), DEFAULT_SETTINGS, none);
  assert.deepEqual(after[0].range, { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } });
  // unchanged: the very same diagnostic again
  assert.equal(toDiagnostics(findings, createLineIndex('a\nbcd'), DEFAULT_SETTINGS, none)[0], after[0]);
  const warning = { ...DEFAULT_SETTINGS, rules: { MM101: 'warning' } };
  assert.equal(toDiagnostics(findings, createLineIndex('a\nbcd'), warning, none)[0].severity, 2);
  assert.equal(toDiagnostics(findings, createLineIndex('a\nbcd'), DEFAULT_SETTINGS, none)[0].severity, 1);
  // on a CRLF line end, the column is clamped before the '\r' and is never taken from the cache wrongly
  const crlf = [{ code: 'MM101', message: 'at the end', start: 2, end: 3 }];
  const first = toDiagnostics(crlf, createLineIndex('ab\r\ncd'), DEFAULT_SETTINGS, none);
  assert.deepEqual(first[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
  assert.deepEqual(toDiagnostics(crlf, createLineIndex('abc\ncd'), DEFAULT_SETTINGS, none)[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
});
