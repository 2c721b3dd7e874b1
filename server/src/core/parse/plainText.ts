// The text side of the fast parser (plainYaml.ts): lines, blank lines, indentation, where a
// key or a quoted scalar ends. The parser extends this with the YAML structure; anything
// these helpers do not recognise ends the fast parse (`fail`).
import { fail, NL, SPACE, startsPlain } from './plainScalar';

export class PlainText {
  /** The indentation of the comment lines the last skipBlankLines passed (-1: none). */
  protected skippedCommentIndent = -1;

  constructor(protected readonly text: string) {}

  protected lineEnd(p: number): number {
    const i = this.text.indexOf('\n', p);
    return i === -1 ? this.text.length : i;
  }

  protected nextLine(p: number): number {
    const end = this.lineEnd(p);
    return end === this.text.length ? end : end + 1;
  }

  protected firstNonSpace(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** Only spaces from p to the end of the line? */
  protected restOfLineEmpty(p: number): boolean {
    const q = this.firstNonSpace(p);
    return q >= this.text.length || this.text.charCodeAt(q) === NL;
  }

  /**
   * From a line start, past blank lines and comment lines, to the next line with content.
   * A comment line is in the subset only where it cannot change a node's range: indented
   * exactly as the content line after it (it then only precedes that line's item). One
   * indented otherwise, or with no content after it, is left to `yaml`.
   */
  protected skipBlankLines(p: number): number {
    const { text } = this;
    let commentIndent = -1;
    this.skippedCommentIndent = -1;
    while (p < text.length) {
      const q = this.firstNonSpace(p);
      if (q >= text.length) break;
      const c = text.charCodeAt(q);
      if (c === NL) {
        p = q + 1;
        continue;
      }
      if (c === 35 /* # */) {
        if (commentIndent !== -1 && commentIndent !== q - p) fail();
        commentIndent = q - p;
        p = this.nextLine(q);
        continue;
      }
      if (commentIndent !== -1 && commentIndent !== q - p) fail();
      this.skippedCommentIndent = commentIndent;
      return p;
    }
    if (commentIndent !== -1) fail();
    return text.length;
  }

  /**
   * A collection at `indent` ends before the line skipBlankLines just reached: comment lines
   * passed on the way, indented as deep as the collection or deeper, would join its range.
   */
  protected endsCleanly(indent: number): void {
    if (this.skippedCommentIndent >= indent) fail();
  }

  protected isSeqEntry(p: number): boolean {
    if (this.text.charCodeAt(p) !== 45 /* - */) return false;
    const c = this.text.charCodeAt(p + 1);
    return c === SPACE || c === NL || Number.isNaN(c);
  }

  /** After a value that ends its line: the offset just past the line break (or the end). */
  protected afterValue(p: number): number {
    const { text } = this;
    const q = this.firstNonSpace(p);
    if (q >= text.length) return text.length;
    const c = text.charCodeAt(q);
    if (c === NL) return q + 1;
    if (c === 35 && q > p) return this.nextLine(q); // a comment after the value
    return fail();
  }

  /** Does the line hold `key: ...` from p? */
  protected startsKey(p: number): boolean {
    const c = this.text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(p);
      return close !== -1 && this.text.charCodeAt(close) === 58 /* : */;
    }
    return this.plainKeyEnd(p) !== -1;
  }

  /** Offset of the `:` ending a plain key that starts at p, or -1. */
  protected plainKeyEnd(p: number): number {
    const { text } = this;
    if (!startsPlain(text, p)) return -1;
    for (let i = p; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NL) return -1;
      if (c === 35 && text.charCodeAt(i - 1) === SPACE) return -1;
      if (c === 58) {
        const after = text.charCodeAt(i + 1);
        if (after === SPACE || after === NL || Number.isNaN(after)) return i;
      }
    }
    return -1;
  }

  /** The offset just past the closing quote of a one-line quoted scalar at p, or -1. */
  protected quoteEnd(p: number): number {
    const { text } = this;
    const quote = text.charCodeAt(p);
    for (let i = p + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NL || (c === 92 /* \ */ && quote === 34)) return -1;
      if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i + 1;
      }
    }
    return -1;
  }

  /** The one-line quoted scalar at p: its value, and the offset just past its closing quote. */
  protected quotedAt(p: number): { value: string; close: number } {
    const close = this.quoteEnd(p);
    if (close === -1) fail();
    return { value: this.unquote(p, close), close };
  }

  protected unquote(p: number, end: number): string {
    const raw = this.text.slice(p + 1, end - 1);
    return this.text.charCodeAt(p) === 39 ? raw.replaceAll("''", "'") : raw;
  }
}
