// PieceText: an editor's document kept in pieces. Whatever the edits, every version must
// read exactly as the same edits applied to a plain string (length, slices, characters,
// line index), earlier versions must stay as they were, and the span it reports as changed
// since an earlier version must turn that version's text into this one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { core } from '../support/core.mjs';
import { createRandom } from '../../bench/meshFile/random.mjs';

const { PieceText, composeChanges, createLineIndex } = core;

const INSERTS = ['', 'x', '\n', '\r\n', 'a\nb\nc', 'é🚀', '---\n', 'y'.repeat(5000), 'z\n'.repeat(3000)];

function applySpan(oldText, newText, change) {
  return oldText.slice(0, change.start) + newText.slice(change.start, change.newEnd) + oldText.slice(change.oldEnd);
}

function checkReads(piece, text, next, label) {
  assert.equal(piece.length, text.length, `${label}: length`);
  for (let k = 0; k < 20; k++) {
    const a = Math.floor(next() * (text.length + 1));
    const b = a + Math.floor(next() * 9000);
    assert.equal(piece.slice(a, b), text.slice(a, b), `${label}: slice(${a}, ${b})`);
    assert.equal(piece.charCodeAt(a), text.charCodeAt(a), `${label}: charCodeAt(${a})`);
  }
  assert.equal(piece.slice(text.length - 3), text.slice(text.length - 3), `${label}: slice to the end`);
  const fresh = createLineIndex(text);
  assert.deepEqual(Array.from(piece.lineIndex.lineStarts), Array.from(fresh.lineStarts), `${label}: line starts`);
  for (let k = 0; k < 10; k++) {
    const offset = Math.floor(next() * (text.length + 1));
    assert.deepEqual(piece.lineIndex.positionAt(offset), fresh.positionAt(offset), `${label}: positionAt(${offset})`);
  }
}

test('PieceText: every version reads as the same edits applied to a string, and earlier versions are unchanged', () => {
  const next = createRandom(20261126).next;
  const base = Array.from({ length: 400 }, (_, i) => `line ${i}: ${'v'.repeat(i % 37)}${i % 5 === 0 ? '\r' : ''}\n`).join('');
  let text = base;
  let piece = PieceText.of(base);
  piece.lineIndex; // the editor's document builds its index on open
  const history = [];
  for (let i = 0; i < 400; i++) {
    const start = Math.floor(next() * (text.length + 1));
    const end = Math.min(text.length, start + Math.floor(next() * (next() < 0.1 ? 9000 : 20)));
    const insert = INSERTS[Math.floor(next() * INSERTS.length)];
    const updated = text.slice(0, start) + insert + text.slice(end);
    const edited = piece.edit(start, end, insert);
    assert.deepEqual(edited.change, { start, oldEnd: end, newEnd: start + insert.length });
    history.push([piece, text]);
    piece = edited;
    text = updated;
    if (i % 10 === 0) checkReads(piece, text, next, `after edit ${i}`);
    assert.equal(piece.joined, false, 'an edit never joins the whole text');
    if (text.length > 60000) {
      text = base;
      piece = PieceText.of(base);
      piece.lineIndex;
    }
  }
  assert.equal(String(piece), text);
  assert.equal(piece.joined, true);
  // the versions edits were made from read as they did
  for (const [old, oldText] of history.filter((_, i) => i % 37 === 0)) assert.equal(String(old), oldText);
});

test('PieceText.changeSince: the composed span turns the earlier text into the later one', () => {
  const next = createRandom(7).next;
  const base = 'apiVersion: v1\nkind: ConfigMap\ndata:\n' + Array.from({ length: 2000 }, (_, i) => `  k${i}: "${i}"\n`).join('');
  for (let round = 0; round < 60; round++) {
    const first = PieceText.of(base);
    let piece = first;
    let text = base;
    const steps = 1 + Math.floor(next() * 12);
    for (let s = 0; s < steps; s++) {
      const start = Math.floor(next() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(next() * 30));
      const insert = INSERTS[Math.floor(next() * 6)];
      piece = piece.edit(start, end, insert);
      text = text.slice(0, start) + insert + text.slice(end);
    }
    const change = piece.changeSince(first);
    assert.equal(applySpan(base, text, change), text, `round ${round}: ${JSON.stringify(change)}`);
    assert.equal(change.newEnd - change.oldEnd, text.length - base.length);
  }
  // unrelated texts share no piece: the whole text changed
  assert.deepEqual(PieceText.of('abc').edit(0, 0, 'b').changeSince(PieceText.of('abc')), { start: 0, oldEnd: 3, newEnd: 4 });
});

