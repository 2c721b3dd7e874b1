// findSuppressions: which (code, offset) pairs the disable comments silence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../support/core.mjs';
import { marked } from '../support/markers.mjs';

function suppressions(text) {
  const starts = core.splitDocuments(text).map((c) => c.offset);
  return core.findSuppressions(text, core.createLineIndex(text), starts);
}

test('no comment: nothing is suppressed', () => {
  const isSuppressed = suppressions('a: 1\na: 2\n');
  assert.equal(isSuppressed('MM101', 5), false);
});

test('disable-next-line CODE: that code, on the whole next line only', () => {
  const { text, offsets } = marked('|a: 1\n# mumbai-mesh-disable-next-line MM101\n|a: |2|\n|a: 3\n');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM101', offsets[0]), false, 'the line before the comment');
  assert.equal(isSuppressed('MM101', offsets[1]), true, 'start of the next line');
  assert.equal(isSuppressed('MM101', offsets[2]), true, 'middle of the next line');
  assert.equal(isSuppressed('MM101', offsets[3]), true, 'end of the next line');
  assert.equal(isSuppressed('MM101', offsets[4]), false, 'the line after');
  assert.equal(isSuppressed('MM102', offsets[1]), false, 'another code');
});

test('disable-next-line with several codes, comma or space separated, any case', () => {
  const { text, offsets } = marked('# mumbai-mesh-disable-next-line mm101, MM104 MM102\n|a: 1\n');
  const isSuppressed = suppressions(text);
  for (const code of ['MM101', 'MM102', 'MM104']) assert.equal(isSuppressed(code, offsets[0]), true, code);
  assert.equal(isSuppressed('MM100', offsets[0]), false);
});

test('disable-next-line without codes silences every code', () => {
  const { text, offsets } = marked('# mumbai-mesh-disable-next-line\n|a: 1\n|b: 2\n');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM100', offsets[0]), true);
  assert.equal(isSuppressed('IST0101', offsets[0]), true);
  assert.equal(isSuppressed('MM100', offsets[1]), false);
});

test('disable-next-line with CRLF line endings', () => {
  const { text, offsets } = marked('# mumbai-mesh-disable-next-line MM101\r\n|a: 1|\r\n|b: 2\r\n');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM101', offsets[0]), true);
  assert.equal(isSuppressed('MM101', offsets[1]), true);
  assert.equal(isSuppressed('MM101', offsets[2]), false);
});

test('disable-next-line on the last line suppresses nothing after the end', () => {
  const isSuppressed = suppressions('a: 1\n# mumbai-mesh-disable-next-line MM101');
  assert.equal(isSuppressed('MM101', 0), false);
});

test('disable CODE: from the comment to the end of its YAML document', () => {
  const { text, offsets } = marked('|a: 1\n# mumbai-mesh-disable MM101\n|b: 1\n|c: 1\n|---\n|d: 1\n');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM101', offsets[0]), false, 'before the comment');
  assert.equal(isSuppressed('MM101', offsets[1]), true);
  assert.equal(isSuppressed('MM101', offsets[2]), true);
  assert.equal(isSuppressed('MM101', offsets[3]), false, 'the next document marker');
  assert.equal(isSuppressed('MM101', offsets[4]), false, 'the next document');
  assert.equal(isSuppressed('MM104', offsets[1]), false, 'another code');
});

test('disable without codes: every code, rest of the document; the last document runs to the end of the file', () => {
  const { text, offsets } = marked('a: 1\n---\n# mumbai-mesh-disable\n|b: 1\n|');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM100', offsets[0]), true);
  assert.equal(isSuppressed('XYZ9', offsets[1]), true);
  assert.equal(isSuppressed('MM100', 0), false);
});

test('a comment that only looks similar is ignored', () => {
  const { text, offsets } = marked('# mumbai-mesh-disabled MM101\n|a: 1\n# mumbai-mesh-disable-next-lines\n|b: 1\n');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM101', offsets[0]), false);
  assert.equal(isSuppressed('MM101', offsets[1]), false);
});

test('words after the codes (a reason) do not turn the comment into "all codes"', () => {
  const { text, offsets } = marked('# mumbai-mesh-disable-next-line MM101 -- generated file\n|a: 1\n');
  const isSuppressed = suppressions(text);
  assert.equal(isSuppressed('MM101', offsets[0]), true);
  assert.equal(isSuppressed('MM102', offsets[0]), false);
});
