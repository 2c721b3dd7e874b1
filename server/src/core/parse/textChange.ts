// Where two versions of a file differ: the common prefix and suffix around one changed
// span. An editor sends one small edit at a time, so this span is what must be analysed
// again; everything before it stays where it was and everything after it moves by the
// difference in length.
export interface TextChange {
  /** First offset that differs (the same in both texts). */
  readonly start: number;
  /** End of the replaced span in the old text. */
  readonly oldEnd: number;
  /** End of the replacement in the new text. */
  readonly newEnd: number;
}

// Blocks are compared as strings (one memory comparison each) before single characters.
const BLOCK = 2048;

function prefixLength(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function suffixLength(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** The one span that covers every difference; undefined when the texts are equal. */
export function findChange(oldText: string, newText: string): TextChange | undefined {
  if (oldText === newText) return undefined;
  const shorter = Math.min(oldText.length, newText.length);
  const start = prefixLength(oldText, newText, shorter);
  const suffix = suffixLength(oldText, newText, shorter - start);
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}