test('PieceText.changeSince without the chain (a version in between is gone, or a sibling): the span outside the shared pieces covers every edit', () => {
  const next = createRandom(99).next;
  const base = Array.from({ length: 3000 }, (_, i) => `  key${i}: value ${i}\n`).join('');
  const root = PieceText.of(base);
  for (let round = 0; round < 40; round++) {
    // two versions made from the same one by different edits: neither is the other's ancestor
    let left = root;
    let leftText = base;
    let right = root;
    let rightText = base;
    for (let s = 0; s < 1 + Math.floor(next() * 4); s++) {
      const at = Math.floor(next() * leftText.length);
      const insert = INSERTS[Math.floor(next() * 6)];
      left = left.edit(at, at + 3, insert);
      leftText = leftText.slice(0, at) + insert + leftText.slice(at + 3);
    }
    const at = Math.floor(next() * rightText.length);
    right = right.edit(at, at + 5, 'z');
    rightText = rightText.slice(0, at) + 'z' + rightText.slice(at + 5);
    const change = right.changeSince(left);
    assert.equal(applySpan(leftText, rightText, change), rightText, `round ${round}: ${JSON.stringify(change)}`);
  }
  // edits near each other: the span is a few pieces wide, not the whole text
  const a = root.edit(30000, 30001, 'A');
  const b = root.edit(31000, 31000, 'BB');
  const span = b.changeSince(a);
  assert.ok(span.start <= 30000 && span.oldEnd >= 31000, JSON.stringify(span));
  assert.ok(span.oldEnd - span.start <= 3 * 4096, `a few pieces: ${JSON.stringify(span)}`);
});

test('composeChanges: two edits, apart, overlapping and nested', () => {
  // "abcdef" → replace [1,2) "b" by "XY" → "aXYcdef" → replace [4,6) "de" by "" → "aXYcf"
  assert.deepEqual(composeChanges({ start: 1, oldEnd: 2, newEnd: 3 }, { start: 4, oldEnd: 6, newEnd: 4 }), { start: 1, oldEnd: 5, newEnd: 4 });
  // the second edit before the first
  assert.deepEqual(composeChanges({ start: 4, oldEnd: 5, newEnd: 5 }, { start: 0, oldEnd: 1, newEnd: 3 }), { start: 0, oldEnd: 5, newEnd: 7 });
  // the second inside the text the first inserted
  assert.deepEqual(composeChanges({ start: 2, oldEnd: 2, newEnd: 10 }, { start: 4, oldEnd: 6, newEnd: 5 }), { start: 2, oldEnd: 2, newEnd: 9 });
});

test('PieceText: edits at the ends and of an empty text', () => {
  let piece = PieceText.of('');
  assert.equal(piece.length, 0);
  assert.equal(piece.slice(0), '');
  piece = piece.edit(0, 0, 'b: 2\n');
  piece = piece.edit(0, 0, 'a: 1\n');
  piece = piece.edit(piece.length, piece.length, 'c: 3');
  assert.equal(String(piece), 'a: 1\nb: 2\nc: 3');
  assert.deepEqual(piece.lineIndex.positionAt(piece.length), { line: 2, character: 4 });
  // out-of-range offsets are clamped, as an editor's would be
  assert.equal(String(piece.edit(-5, 2, '')), ' 1\nb: 2\nc: 3');
  assert.equal(String(piece.edit(3, 999, '!')), 'a: !');
  assert.equal(String(piece.edit(0, piece.length, '')), '');
});
