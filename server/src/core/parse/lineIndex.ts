// Offsets → LSP positions. JavaScript strings are UTF-16, so an offset difference on one
// line is already the UTF-16 column LSP wants. Built once per file text; after an edit,
// updated from the previous version's index (only the changed span is scanned).
import type { SourceText } from './sourceText';
import type { TextChange } from './textChange';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface LineIndex {
  positionAt(offset: number): Position;
  /** The 0-based line of an offset (positionAt's line, without making a Position). */
  lineOf(offset: number): number;
  offsetAt(position: Position): number;
  readonly lineCount: number;
  /** Offset of the first character of each line; lineStarts[0] is 0. */
  readonly lineStarts: Int32Array;
}

/** The line starts within [from, from + text.length) of a text, `text` being that span. */
function pushLineStarts(text: string, from: number, starts: number[]): void {
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(from + i + 1);
}

/** Index of the last of the ascending `starts` that is ≤ offset (0 when none is): a line's, or a piece's (pieceText.ts). */
export function lastStartAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function indexOver(text: SourceText, starts: Int32Array): LineIndex {
  const lineEnd = (line: number): number => {
    if (line + 1 >= starts.length) return text.length;
    let end = starts[line + 1] - 1; // the '\n'
    if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--; // '\r\n'
    return end;
  };
  return {
    lineCount: starts.length,
    lineStarts: starts,
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      const line = lastStartAtOrBefore(starts, clamped);
      return { line, character: Math.min(clamped, lineEnd(line)) - starts[line] };
    },
    lineOf(offset) {
      return lastStartAtOrBefore(starts, Math.max(0, Math.min(offset, text.length)));
    },
    offsetAt(position) {
      if (position.line >= starts.length) return text.length;
      if (position.line < 0) return 0;
      return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd(position.line));
    },
  };
}

export function createLineIndex(text: string | SourceText): LineIndex {
  const starts: number[] = [0];
  pushLineStarts(String(text), 0, starts);
  return indexOver(text, Int32Array.from(starts));
}

/**
 * The index of `text`, which is the previous text with `change` applied: line starts before
 * the change are kept, the changed span is scanned, and those after it are shifted.
 */
export function updateLineIndex(previous: LineIndex, text: string | SourceText, change: TextChange): LineIndex {
  const old = previous.lineStarts;
  // a line start s follows the '\n' at s - 1: kept while that '\n' is before the change
  const keep = lastStartAtOrBefore(old, change.start) + 1;
  const middle: number[] = [];
  pushLineStarts(text.slice(change.start, change.newEnd), change.start, middle);
  // the first old line start whose '\n' lies after the replaced span
  let next = lastStartAtOrBefore(old, change.oldEnd) + 1;
  while (next < old.length && old[next] - 1 < change.oldEnd) next++;
  // an edit inside one line that keeps the length moves no line start: the table is shared
  if (middle.length === 0 && next === keep && change.newEnd === change.oldEnd) return indexOver(text, old);
  const starts = new Int32Array(keep + middle.length + old.length - next);
  starts.set(old.subarray(0, keep));
  starts.set(middle, keep);
  starts.set(old.subarray(next), keep + middle.length);
  const delta = change.newEnd - change.oldEnd;
  if (delta !== 0) for (let j = keep + middle.length; j < starts.length; j++) starts[j] += delta;
  return indexOver(text, starts);
}
