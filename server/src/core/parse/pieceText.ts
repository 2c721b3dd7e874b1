// A file's text kept in pieces of a few KB, for documents the editor changes one keystroke
// at a time. A JavaScript string cannot be changed in place: each version of a 1 MB file
// held as one string is a fresh 1 MB copy (and 1 MB of garbage). Here an edit makes a new
// version that shares every piece but the one or two it touches, and the analysis reads
// only the span it re-parses. The whole text is joined only when something asks for it.
//
// Each version remembers (weakly) the version it was made from and the span that changed,
// so the analysis of a later version finds what changed since the one it analysed without
// comparing the two texts; when a version in between is gone, the pieces the two versions
// still share tell the span instead.
import { createLineIndex, lastStartAtOrBefore, updateLineIndex, type LineIndex } from './lineIndex';
import type { SourceText } from './sourceText';
import type { TextChange } from './textChange';

/** Pieces are cut at this length; one grown past twice it is cut again. */
const PIECE_LENGTH = 4096;
/** How many versions back `changeSince` follows before giving up. */
const MAX_CHAIN = 256;

function cut(text: string, out: string[]): void {
  for (let i = 0; i < text.length; i += PIECE_LENGTH) out.push(text.slice(i, i + PIECE_LENGTH));
}

/** The span covering `first` and then `second` (which is in the coordinates `first` produced). */
export function composeChanges(first: TextChange, second: TextChange): TextChange {
  const start = Math.min(first.start, second.start);
  // where the later change ends, in the text before the first one
  const end = Math.max(first.newEnd, second.oldEnd);
  const oldEnd = end - first.newEnd + first.oldEnd;
  const newEnd = end + (second.newEnd - second.oldEnd);
  return { start, oldEnd, newEnd };
}

export class PieceText implements SourceText {
  readonly length: number;
  private flat: string | undefined;
  private index: LineIndex | undefined;

  private constructor(
    private readonly pieces: readonly string[],
    /** starts[i] is the offset of pieces[i]; starts[pieces.length] is the length. */
    private readonly starts: Int32Array,
    private readonly parent: WeakRef<PieceText> | undefined,
    /** What changed from the parent: offsets in the parent (start, oldEnd) and here (newEnd). */
    readonly change: TextChange | undefined,
    parentIndex: LineIndex | undefined,
  ) {
    this.length = starts[pieces.length];
    if (parentIndex && change) this.index = updateLineIndex(parentIndex, this, change);
  }

  static of(text: string): PieceText {
    const pieces: string[] = [];
    cut(text, pieces);
    const starts = new Int32Array(pieces.length + 1);
    for (let i = 0; i < pieces.length; i++) starts[i + 1] = starts[i] + pieces[i].length;
    const made = new PieceText(pieces, starts, undefined, undefined, undefined);
    made.flat = text;
    return made;
  }

  /** Offsets → positions; kept up to date from version to version. */
  get lineIndex(): LineIndex {
    return (this.index ??= createLineIndex(this));
  }

  /** Index of the piece holding `offset` (the last piece for the end of the text; starts[] ends with the length). */
  private pieceAt(offset: number): number {
    return Math.max(0, Math.min(lastStartAtOrBefore(this.starts, offset), this.pieces.length - 1));
  }

  /** A new version with [start, end) replaced by `text`; this version is unchanged. */
  edit(start: number, end: number, text: string): PieceText {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    const change = { start: from, oldEnd: to, newEnd: from + text.length };
    if (this.pieces.length === 0) return this.derive([text].filter((t) => t.length > 0), change);
    const first = this.pieceAt(from);
    const last = this.pieceAt(to);
    const joined = this.pieces[first].slice(0, from - this.starts[first]) + text + this.pieces[last].slice(to - this.starts[last]);
    const middle: string[] = [];
    if (joined.length > 2 * PIECE_LENGTH) cut(joined, middle);
    else if (joined.length > 0) middle.push(joined);
    return this.derive([...this.pieces.slice(0, first), ...middle, ...this.pieces.slice(last + 1)], change);
  }

  private derive(pieces: string[], change: TextChange): PieceText {
    const starts = new Int32Array(pieces.length + 1);
    for (let i = 0; i < pieces.length; i++) starts[i + 1] = starts[i] + pieces[i].length;
    return new PieceText(pieces, starts, new WeakRef(this), change, this.index);
  }

  charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i].charCodeAt(offset - this.starts[i]);
  }

  slice(start: number, end: number = this.length): string {
    if (this.flat !== undefined) return this.flat.slice(start, end);
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (from === to) return '';
    const first = this.pieceAt(from);
    const last = this.pieceAt(to - 1);
    if (first === last) return this.pieces[first].slice(from - this.starts[first], to - this.starts[first]);
    const parts = [this.pieces[first].slice(from - this.starts[first])];
    for (let i = first + 1; i < last; i++) parts.push(this.pieces[i]);
    parts.push(this.pieces[last].slice(0, to - this.starts[last]));
    return parts.join('');
  }

  /** Has the whole text been made into one string (by `of`, or by `toString`)? */
  get joined(): boolean {
    return this.flat !== undefined;
  }

  /** The whole text as one string (joined once per version, on first use). */
  toString(): string {
    return (this.flat ??= this.pieces.join(''));
  }

  /**
   * The span that changed from `other`, an earlier version of the same document: exact when
   * this version was made from it by edits whose versions are still in memory; otherwise
   * the span between the pieces the two share at the start and at the end (a little wider
   * than the edits, never narrower). A version made from unrelated text shares none: the
   * span is then the whole text.
   */
  changeSince(other: PieceText): TextChange {
    const changes: TextChange[] = [];
    let version: PieceText | undefined = this;
    for (let steps = 0; version && version !== other && steps < MAX_CHAIN; steps++) {
      if (!version.change) break;
      changes.push(version.change);
      version = version.parent?.deref();
    }
    if (version !== other) return this.spanFrom(other);
    if (changes.length === 0) return { start: 0, oldEnd: 0, newEnd: 0 };
    let total = changes[changes.length - 1];
    for (let i = changes.length - 2; i >= 0; i--) total = composeChanges(total, changes[i]);
    return total;
  }

  /** The span outside the pieces both versions hold, the same string objects in the same places. */
  private spanFrom(other: PieceText): TextChange {
    const a = other.pieces;
    const b = this.pieces;
    const shorter = Math.min(a.length, b.length);
    let front = 0;
    while (front < shorter && a[front] === b[front]) front++;
    let back = 0;
    while (back < shorter - front && a[a.length - 1 - back] === b[b.length - 1 - back]) back++;
    return { start: other.starts[front], oldEnd: other.starts[a.length - back], newEnd: this.starts[b.length - back] };
  }
}
