// splitDocuments and createLineIndex: string in, exact structure out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../support/core.mjs';
import { marked } from '../support/markers.mjs';

const { splitDocuments, createLineIndex } = core;

test('splitDocuments: one document without markers is one chunk at 0', () => {
  assert.deepEqual(splitDocuments('a: 1\nb: 2\n'), [{ text: 'a: 1\nb: 2\n', offset: 0 }]);
});

test('splitDocuments: each chunk starts at its --- line', () => {
  assert.deepEqual(splitDocuments('a: 1\n---\nb: 2\n--- # third\nc: 3\n'), [
    { text: 'a: 1\n', offset: 0 },
    { text: '---\nb: 2\n', offset: 5 },
    { text: '--- # third\nc: 3\n', offset: 14 },
  ]);
});

test('splitDocuments: a leading --- does not make an empty first chunk', () => {
  assert.deepEqual(splitDocuments('---\na: 1\n'), [{ text: '---\na: 1\n', offset: 0 }]);
});

test('splitDocuments: empty documents (---\\n---\\n) are chunks of their own', () => {
  assert.deepEqual(splitDocuments('---\n---\n'), [{ text: '---\n', offset: 0 }, { text: '---\n', offset: 4 }]);
});

test('splitDocuments: CRLF markers and a marker on the last line without newline', () => {
  assert.deepEqual(splitDocuments('a: 1\r\n---\r\nb: 2\r\n---'), [
    { text: 'a: 1\r\n', offset: 0 },
    { text: '---\r\nb: 2\r\n', offset: 6 },
    { text: '---', offset: 17 },
  ]);
});

test('splitDocuments: ---x, ----, indented --- and --- inside a block scalar are not markers', () => {
  const text = 'a: |\n  ---\n  text\nb: ---x\n----\n ---\n';
  assert.deepEqual(splitDocuments(text), [{ text, offset: 0 }]);
});

test('splitDocuments: --- followed by content on the same line starts a document', () => {
  assert.deepEqual(splitDocuments('a: 1\n--- |\n  x\n'), [{ text: 'a: 1\n', offset: 0 }, { text: '--- |\n  x\n', offset: 5 }]);
});

test('splitDocuments: a file with directives is not split', () => {
  const text = '%YAML 1.1\n---\na: 1\n---\nb: 2\n';
  assert.deepEqual(splitDocuments(text), [{ text, offset: 0 }]);
});

test('splitDocuments: the chunks put back together are the text, with matching offsets', () => {
  const text = '# c\n---\na: 1\n...\n---\n- x\n---\n\n---\nz\n';
  const chunks = splitDocuments(text);
  assert.equal(chunks.map((c) => c.text).join(''), text);
  for (const c of chunks) assert.equal(text.slice(c.offset, c.offset + c.text.length), c.text);
});

test('splitDocuments: empty text is one empty chunk', () => {
  assert.deepEqual(splitDocuments(''), [{ text: '', offset: 0 }]);
});

test('createLineIndex: marked positions round-trip (LF)', () => {
  const { text, offsets, positions } = marked('|a: 1\nb: |2\n|\n|c|');
  const index = createLineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(offsets.map((o) => index.positionAt(o)), positions);
  assert.deepEqual(positions.map((p) => index.offsetAt(p)), offsets);
  assert.deepEqual(positions, [
    { line: 0, character: 0 },
    { line: 1, character: 3 },
    { line: 2, character: 0 },
    { line: 3, character: 0 },
    { line: 3, character: 1 },
  ]);
});

test('createLineIndex: columns are UTF-16 code units (emoji = 2, é = 1)', () => {
  const { text, offsets } = marked('name: "🚀é|"\n🚀🚀|x: 1\n');
  const index = createLineIndex(text);
  assert.deepEqual(index.positionAt(offsets[0]), { line: 0, character: 10 });
  assert.deepEqual(index.positionAt(offsets[1]), { line: 1, character: 4 });
  assert.equal(index.offsetAt({ line: 1, character: 4 }), offsets[1]);
});

test('createLineIndex: CRLF — the \\r belongs to no column; positions past the line end clamp before it', () => {
  const text = 'ab\r\ncd\r\n';
  const index = createLineIndex(text);
  assert.equal(index.lineCount, 3);
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(2), { line: 0, character: 2 }); // the \r
  assert.deepEqual(index.positionAt(3), { line: 0, character: 2 }); // the \n
  assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(6), { line: 1, character: 2 });
  assert.deepEqual(index.positionAt(8), { line: 2, character: 0 });
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(index.offsetAt({ line: 2, character: 0 }), 8);
});

test('createLineIndex: out-of-range input clamps', () => {
  const text = 'a: 1\nb: 2';
  const index = createLineIndex(text);
  assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(999), { line: 1, character: 4 });
  assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
  assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
  assert.equal(index.offsetAt({ line: 0, character: -3 }), 0);
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 4);
});

test('createLineIndex: empty text and a text that is one newline', () => {
  const empty = createLineIndex('');
  assert.equal(empty.lineCount, 1);
  assert.deepEqual(empty.positionAt(0), { line: 0, character: 0 });
  assert.equal(empty.offsetAt({ line: 0, character: 5 }), 0);
  const newline = createLineIndex('\n');
  assert.equal(newline.lineCount, 2);
  assert.deepEqual(newline.positionAt(1), { line: 1, character: 0 });
});

test('createLineIndex: a 100,000-character line', () => {
  const text = `a: ${'x'.repeat(100_000)}\nb: 1\n`;
  const index = createLineIndex(text);
  assert.deepEqual(index.positionAt(100_003), { line: 0, character: 100_003 });
  assert.deepEqual(index.positionAt(100_004), { line: 1, character: 0 });
});
